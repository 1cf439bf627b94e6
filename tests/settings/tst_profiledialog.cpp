#include "blockingcall.h"
#include "embeddedsentinel.h"
#include "embeddedserver.h"
#include "profiledialog.h"
#include "redisconnection.h"
#include "testsentinel.h"
#include "testserver.h"

#include <memory>
#include <QCheckBox>
#include <QDialogButtonBox>
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

    void sentinelUrlFillsTheSentinelSection()
    {
        ProfileDialog dialog(true);
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
        auto *group = dialog.findChild<QGroupBox *>(QStringLiteral("sentinelGroup"));
        QVERIFY(!group->isChecked());
        url->setText(QStringLiteral("redis+sentinel://app:pw@10.0.0.1:26379,[::1],s3:26380/cache/2"));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("urlError"))->isVisibleTo(&dialog));
        QVERIFY(group->isChecked());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("sentinelsEdit"))->text(),
                 QStringLiteral("10.0.0.1:26379, [::1]:26379, s3:26380"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("masterNameEdit"))->text(),
                 QStringLiteral("cache"));
        QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->isEnabled());
        QVERIFY(okButton(dialog)->isEnabled());
        const ConnectionConfig config = dialog.config();
        QVERIFY(config.usesSentinel());
        QCOMPARE(config.sentinels.size(), 3);
        QCOMPARE(config.sentinels.at(1).host, QStringLiteral("::1"));
        QCOMPARE(config.sentinelMaster, QStringLiteral("cache"));
        QCOMPARE(config.username, QStringLiteral("app")); // the master's
        QCOMPARE(config.password, QStringLiteral("pw"));
        QCOMPARE(config.db, 2);

        // A plain URL makes it a direct profile again.
        url->setText(QStringLiteral("redis://cache.example.com"));
        QVERIFY(!group->isChecked());
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->isEnabled());
        QVERIFY(!dialog.config().usesSentinel());
        QVERIFY(dialog.config().sentinels.isEmpty());
    }

    void sentinelFieldsAreValidated()
    {
        ProfileDialog dialog(true);
        auto *group = dialog.findChild<QGroupBox *>(QStringLiteral("sentinelGroup"));
        auto *sentinels = dialog.findChild<QLineEdit *>(QStringLiteral("sentinelsEdit"));
        auto *master = dialog.findChild<QLineEdit *>(QStringLiteral("masterNameEdit"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("sentinelError"));
        QCOMPARE(error->textFormat(), Qt::PlainText);
        QVERIFY(okButton(dialog)->isEnabled()); // 127.0.0.1:6379 by default
        QVERIFY(!error->isVisibleTo(&dialog));

        group->setChecked(true);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(error->isVisibleTo(&dialog));
        QVERIFY2(error->text().contains(QStringLiteral("at least one sentinel")), qPrintable(error->text()));

        sentinels->setText(QStringLiteral("s1:26379, s2:abc"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(error->text().contains(QStringLiteral("port “abc” is not a number")),
                 qPrintable(error->text()));
        sentinels->setText(QStringLiteral("s1:99999"));
        QVERIFY2(error->text().contains(QStringLiteral("out of range")), qPrintable(error->text()));

        sentinels->setText(QStringLiteral("s1, s2:26380"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY2(error->text().contains(QStringLiteral("name of the master")), qPrintable(error->text()));
        QCOMPARE(dialog.validationError(), error->text());

        master->setText(QStringLiteral("  mymaster "));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!error->isVisibleTo(&dialog));
        QVERIFY(dialog.validationError().isEmpty());
        dialog.findChild<QLineEdit *>(QStringLiteral("sentinelUsernameEdit"))
            ->setText(QStringLiteral("watcher"));
        dialog.setSentinelPassword(QStringLiteral("sentinel-pw"));
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("sentinelPasswordEdit"))->echoMode(),
                 QLineEdit::Password);
        ConnectionConfig config = dialog.config();
        QCOMPARE(config.sentinels,
                 (QList<HostPort>{{QStringLiteral("s1"), 26379}, {QStringLiteral("s2"), 26380}}));
        QCOMPARE(config.sentinelMaster, QStringLiteral("mymaster"));
        QCOMPARE(config.sentinelUsername, QStringLiteral("watcher"));
        QCOMPARE(config.sentinelPassword, QStringLiteral("sentinel-pw"));
        QCOMPARE(config.sentinelConfigs().at(1).password, QStringLiteral("sentinel-pw"));

        // What the dialog shows again is what it was given.
        config.id = QStringLiteral("some-id");
        ProfileDialog again(true);
        again.setConfig(config);
        QVERIFY(again.findChild<QGroupBox *>(QStringLiteral("sentinelGroup"))->isChecked());
        QCOMPARE(again.config(), config);

        // Unchecked: a direct profile, whatever the Sentinel fields hold.
        group->setChecked(false);
        QVERIFY(!error->isVisibleTo(&dialog));
        QVERIFY(okButton(dialog)->isEnabled());
        config = dialog.config();
        QVERIFY(!config.usesSentinel());
        QVERIFY(config.sentinels.isEmpty());
        QVERIFY(config.sentinelPassword.isEmpty());
        dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->clear();
        QVERIFY(!okButton(dialog)->isEnabled());
    }

    void testConnectionThroughSentinel()
    {
        EmbeddedSentinel &setup = sentinelSetup();
        QVERIFY(setup.isReady());
        ProfileDialog dialog(true);
        dialog.setConfig(sentinelProfile(setup));
        QString message;
        QVERIFY(runTest(dialog, message));
        const QString result = dialog.findChild<QLabel *>(QStringLiteral("testResult"))->text();
        const QString master = QStringLiteral("127.0.0.1:%1").arg(setup.master()->port());
        QVERIFY2(result.startsWith(
                     QStringLiteral("Connected through Sentinel to master %1: Redis 7.").arg(master)),
                 qPrintable(result));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->isEnabled());

        // An ACL user on the sentinels (their own credentials, not the master's).
        for (const ConnectionConfig &sentinel : setup.sentinelConfigs()) {
            const auto connection = TestServer::connect(sentinel);
            QVERIFY(connection);
            QCOMPARE(
                blockingCall(*connection, {"ACL", "SETUSER", "watcher", "on", ">watch-pw", "+@all"}).bytes(),
                QByteArray("OK"));
        }
        ConnectionConfig profile = sentinelProfile(setup);
        profile.sentinelUsername = QStringLiteral("watcher");
        profile.sentinelPassword = QStringLiteral("watch-pw");
        dialog.setConfig(profile);
        QVERIFY2(runTest(dialog, message), qPrintable(message));
        QVERIFY2(message.contains(master), qPrintable(message));
    }

    void testThroughSentinelReportsProblems()
    {
        EmbeddedSentinel &setup = sentinelSetup();
        QVERIFY(setup.isReady());
        ProfileDialog dialog(true);
        ConnectionConfig profile = sentinelProfile(setup);
        profile.sentinelMaster = QStringLiteral("no-such-master");
        dialog.setConfig(profile);
        QString message;
        QVERIFY(!runTest(dialog, message));
        QVERIFY2(message.contains(QStringLiteral("no-such-master")), qPrintable(message));
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QCOMPARE(result->textFormat(), Qt::PlainText);
        QVERIFY(result->text().startsWith(QStringLiteral("Failed: ")));

        // The sentinels refuse a wrong sentinel password.
        profile = sentinelProfile(setup);
        profile.sentinelUsername = QStringLiteral("nobody");
        profile.sentinelPassword = QStringLiteral("wrong");
        dialog.setConfig(profile);
        QVERIFY(!runTest(dialog, message));
        QVERIFY2(message.contains(QStringLiteral("“nobody” failed: wrong user name or password")),
                 qPrintable(message));

        // The master refuses a wrong password of the profile.
        profile = sentinelProfile(setup);
        profile.password = QStringLiteral("not-the-password");
        dialog.setConfig(profile);
        QVERIFY(!runTest(dialog, message));
        QVERIFY2(message.contains(QString::number(setup.master()->port())), qPrintable(message));

        // Invalid fields are reported without connecting.
        profile.sentinelMaster.clear();
        dialog.setConfig(profile);
        dialog.findChild<QGroupBox *>(QStringLiteral("sentinelGroup"))->setChecked(true);
        QVERIFY(!runTest(dialog, message));
        QVERIFY2(message.contains(QStringLiteral("name of the master")), qPrintable(message));
    }

    void cleanupTestCase() { m_sentinel.reset(); }

private:
    static QPushButton *okButton(ProfileDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    // One setup for the Sentinel tests (forming one takes a few seconds).
    EmbeddedSentinel &sentinelSetup()
    {
        if (!m_sentinel) {
            m_sentinel = std::make_unique<TestSentinel>();
            EmbeddedSentinel::Options options;
            options.password = QStringLiteral("master-secret");
            if (!m_sentinel->start(options))
                qWarning("the Sentinel setup did not start");
        }
        return m_sentinel->setup();
    }

    static ConnectionConfig sentinelProfile(const EmbeddedSentinel &setup)
    {
        ConnectionConfig profile;
        profile.name = QStringLiteral("through sentinel");
        for (const ConnectionConfig &sentinel : setup.sentinelConfigs())
            profile.sentinels.append({sentinel.host, sentinel.port});
        profile.sentinelMaster = QString::fromUtf8(setup.masterName());
        profile.password = setup.options().password;
        return profile;
    }

    // Clicks "Test connection" and waits for the result.
    static bool runTest(ProfileDialog &dialog, QString &message)
    {
        QSignalSpy tested(&dialog, &ProfileDialog::connectionTested);
        dialog.findChild<QPushButton *>(QStringLiteral("testButton"))->click();
        if (!QTest::qWaitFor([&] { return !tested.isEmpty(); }, 15000)) {
            message = QStringLiteral("no result within 15 s");
            return false;
        }
        message = tested.first().at(1).toString();
        return tested.first().at(0).toBool();
    }

    std::unique_ptr<TestSentinel> m_sentinel;
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
