#include "pgconnection.h"
#include "postgrespage.h"
#include "testpostgres.h"

#include <memory>
#include <qcustomplot.h>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <vector>

namespace {

using Session = TestPostgres::Session;

// The row whose first column reads key, or -1.
int rowOf(const QTableWidget *table, const QString &key)
{
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 0) && table->item(r, 0)->text() == key)
            return r;
    }
    return -1;
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

class TestPostgresPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void showsWhatTheServerHolds();
    void showsErrors();

private:
    TestPostgres m_pg;
};

void TestPostgresPage::initTestCase()
{
    QVERIFY(m_pg.start());
}

void TestPostgresPage::showsWhatTheServerHolds()
{
    PostgresPage page(m_pg.config());
    page.resize(1400, 900);
    page.show();
    page.poller()->setInterval(PgHealthPoller::kMinIntervalMs);
    page.findChild<QDoubleSpinBox *>("pgLongIdle")->setValue(0.2);

    // Names and queries that look like markup must be shown as typed.
    std::vector<std::unique_ptr<Session>> pool;
    for (int i = 0; i < 3; ++i)
        pool.push_back(std::make_unique<Session>(m_pg.conninfo(
            TestPostgres::kMonitor, TestPostgres::kMonitorPassword, "application_name=<b>x</b>")));
    Session forgetful(m_pg.conninfo());
    QVERIFY(forgetful.exec("BEGIN"));
    QVERIFY(forgetful.exec("SELECT '<b>x</b>' AS markup"));

    auto *summary = page.findChild<QLabel *>("pgSummary");
    QVERIFY(summary);
    // The page, the pool of 3 and the forgetful session; 100 - 3 reserved usable.
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().startsWith("Connections: 5 of 97 usable (max_connections 100, 3 "
                                                        "reserved for superusers)"),
                             10000);

    auto *byApplication = page.findChild<QTableWidget *>("pgByApplication");
    const int app = rowOf(byApplication, "<b>x</b>");
    QVERIFY(app >= 0);
    QCOMPARE(cell(byApplication, app, 1), QString("3"));
    auto *byState = page.findChild<QTableWidget *>("pgByState");
    QCOMPARE(cell(byState, rowOf(byState, "idle in transaction"), 1), QString("1"));
    QCOMPARE(cell(byState, rowOf(byState, "idle"), 1), QString("3"));

    auto *longTable = page.findChild<QTableWidget *>("pgLong");
    QTRY_VERIFY(rowOf(longTable, QString::number(forgetful.pid())) >= 0);
    const int row = rowOf(longTable, QString::number(forgetful.pid()));
    QCOMPARE(cell(longTable, row, 1), QString("idle in transaction"));
    QCOMPARE(cell(longTable, row, 7), QString("SELECT '<b>x</b>' AS markup"));
    longTable->setCurrentCell(row, 0);
    QCOMPARE(page.findChild<QPlainTextEdit *>("pgQuery")->toPlainText(),
             QString("SELECT '<b>x</b>' AS markup"));
    // Still selected, still shown after the next refresh.
    QSignalSpy refreshed(&page, &PostgresPage::refreshed);
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(longTable->currentRow(), rowOf(longTable, QString::number(forgetful.pid())));
    QCOMPARE(page.findChild<QPlainTextEdit *>("pgQuery")->toPlainText(),
             QString("SELECT '<b>x</b>' AS markup"));

    auto *databases = page.findChild<QTableWidget *>("pgDatabases");
    const int postgres = rowOf(databases, "postgres");
    QVERIFY(postgres >= 0);
    QVERIFY2(cell(databases, postgres, 2).endsWith('%'), qPrintable(cell(databases, postgres, 2)));
    QCOMPARE(cell(databases, postgres, 1), QString("5"));

    // Charts have points; every label is plain text.
    const QList<QCustomPlot *> plots = page.findChildren<QCustomPlot *>();
    QCOMPARE(plots.size(), 3);
    QTRY_VERIFY(plots[0]->graph(0)->dataCount() >= 2);
    QTRY_VERIFY(plots[2]->graph(0)->dataCount() >= 1); // transactions/s from the second sample on
    for (const QLabel *label : page.findChildren<QLabel *>())
        QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY(page.findChild<QLabel *>("pgHeader")->text().startsWith("PostgreSQL 15."));
    QVERIFY(page.findChild<QLabel *>("pgError")->text().isEmpty());

    // Idle in transaction piling up: the advisor says so.
    page.findChild<QSpinBox *>("pgPileUp")->setValue(1);
    auto *advice = page.findChild<QLabel *>("pgAdvice");
    QTRY_VERIFY(advice->text().contains("1 sessions have been idle in transaction for 1 s or more"));
}

void TestPostgresPage::showsErrors()
{
    PostgresPage page(m_pg.config(TestPostgres::kMonitor, "wrong password"));
    page.show();
    auto *error = page.findChild<QLabel *>("pgError");
    QTRY_VERIFY(error->text().contains("refused the password"));
    QVERIFY(error->text().contains("password authentication failed for user \"monitor\""));
    QVERIFY(page.findChild<QLabel *>("pgHeader")->text().startsWith("Not connected to monitor@127.0.0.1:"));
}

QTEST_MAIN(TestPostgresPage)
#include "tst_postgrespage.moc"
