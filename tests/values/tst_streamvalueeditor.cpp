#include "blockingcall.h"
#include "elementdialog.h"
#include "redisconnection.h"
#include "streamvalueeditor.h"
#include "testserver.h"

#include <memory>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

class TestStreamValueEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void addAndDeleteEntries();
    void groupsConsumersAndPending();

private:
    std::unique_ptr<StreamValueEditor> open(const QByteArray &key);
    RedisReply call(const QList<QByteArray> &args) { return blockingCall(*m_connection, args); }
    QPushButton *button(QWidget *editor, const QString &text);

    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
};

void TestStreamValueEditor::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
}

void TestStreamValueEditor::init()
{
    QCOMPARE(call({"FLUSHALL"}), RedisReply::status("OK"));
}

std::unique_ptr<StreamValueEditor> TestStreamValueEditor::open(const QByteArray &key)
{
    auto editor = std::make_unique<StreamValueEditor>(m_connection.get(), key);
    QSignalSpy groups(editor.get(), &StreamValueEditor::groupsRefreshed);
    editor->resize(700, 400);
    editor->show();
    if (!groups.wait(10000) || !QTest::qWaitFor([&editor] { return editor->model()->isComplete(); }, 10000))
        return nullptr;
    return editor;
}

QPushButton *TestStreamValueEditor::button(QWidget *editor, const QString &text)
{
    for (QPushButton *candidate : editor->findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

void TestStreamValueEditor::addAndDeleteEntries()
{
    QCOMPARE(call({"XADD", "s", "1-1", "<b>event</b>", "created"}), RedisReply::bulk("1-1"));
    auto editor = open("s");
    QVERIFY(editor);
    QCOMPARE(editor->model()->index(0, 1).data().toString(), QString("<b>event</b>: created"));
    QCOMPARE(editor->statusText(), QString("1 of 1 entries loaded, newest first"));

    button(editor.get(), "Add entry…")->click();
    ElementDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = editor->findChild<ElementDialog *>()) != nullptr);
    QCOMPARE(dialog->findChild<QLineEdit *>("firstEdit")->text(), QString("*"));
    auto *fields = dialog->findChild<QPlainTextEdit *>("secondEdit");
    fields->setPlainText("no-value-line-is-fine\nbad\\x4 x");
    dialog->accept();
    QTRY_VERIFY(dialog->errorText().contains("“bad\\x4 x” is not"));
    fields->setPlainText("status done\nmy\\x20field {\"progress\": 100}\nbin \\xff");
    QSignalSpy accepted(dialog, &QDialog::accepted);
    dialog->accept();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(editor->model()->rowCount(), 2);
    const QByteArray id = editor->model()->entryId(0);
    QCOMPARE(call({"XRANGE", "s", id, id}).elements().value(0).elements().value(1),
             RedisReply::array({RedisReply::bulk("status"), RedisReply::bulk("done"),
                                RedisReply::bulk("my field"), RedisReply::bulk("{\"progress\": 100}"),
                                RedisReply::bulk("bin"), RedisReply::bulk("\xff")}));

    editor->view()->setCurrentIndex(editor->model()->index(1, 0));
    button(editor.get(), "Delete…")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = editor->findChild<QMessageBox *>("deleteEntryQuestion")) != nullptr);
    QCOMPARE(box->text(), QString("Delete the entry 1-1 from “s”?"));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(call({"XLEN", "s"}), RedisReply::integer(1));
    QTRY_COMPARE(editor->model()->rowCount(), 1);
}

void TestStreamValueEditor::groupsConsumersAndPending()
{
    for (int i = 1; i <= 4; ++i)
        QVERIFY(!call({"XADD", "s", "*", "job", QByteArray::number(i)}).isError());
    QCOMPARE(call({"XGROUP", "CREATE", "s", "<i>workers</i>", "0"}), RedisReply::status("OK"));
    QVERIFY(
        call({"XREADGROUP", "GROUP", "<i>workers</i>", "bob", "COUNT", "2", "STREAMS", "s", ">"}).isArray());
    auto editor = open("s");
    QVERIFY(editor);
    QCOMPARE(editor->groups()->topLevelItemCount(), 1);
    QTreeWidgetItem *group = editor->groups()->topLevelItem(0);
    QCOMPARE(group->text(0), QString("<i>workers</i>"));
    QCOMPARE(group->text(1), QString("2"));
    QCOMPARE(group->text(4), QString("2")); // lag: two entries never delivered
    QCOMPARE(group->childCount(), 1);
    QCOMPARE(group->child(0)->text(0), QString("bob"));
    editor->groups()->setCurrentItem(group->child(0));
    QTRY_COMPARE(editor->pending()->rowCount(), 2);
    QCOMPARE(editor->pending()->item(0, 1)->text(), QString("bob"));
    QCOMPARE(editor->pending()->item(0, 3)->text(), QString("1"));
}

QTEST_MAIN(TestStreamValueEditor)
#include "tst_streamvalueeditor.moc"
