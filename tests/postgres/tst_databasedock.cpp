#include "databasedock.h"
#include "postgrespage.h"
#include "profilestore.h"
#include "testpostgres.h"

#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestDatabaseDock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void opensAndRemembersWithoutThePassword();
    void unreadableLineIsReported();

private:
    QTemporaryDir m_settingsDir;
    TestPostgres m_pg;
};

void TestDatabaseDock::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName("KeyscopeTests");
    QCoreApplication::setApplicationName("tst_databasedock");
    QVERIFY(m_pg.start());
}

void TestDatabaseDock::opensAndRemembersWithoutThePassword()
{
    ProfileStore store;
    const QString url = QString("postgresql://%1:%2@127.0.0.1:%3/postgres")
                            .arg(TestPostgres::kMonitor, TestPostgres::kMonitorPassword)
                            .arg(m_pg.port());
    {
        DatabaseDock dock(&store, true);
        dock.show();
        dock.target()->setText(url);
        dock.open();
        QVERIFY2(dock.errorLabel()->text().isEmpty(), qPrintable(dock.errorLabel()->text()));
        QVERIFY(dock.page());
        QSignalSpy refreshed(dock.page(), &PostgresPage::refreshed);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(dock.page()->findChild<QLabel *>("pgHeader")->text().startsWith("PostgreSQL 15."));
        // The password left the line for the password field; the settings file never sees it.
        QVERIFY(!dock.target()->text().contains(TestPostgres::kMonitorPassword));
        QCOMPARE(dock.password()->text(), QString(TestPostgres::kMonitorPassword));
        QVERIFY(
            !QSettings().value("postgres/connection").toString().contains(TestPostgres::kMonitorPassword));
        QVERIFY(QSettings().value("postgres/connection").toString().contains(QString::number(m_pg.port())));
    }
    // Next start: the line, the password (from the store) and the open panel come back.
    DatabaseDock again(&store, true);
    again.show();
    QTRY_VERIFY(again.page());
    QSignalSpy refreshed(again.page(), &PostgresPage::refreshed);
    QVERIFY(refreshed.wait(10000));
    QVERIFY(again.page()->findChild<QLabel *>("pgError")->text().isEmpty());
    again.close();
    QVERIFY(!again.page());
    QCOMPARE(QSettings().value("postgres/open").toBool(), false);
}

void TestDatabaseDock::unreadableLineIsReported()
{
    ProfileStore store;
    DatabaseDock dock(&store, false);
    dock.target()->setText("host=127.0.0.1 sslmode=sometimes");
    dock.open();
    QVERIFY(!dock.page());
    QVERIFY2(dock.errorLabel()->text().contains("sslmode"), qPrintable(dock.errorLabel()->text()));
}

QTEST_MAIN(TestDatabaseDock)
#include "tst_databasedock.moc"
