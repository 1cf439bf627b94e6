#include "embeddedserver.h"
#include "profiledialog.h"
#include "testserver.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestProfileDialog : public QObject
{
    Q_OBJECT
private slots:
    void pastingUrlFillsFields()
    {
        ProfileDialog dialog(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("rediss://alice:s%40cret@cache.example.com:6380/2"));
        const ConnectionConfig config = dialog.config();
        QCOMPARE(config.host, QStringLiteral("cache.example.com"));
        QCOMPARE(config.port, quint16(6380));
        QCOMPARE(config.username, QStringLiteral("alice"));
        QCOMPARE(config.password, QStringLiteral("s@cret"));
        QCOMPARE(config.db, 2);
        QVERIFY(config.tls);
        QVERIFY(config.verifyPeer);
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(),
                 QStringLiteral("cache.example.com"));
        QVERIFY(dialog.findChild<QGroupBox *>(QStringLiteral("tlsGroup"))->isChecked());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("urlError"))->isVisibleTo(&dialog));
    }

    void keepsWhatTheUrlDoesNotSay()
    {
        ProfileDialog dialog(true);
        ConnectionConfig base;
        base.id = QStringLiteral("some-id");
        base.name = QStringLiteral("Production cache");
        base.colour = QStringLiteral("#43a047");
        base.readOnly = true;
        dialog.setConfig(base);
        dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("redis://red-xyz:6379"));
        const ConnectionConfig config = dialog.config();
        QCOMPARE(config.id, base.id);
        QCOMPARE(config.name, base.name);
        QCOMPARE(config.colour, base.colour);
        QVERIFY(config.readOnly);
        QCOMPARE(config.host, QStringLiteral("red-xyz"));
        QVERIFY(!config.tls);
    }

    void malformedUrlShowsError()
    {
        ProfileDialog dialog(true);
        const ConnectionConfig before = dialog.config();
        dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))
            ->setText(QStringLiteral("redis://<b>host</b>:99999"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("urlError"));
        QVERIFY(error->isVisibleTo(&dialog));
        QVERIFY(!error->text().isEmpty());
        QCOMPARE(error->textFormat(), Qt::PlainText);
        QCOMPARE(dialog.config(), before);

        dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"))->clear();
        QVERIFY(!error->isVisibleTo(&dialog));
    }

    void keychainNotice()
    {
        ProfileDialog withKeychain(true);
        QVERIFY(!withKeychain.findChild<QLabel *>(QStringLiteral("keychainNotice")));
        ProfileDialog withoutKeychain(false);
        auto *notice = withoutKeychain.findChild<QLabel *>(QStringLiteral("keychainNotice"));
        QVERIFY(notice);
        QVERIFY(notice->text().contains(QStringLiteral("session only")));
    }

    void turningVerificationOffWarns()
    {
        ProfileDialog dialog(true);
        auto *tls = dialog.findChild<QGroupBox *>(QStringLiteral("tlsGroup"));
        auto *verify = dialog.findChild<QCheckBox *>(QStringLiteral("verifyCheck"));
        auto *warning = dialog.findChild<QLabel *>(QStringLiteral("verifyWarning"));
        QVERIFY(verify->isChecked());
        tls->setChecked(true);
        QVERIFY(!warning->isVisibleTo(&dialog));
        verify->setChecked(false);
        QVERIFY(warning->isVisibleTo(&dialog));
        QVERIFY(!dialog.config().verifyPeer);
        verify->setChecked(true);
        QVERIFY(!warning->isVisibleTo(&dialog));
    }

    void testConnectionAgainstServer()
    {
        TestServer server;
        QVERIFY(server.start());
        ProfileDialog dialog(true);
        dialog.setConfig(server.config());
        QSignalSpy tested(&dialog, &ProfileDialog::connectionTested);
        dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000);
        QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
        const QString result = dialog.findChild<QLabel *>(QStringLiteral("testResult"))->text();
        QVERIFY2(result.startsWith(QStringLiteral("Connected: Redis 7.")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("(standalone)")), qPrintable(result));
        QVERIFY2(result.endsWith(QStringLiteral(" ms")), qPrintable(result));
    }

    void testConnectionRefused()
    {
        ProfileDialog dialog(true);
        ConnectionConfig config;
        config.host = QStringLiteral("127.0.0.1");
        config.port = EmbeddedServer::freePort();
        dialog.setConfig(config);
        QSignalSpy tested(&dialog, &ProfileDialog::connectionTested);
        dialog.testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 10000);
        QVERIFY(!tested.first().at(0).toBool());
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QVERIFY2(result->text().contains(QStringLiteral("refused")), qPrintable(result->text()));
        QCOMPARE(result->textFormat(), Qt::PlainText);
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());
        // Nothing else arrives later from the dropped test connection.
        QTest::qWait(300);
        QCOMPARE(tested.count(), 1);
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
