#include "blockingcall.h"
#include "demodata.h"
#include "redisconnection.h"
#include "stringvalueeditor.h"
#include "testserver.h"

#include <memory>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextCursor>

namespace {

// Replaces the editor's text as typing does (setPlainText() would reset the modified flag).
void type(StringValueEditor &editor, const QString &text)
{
    QTextCursor cursor(editor.editor()->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

} // namespace

class TestStringValueEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void htmlValueIsLiteral();
    void binaryValueEditedInHexRoundTrips();
    void escapedTextRoundTrips();
    void conflictShowsBothAndLetsUserChoose();
    void failedWriteKeepsTheEdit();
    void hugeValueIsAReadOnlyPreview();
    void decodingsOfCachedGzipJson();
    void messagePackValueIsReadable();
    void jsonModeIsReadOnly();

private:
    // An editor on key, its value loaded and decodings done.
    std::unique_ptr<StringValueEditor> open(const QByteArray &key, RedisConnection *connection = nullptr);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestStringValueEditor::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestStringValueEditor::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

std::unique_ptr<StringValueEditor> TestStringValueEditor::open(const QByteArray &key,
                                                               RedisConnection *connection)
{
    auto editor = std::make_unique<StringValueEditor>(connection ? connection : m_connection.get(), key);
    QSignalSpy decoded(editor.get(), &StringValueEditor::decodingsReady);
    editor->resize(700, 500);
    editor->show();
    if (!decoded.wait(10000))
        return nullptr;
    return editor;
}

void TestStringValueEditor::htmlValueIsLiteral()
{
    const QByteArray html = "<img src=x onerror=alert(1)><b>bold</b>";
    QCOMPARE(call({"SET", "k", html}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QCOMPARE(editor->editor()->toPlainText(), QString::fromLatin1(html));
    QCOMPARE(editor->infoText(), QString("39 byte(s)"));
}

void TestStringValueEditor::binaryValueEditedInHexRoundTrips()
{
    const QByteArray bytes("\x00\x01\xfe\xff", 4);
    QCOMPARE(call({"SET", "k", bytes}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QCOMPARE(editor->editor()->toPlainText(), QString("\\0\\x01\\xfe\\xff")); // Text mode, escaped
    QVERIFY(editor->infoText().contains("shown escaped"));
    QVERIFY(editor->setMode(StringValueEditor::Mode::Hex));
    QCOMPARE(editor->editor()->toPlainText(), QString("00 01 fe ff"));
    QVERIFY(!editor->isModified());
    type(*editor, "00 01 fe ff 80\n7f");
    QVERIFY(editor->isModified());
    QSignalSpy saved(editor.get(), &StringValueEditor::savedToServer);
    editor->save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk(QByteArray("\x00\x01\xfe\xff\x80\x7f", 6)));
    QVERIFY(!editor->isModified());
    // Malformed hex is refused before anything is sent.
    type(*editor, "0g");
    editor->save();
    QCOMPARE(editor->errorText(),
             QString("The hex has a character that is not a hex digit, or an odd number of digits."));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk(QByteArray("\x00\x01\xfe\xff\x80\x7f", 6)));
}

void TestStringValueEditor::escapedTextRoundTrips()
{
    QCOMPARE(call({"SET", "k", QByteArray("a\x00\\b", 4)}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QCOMPARE(editor->editor()->toPlainText(), QString("a\\0\\\\b"));
    type(*editor, "a\\0\\\\b\\xc3\\xa9 ok");
    QSignalSpy saved(editor.get(), &StringValueEditor::savedToServer);
    editor->save();
    QVERIFY(saved.wait(10000));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk(QByteArray("a\x00\\b\xc3\xa9 ok", 9)));
    // Clean UTF-8 is typed as is.
    QCOMPARE(call({"SET", "t", "caf\xc3\xa9"}), RedisReply::status("OK"));
    auto text = open("t");
    QVERIFY(text);
    QCOMPARE(text->editor()->toPlainText(), QString::fromUtf8("caf\xc3\xa9"));
}

void TestStringValueEditor::conflictShowsBothAndLetsUserChoose()
{
    QCOMPARE(call({"SET", "k", "v1"}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    type(*editor, "mine");
    QCOMPARE(call({"SET", "k", "theirs"}), RedisReply::status("OK"));
    editor->save();
    QTRY_VERIFY(editor->conflictQuestion() != nullptr);
    QMessageBox *box = editor->conflictQuestion();
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY(box->detailedText().contains("On the server now:\ntheirs"));
    QVERIFY(box->detailedText().contains("Yours:\nmine"));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("theirs"));
    // Load theirs: the editor shows the server's value.
    box->findChild<QPushButton *>("theirsButton")->click();
    QTRY_COMPARE(editor->editor()->toPlainText(), QString("theirs"));
    QVERIFY(!editor->isModified());

    // Again, and this time overwrite.
    type(*editor, "mine again");
    QCOMPARE(call({"SET", "k", "theirs 2"}), RedisReply::status("OK"));
    QSignalSpy saved(editor.get(), &StringValueEditor::savedToServer);
    editor->save();
    QTRY_VERIFY(editor->conflictQuestion() != nullptr);
    editor->conflictQuestion()->findChild<QPushButton *>("overwriteButton")->click();
    QVERIFY(saved.wait(10000));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("mine again"));
}

void TestStringValueEditor::failedWriteKeepsTheEdit()
{
    QCOMPARE(call({"SET", "k", "v"}), RedisReply::status("OK"));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection readOnly(config);
    readOnly.open();
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.isReady(), 10000);
    auto editor = open("k", &readOnly);
    QVERIFY(editor);
    type(*editor, "my careful edit");
    editor->save();
    QTRY_VERIFY(editor->errorText().contains("read-only"));
    QCOMPARE(editor->editor()->toPlainText(), QString("my careful edit"));
    QVERIFY(editor->isModified());
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk("v"));
}

void TestStringValueEditor::hugeValueIsAReadOnlyPreview()
{
    QCOMPARE(call({"SETRANGE", "big", QByteArray::number((64 << 20) - 1), "!"}),
             RedisReply::integer(64 << 20));
    auto editor = open("big");
    QVERIFY(editor);
    QVERIFY2(editor->infoText().startsWith(
                 "Preview: the first 64 KiB of 64 MiB — read-only; use the file buttons"),
             qPrintable(editor->infoText()));
    QVERIFY(editor->editor()->isReadOnly());
    QCOMPARE(editor->editor()->toPlainText().size(), 2 * 64 * 1024); // NULs shown as \0
}

void TestStringValueEditor::decodingsOfCachedGzipJson()
{
    const QByteArray json = R"({"device":7,"readings":[1.5,2.5]})";
    QCOMPARE(call({"SET", "k", DemoData::gzip(json).toBase64()}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QCOMPARE(editor->decodingLabels(), (QStringList{"base64", "base64 → gzip → JSON"}));
    QVERIFY(editor->decodedText(1).contains("\"readings\": ["));
}

void TestStringValueEditor::messagePackValueIsReadable()
{
    // A Socket.IO packet as an app would cache it: MessagePack with a binary field (notepack's encoding).
    const QByteArray packet = QByteArray::fromHex("82a47479706502a46461746192a466696c65c40300ff10");
    QCOMPARE(call({"SET", "k", packet}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QCOMPARE(editor->decodingLabels(), (QStringList{"MessagePack"}));
    QCOMPARE(editor->decodedText(0),
             QString("{\n  \"type\": 2,\n  \"data\": [\n    \"file\",\n    <bin[3]: 00 ff 10>\n  ]\n}"));
    QCOMPARE(call({"GET", "k"}), RedisReply::bulk(packet)); // read-only: the value is untouched
}

void TestStringValueEditor::jsonModeIsReadOnly()
{
    QCOMPARE(call({"SET", "k", R"({"a":1})"}), RedisReply::status("OK"));
    auto editor = open("k");
    QVERIFY(editor);
    QVERIFY(editor->setMode(StringValueEditor::Mode::Json));
    QVERIFY(editor->editor()->isReadOnly());
    QVERIFY(editor->editor()->toPlainText().contains("\"a\": 1"));
    QCOMPARE(call({"SET", "p", "plain"}), RedisReply::status("OK"));
    auto plain = open("p");
    QVERIFY(!plain->setMode(StringValueEditor::Mode::Json));
    QCOMPARE(plain->errorText(), QString("This value is not a JSON object or array."));
    QCOMPARE(plain->mode(), StringValueEditor::Mode::Text);
}

QTEST_MAIN(TestStringValueEditor)
#include "tst_stringvalueeditor.moc"
