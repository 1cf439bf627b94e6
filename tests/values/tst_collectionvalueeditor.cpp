#include "blockingcall.h"
#include "collectionvalueeditor.h"
#include "elementdialog.h"
#include "redisconnection.h"
#include "testserver.h"

#include <memory>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using Kind = CollectionModel::Kind;

class TestCollectionValueEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void htmlIsShownLiterally();
    void addThroughTheDialog();
    void conflictKeepsTheDialogOpen();
    void deleteAsksFirst();
    void bigListLoadsAsItScrolls();
    void searchInAHash();
    void readOnlyDisablesWrites();

private:
    std::unique_ptr<CollectionValueEditor> open(const QByteArray &key, Kind kind,
                                                RedisConnection *connection = nullptr);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }
    QPushButton *button(QWidget *editor, const QString &text);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestCollectionValueEditor::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestCollectionValueEditor::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

std::unique_ptr<CollectionValueEditor> TestCollectionValueEditor::open(const QByteArray &key, Kind kind,
                                                                       RedisConnection *connection)
{
    auto editor =
        std::make_unique<CollectionValueEditor>(connection ? connection : m_connection.get(), key, kind);
    editor->resize(700, 400);
    editor->show();
    if (!QTest::qWaitFor(
            [&editor] { return editor->model()->rowCount() > 0 || editor->model()->isComplete(); }, 10000))
        return nullptr;
    return editor;
}

QPushButton *TestCollectionValueEditor::button(QWidget *editor, const QString &text)
{
    for (QPushButton *candidate : editor->findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

void TestCollectionValueEditor::htmlIsShownLiterally()
{
    QCOMPARE(call({"HSET", "h", "<i>field</i>", "<img src=x onerror=alert(1)>"}), RedisReply::integer(1));
    auto editor = open("h", Kind::Hash);
    QVERIFY(editor);
    QCOMPARE(editor->model()->index(0, 0).data().toString(), QString("<i>field</i>"));
    QCOMPARE(editor->model()->index(0, 1).data().toString(), QString("<img src=x onerror=alert(1)>"));
    QVERIFY(!editor->model()->index(0, 1).data(Qt::ToolTipRole).isValid());
    for (const QLabel *label : editor->findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(editor->statusText(), QString("1 of 1 elements loaded — complete"));
}

void TestCollectionValueEditor::addThroughTheDialog()
{
    QCOMPARE(call({"HSET", "h", "a", "1"}), RedisReply::integer(1));
    auto editor = open("h", Kind::Hash);
    QVERIFY(editor);
    button(editor.get(), "Add…")->click();
    ElementDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = editor->findChild<ElementDialog *>()) != nullptr);
    dialog->findChild<QLineEdit *>("firstEdit")->setText("b\\xff");
    dialog->findChild<QPlainTextEdit *>("secondEdit")->setPlainText("two");
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->accept();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(call({"HGET", "h", "b\xff"}), RedisReply::bulk("two"));
    QCOMPARE(editor->model()->rowCount(), 2);
}

void TestCollectionValueEditor::conflictKeepsTheDialogOpen()
{
    QCOMPARE(call({"RPUSH", "l", "x", "y"}), RedisReply::integer(2));
    auto editor = open("l", Kind::List);
    QVERIFY(editor);
    editor->view()->setCurrentIndex(editor->model()->index(1, 1));
    button(editor.get(), "Edit…")->click();
    ElementDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = editor->findChild<ElementDialog *>()) != nullptr);
    QCOMPARE(dialog->findChild<QPlainTextEdit *>("secondEdit")->toPlainText(), QString("y"));
    QCOMPARE(call({"LSET", "l", "1", "theirs"}), RedisReply::status("OK"));
    dialog->findChild<QPlainTextEdit *>("secondEdit")->setPlainText("mine");
    dialog->accept();
    QTRY_VERIFY(dialog->errorText().startsWith("Not changed: this element changed on the server"));
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->findChild<QPlainTextEdit *>("secondEdit")->toPlainText(), QString("mine"));
    QCOMPARE(call({"LINDEX", "l", "1"}), RedisReply::bulk("theirs"));
}

void TestCollectionValueEditor::deleteAsksFirst()
{
    QCOMPARE(call({"SADD", "s", "keep", "drop"}), RedisReply::integer(2));
    auto editor = open("s", Kind::Set);
    QVERIFY(editor);
    const int row = editor->model()->first(0) == "drop" ? 0 : 1;
    editor->view()->setCurrentIndex(editor->model()->index(row, 0));
    button(editor.get(), "Delete…")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = editor->findChild<QMessageBox *>("deleteElementQuestion")) != nullptr);
    QCOMPARE(box->text(), QString("Delete “drop” from “s”?"));
    box->button(QMessageBox::No)->click();
    QTest::qWait(50);
    QCOMPARE(call({"SCARD", "s"}), RedisReply::integer(2));
    QTRY_VERIFY(editor->findChild<QMessageBox *>("deleteElementQuestion") == nullptr);
    button(editor.get(), "Delete…")->click();
    QTRY_VERIFY((box = editor->findChild<QMessageBox *>("deleteElementQuestion")) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(call({"SCARD", "s"}), RedisReply::integer(1));
    QTRY_COMPARE(editor->model()->rowCount(), 1);
    QCOMPARE(call({"SISMEMBER", "s", "keep"}), RedisReply::integer(1));
}

void TestCollectionValueEditor::bigListLoadsAsItScrolls()
{
    QCOMPARE(call({"EVAL", "for i = 1, 100000 do redis.call('RPUSH', KEYS[1], i) end return 1", "1", "big"}),
             RedisReply::integer(1));
    auto editor = open("big", Kind::List);
    QVERIFY(editor);
    QTRY_COMPARE(editor->statusText(), QString("500 of 100000 elements loaded — scroll for more"));
    // Scrolling to the end asks for the next page only.
    editor->view()->scrollToBottom();
    QTRY_COMPARE(editor->model()->rowCount(), 1000);
    QCOMPARE(editor->model()->index(999, 1).data().toString(), QString("1000"));
}

void TestCollectionValueEditor::searchInAHash()
{
    QCOMPARE(call({"HSET", "h", "user:1", "a", "user:2", "b", "order:1", "c"}), RedisReply::integer(3));
    auto editor = open("h", Kind::Hash);
    QVERIFY(editor);
    editor->search("user:*");
    QTRY_COMPARE(editor->statusText(), QString("2 matching elements loaded (the key holds 3) — complete"));
}

void TestCollectionValueEditor::readOnlyDisablesWrites()
{
    QCOMPARE(call({"ZADD", "z", "1", "a"}), RedisReply::integer(1));
    ConnectionConfig config = m_server.config();
    config.readOnly = true;
    RedisConnection readOnly(config);
    readOnly.open();
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.isReady(), 10000);
    auto editor = open("z", Kind::SortedSet, &readOnly);
    QVERIFY(editor);
    editor->view()->setCurrentIndex(editor->model()->index(0, 0));
    for (const QString text : {"Add…", "Edit…", "Delete…", "Increment…"}) {
        QVERIFY2(button(editor.get(), text), qPrintable(text));
        QVERIFY2(!button(editor.get(), text)->isEnabled(), qPrintable(text));
    }
    QVERIFY(button(editor.get(), "Reload")->isEnabled());
}

QTEST_MAIN(TestCollectionValueEditor)
#include "tst_collectionvalueeditor.moc"
