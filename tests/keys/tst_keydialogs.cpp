#include "blockingcall.h"
#include "bulkdeletedialog.h"
#include "bulkdeleter.h"
#include "newkeydialog.h"
#include "redisconnection.h"
#include "renamekeydialog.h"
#include "session.h"
#include "testserver.h"
#include "testsession.h"
#include "ttldialog.h"

#include <memory>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

class TestKeyDialogs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void newKeyCreatesBinaryHash();
    void newKeyRefusesTakenName();
    void renameAsksBeforeOverwriting();
    void bulkDeletePreviewsThenDeletes();
    void bulkDeleteNewPatternNeedsPreview();
    void ttlDialog();

private:
    TestServer m_server;
    std::unique_ptr<RedisConnection> m_connection;
    std::unique_ptr<Session> m_session;
};

void TestKeyDialogs::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_server.start());
    QVERIFY((m_connection = m_server.connect()));
    m_session = std::make_unique<Session>(m_server.config());
    QVERIFY(openSession(*m_session));
}

void TestKeyDialogs::init()
{
    QCOMPARE(blockingCall(*m_connection, {"FLUSHALL"}), RedisReply::status("OK"));
}

void TestKeyDialogs::newKeyCreatesBinaryHash()
{
    NewKeyDialog dialog(m_session.get());
    dialog.setInitialName("app:\\xff:");
    dialog.show();
    auto *name = dialog.findChild<QLineEdit *>("nameEdit");
    auto *type = dialog.findChild<QComboBox *>("typeCombo");
    auto *field = dialog.findChild<QLineEdit *>("fieldEdit");
    QVERIFY(name && type && field);
    QVERIFY(!field->isVisible());
    type->setCurrentIndex(type->findText("Hash"));
    QVERIFY(field->isVisible());
    name->setText(name->text() + "42");
    field->setText("name");
    dialog.findChild<QPlainTextEdit *>("valueEdit")->setPlainText("<b>Ada</b>\\x00");
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QVERIFY(accepted.wait(10000));
    const QByteArray key("app:\xff:42");
    QCOMPARE(dialog.createdKey(), key);
    QCOMPARE(blockingCall(*m_connection, {"HGET", key, "name"}),
             RedisReply::bulk(QByteArray("<b>Ada</b>\0", 11)));
}

void TestKeyDialogs::newKeyRefusesTakenName()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "taken", "original"}), RedisReply::status("OK"));
    NewKeyDialog dialog(m_session.get());
    dialog.show();
    dialog.findChild<QLineEdit *>("nameEdit")->setText("taken");
    dialog.findChild<QPlainTextEdit *>("valueEdit")->setPlainText("new");
    auto *error = dialog.findChild<QLabel *>("errorLabel");
    dialog.accept();
    QTRY_COMPARE(error->text(), QString("A key named “taken” already exists."));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(blockingCall(*m_connection, {"GET", "taken"}), RedisReply::bulk("original"));
    // A malformed escape is caught before anything is sent.
    dialog.findChild<QLineEdit *>("nameEdit")->setText("bad\\x4");
    dialog.accept();
    QCOMPARE(error->text(), QString("The name has a malformed escape (use \\xHH)."));
}

void TestKeyDialogs::renameAsksBeforeOverwriting()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "a", "1"}), RedisReply::status("OK"));
    QCOMPARE(blockingCall(*m_connection, {"SET", "b", "2"}), RedisReply::status("OK"));
    RenameKeyDialog dialog(m_connection.get(), "a");
    dialog.show();
    dialog.findChild<QLineEdit *>("nameEdit")->setText("b");
    dialog.accept();
    QTRY_VERIFY(dialog.overwriteQuestion() != nullptr);
    // No: nothing changes, the dialog stays open.
    dialog.overwriteQuestion()->button(QMessageBox::No)->click();
    QTRY_COMPARE(dialog.findChild<QLabel *>("errorLabel")->text(),
                 QString("Not renamed: “b” already exists."));
    QCOMPARE(blockingCall(*m_connection, {"GET", "a"}), RedisReply::bulk("1"));
    QCOMPARE(blockingCall(*m_connection, {"GET", "b"}), RedisReply::bulk("2"));
    // Yes: RENAME overwrites.
    dialog.accept();
    QTRY_VERIFY(dialog.overwriteQuestion() != nullptr);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.overwriteQuestion()->button(QMessageBox::Yes)->click();
    QVERIFY(accepted.wait(10000));
    QCOMPARE(dialog.newName(), QByteArray("b"));
    QCOMPARE(blockingCall(*m_connection, {"GET", "b"}), RedisReply::bulk("1"));
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", "a"}), RedisReply::integer(0));
}

void TestKeyDialogs::bulkDeletePreviewsThenDeletes()
{
    QList<QByteArray> args{"MSET"};
    for (int i = 0; i < 30; ++i)
        args << "old:" + QByteArray::number(i) << "v";
    args << "old:<b>x</b>"
         << "v"
         << "new:1"
         << "v";
    QCOMPARE(blockingCall(*m_connection, args), RedisReply::status("OK"));
    BulkDeleteDialog dialog(m_session.get(), "old:*");
    dialog.show();
    auto *deleteButton = dialog.findChild<QPushButton *>("deleteButton");
    QTRY_VERIFY(deleteButton->isEnabled());
    QCOMPARE(dialog.summaryText(), QString("31 keys match “old:*”. The first 20:"));
    QCOMPARE(deleteButton->text(), QString("Delete 31 key(s)"));
    auto *sample = dialog.findChild<QListWidget *>("sampleList");
    QCOMPARE(sample->count(), 20);
    QCOMPARE(blockingCall(*m_connection, {"DBSIZE"}), RedisReply::integer(32));
    QSignalSpy deleted(&dialog, &BulkDeleteDialog::keysDeleted);
    deleteButton->click();
    QVERIFY(deleted.wait(10000));
    QCOMPARE(dialog.summaryText(), QString("Deleted 31 key(s)."));
    QCOMPARE(blockingCall(*m_connection, {"DBSIZE"}), RedisReply::integer(1));
    QCOMPARE(blockingCall(*m_connection, {"EXISTS", "new:1"}), RedisReply::integer(1));
}

void TestKeyDialogs::bulkDeleteNewPatternNeedsPreview()
{
    QCOMPARE(blockingCall(*m_connection, {"MSET", "a:1", "v", "b:1", "v"}), RedisReply::status("OK"));
    BulkDeleteDialog dialog(m_session.get(), "a:*");
    dialog.show();
    auto *deleteButton = dialog.findChild<QPushButton *>("deleteButton");
    QTRY_VERIFY(deleteButton->isEnabled());
    QCOMPARE(dialog.summaryText(), QString("1 key(s) match “a:*”:"));
    auto *pattern = dialog.findChild<QLineEdit *>("patternEdit");
    pattern->setFocus();
    pattern->selectAll();
    QTest::keyClicks(pattern, "*");
    QVERIFY(!deleteButton->isEnabled());
    QTest::keyClick(pattern, Qt::Key_Return);
    QTRY_COMPARE(dialog.summaryText(), QString("2 key(s) match “*”:"));
    QVERIFY(deleteButton->isEnabled());
    dialog.reject();
    QCOMPARE(blockingCall(*m_connection, {"DBSIZE"}), RedisReply::integer(2));
}

void TestKeyDialogs::ttlDialog()
{
    QCOMPARE(blockingCall(*m_connection, {"SET", "k", "v", "EX", "7200"}), RedisReply::status("OK"));
    {
        // Opens on the current TTL, in the largest exact unit.
        TtlDialog dialog(m_connection.get(), "k", 7200 * 1000);
        QVERIFY(dialog.findChild<QRadioButton *>("inRadio")->isChecked());
        QCOMPARE(dialog.findChild<QSpinBox *>("amountSpin")->value(), 2);
        QCOMPARE(dialog.findChild<QComboBox *>("unitCombo")->currentText(), QString("hours"));
        dialog.findChild<QSpinBox *>("amountSpin")->setValue(3);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QVERIFY(accepted.wait(10000));
        QCOMPARE(blockingCall(*m_connection, {"TTL", "k"}), RedisReply::integer(3 * 3600));
    }
    {
        TtlDialog dialog(m_connection.get(), "k", 3 * 3600 * 1000);
        dialog.findChild<QRadioButton *>("atRadio")->setChecked(true);
        dialog.findChild<QDateTimeEdit *>("whenEdit")->setDateTime(QDateTime::currentDateTime().addSecs(-60));
        dialog.accept();
        QCOMPARE(dialog.findChild<QLabel *>("errorLabel")->text(),
                 QString("Choose a time in the future (a past time deletes the key)."));
        QCOMPARE(blockingCall(*m_connection, {"EXISTS", "k"}), RedisReply::integer(1));
        dialog.findChild<QRadioButton *>("persistRadio")->setChecked(true);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.accept();
        QVERIFY(accepted.wait(10000));
        QCOMPARE(blockingCall(*m_connection, {"TTL", "k"}), RedisReply::integer(-1));
    }
    {
        // The key vanished: the dialog stays open and says so.
        TtlDialog dialog(m_connection.get(), "gone", -1);
        dialog.findChild<QRadioButton *>("inRadio")->setChecked(true);
        dialog.accept();
        QTRY_COMPARE(dialog.findChild<QLabel *>("errorLabel")->text(),
                     QString("Could not change the TTL: “gone” no longer exists."));
    }
}

QTEST_MAIN(TestKeyDialogs)
#include "tst_keydialogs.moc"
