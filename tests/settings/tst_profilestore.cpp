#include "profilestore.h"

#include <memory>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <utility>

// Settings go to an ini file in a temporary directory. Keychain jobs run against whatever the machine has:
// in CI there is no secret service and they fail (fast, without D-Bus), which the store treats as normal.
class TestProfileStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void roundTripsAllFieldsAcrossInstances();
    void replacesAndKeepsOrder();
    void removes();
    void neverWritesThePassword();
    void fetchesPasswordInTheSameSession();
    void reportsAMissingPassword();
    void skipsCallbackOfDestroyedContext();
    void roundTripsASentinelProfile();
    void forgetsTheSentinelPassword();

private:
    QString settingsFile() const { return QSettings().fileName(); }
    QTemporaryDir m_dir;
};

namespace {

constexpr int keychainTimeoutMs = 30000;

ConnectionConfig everyField()
{
    ConnectionConfig c;
    c.name = QStringLiteral("prod “eu”");
    c.host = QStringLiteral("cache.example.com");
    c.port = 6380;
    c.username = QStringLiteral("app-reader");
    c.password = QStringLiteral("pw-4f1c9d0e-never-in-settings");
    c.db = 7;
    c.colour = QStringLiteral("#e53935");
    c.tls = true;
    c.caFile = QStringLiteral("/etc/keyscope/ca.pem");
    c.certFile = QStringLiteral("/etc/keyscope/client.pem");
    c.keyFile = QStringLiteral("/etc/keyscope/client.key");
    c.serverName = QStringLiteral("redis.internal");
    c.verifyPeer = false;
    c.clientName = QStringLiteral("keyscope-test");
    c.connectTimeoutMs = 1234;
    c.commandTimeoutMs = 5678;
    c.readOnly = true;
    return c;
}

ConnectionConfig sentinelProfile()
{
    ConnectionConfig c = everyField();
    c.name = QStringLiteral("through sentinel");
    c.sentinels = {{QStringLiteral("10.0.0.1"), 26379},
                   {QStringLiteral("sentinel-2.example.com"), 26380},
                   {QStringLiteral("2001:db8::5"), 5000}};
    c.sentinelMaster = QStringLiteral("cache “main”");
    c.sentinelUsername = QStringLiteral("sentinel-admin");
    c.sentinelPassword = QStringLiteral("spw-7d3a-never-in-settings");
    return c;
}

struct Fetched
{
    bool called = false;
    bool found = false;
    QString password;
};

std::shared_ptr<Fetched> fetch(ProfileStore &store, const QString &id, QObject *context)
{
    auto result = std::make_shared<Fetched>();
    store.fetchPassword(id, context, [result](bool found, const QString &password) {
        *result = {true, found, password};
    });
    return result;
}

} // namespace

void TestProfileStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("KeyscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profilestore"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QVERIFY(settingsFile().startsWith(m_dir.path()));
}

void TestProfileStore::init()
{
    QSettings().clear();
}

void TestProfileStore::roundTripsAllFieldsAcrossInstances()
{
    ConnectionConfig config = everyField();
    QString id;
    {
        ProfileStore store;
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        id = store.save(config);
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(changed.count(), 1);
    }
    ProfileStore reopened;
    QCOMPARE(reopened.profiles().size(), 1);
    config.id = id;
    config.password.clear(); // profiles never carry the password
    QVERIFY(reopened.profiles().constFirst() == config);
    QVERIFY(reopened.profile(id) == config);
    QVERIFY(!reopened.profile(QStringLiteral("nope")));
    reopened.remove(id);
}

void TestProfileStore::replacesAndKeepsOrder()
{
    ProfileStore store;
    ConnectionConfig a;
    a.name = QStringLiteral("a");
    ConnectionConfig b;
    b.name = QStringLiteral("b");
    const QString idA = store.save(a);
    const QString idB = store.save(b);
    QVERIFY(idA != idB);
    a.id = idA;
    a.host = QStringLiteral("10.0.0.2");
    QCOMPARE(store.save(a), idA);

    ProfileStore reopened;
    QCOMPARE(reopened.profiles().size(), 2);
    QCOMPARE(reopened.profiles().at(0).id, idA);
    QCOMPARE(reopened.profiles().at(0).host, QStringLiteral("10.0.0.2"));
    QCOMPARE(reopened.profiles().at(1).id, idB);
    store.remove(idA);
    store.remove(idB);
}

void TestProfileStore::removes()
{
    ProfileStore store;
    const QString keep = store.save(everyField());
    const QString gone = store.save(everyField());
    QSignalSpy changed(&store, &ProfileStore::profilesChanged);
    store.remove(gone);
    QCOMPARE(changed.count(), 1);
    store.remove(QStringLiteral("unknown-id"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!store.profile(gone));

    const auto fetched = fetch(store, gone, this);
    QTRY_VERIFY_WITH_TIMEOUT(fetched->called, keychainTimeoutMs);
    QVERIFY(!fetched->found);

    ProfileStore reopened;
    QCOMPARE(reopened.profiles().size(), 1);
    QCOMPARE(reopened.profiles().constFirst().id, keep);
    store.remove(keep);
}

void TestProfileStore::neverWritesThePassword()
{
    ProfileStore store;
    const ConnectionConfig config = everyField();
    const QString id = store.save(config);
    QVERIFY(store.profile(id)->password.isEmpty());
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("cache.example.com"));
    QVERIFY(!bytes.contains(config.password.toUtf8()));
    QVERIFY(!bytes.contains("password"));
    store.remove(id);
}

void TestProfileStore::fetchesPasswordInTheSameSession()
{
    ProfileStore store;
    QSignalSpy keychainErrors(&store, &ProfileStore::keychainError);
    const QString id = store.save(everyField());
    const auto fetched = fetch(store, id, this);
    QVERIFY(!fetched->called); // always asynchronous
    QTRY_VERIFY_WITH_TIMEOUT(fetched->called, keychainTimeoutMs);
    QVERIFY(fetched->found);
    QCOMPARE(fetched->password, everyField().password);

    // A second instance has no session memory: it finds the password only if a keychain stored it.
    ProfileStore other;
    const auto fromKeychain = fetch(other, id, this);
    QTRY_VERIFY_WITH_TIMEOUT(fromKeychain->called, keychainTimeoutMs);
    if (fromKeychain->found)
        QCOMPARE(fromKeychain->password, everyField().password);
    else
        QVERIFY(!other.keychainAvailable());
    if (!store.keychainAvailable()) {
        // More writes after the failure neither try the keychain again nor repeat the error.
        store.save(everyField());
        QCoreApplication::processEvents();
        QCOMPARE(keychainErrors.count(), 1);
        const QString message = keychainErrors.constFirst().constFirst().toString();
        QVERIFY(!message.isEmpty());
        qInfo("No keychain on this machine: %s", qPrintable(message));
    }
    for (const ConnectionConfig &c : store.profiles())
        store.remove(c.id);
}

void TestProfileStore::reportsAMissingPassword()
{
    ProfileStore store;
    ConnectionConfig config = everyField();
    config.password.clear();
    const QString id = store.save(config);
    const auto fetched = fetch(store, id, this);
    QTRY_VERIFY_WITH_TIMEOUT(fetched->called, keychainTimeoutMs);
    QVERIFY(!fetched->found);
    QVERIFY(fetched->password.isEmpty());

    // Clearing a saved password forgets it.
    config.id = id;
    config.password = QStringLiteral("temporary");
    store.save(config);
    config.password.clear();
    store.save(config);
    const auto cleared = fetch(store, id, this);
    QTRY_VERIFY_WITH_TIMEOUT(cleared->called, keychainTimeoutMs);
    QVERIFY(!cleared->found);
    store.remove(id);
}

void TestProfileStore::skipsCallbackOfDestroyedContext()
{
    ProfileStore store;
    const QString id = store.save(everyField());
    auto context = std::make_unique<QObject>();
    const auto dropped = fetch(store, id, context.get());
    const auto delivered = fetch(store, id, this);
    context.reset();
    QTRY_VERIFY_WITH_TIMEOUT(delivered->called, keychainTimeoutMs);
    QTest::qWait(50);
    QVERIFY(!dropped->called);
    store.remove(id);
}

void TestProfileStore::roundTripsASentinelProfile()
{
    ConnectionConfig config = sentinelProfile();
    QString id;
    {
        ProfileStore store;
        id = store.save(config);
        QVERIFY(store.profile(id)->sentinelPassword.isEmpty());
        const auto master = fetch(store, id, this);
        const auto sentinels = fetch(store, ProfileStore::sentinelPasswordId(id), this);
        QTRY_VERIFY_WITH_TIMEOUT(master->called && sentinels->called, keychainTimeoutMs);
        QVERIFY(master->found);
        QCOMPARE(master->password, config.password);
        QVERIFY(sentinels->found);
        QCOMPARE(sentinels->password, config.sentinelPassword);
    }
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.contains("sentinel-2.example.com"));
    QVERIFY(!bytes.contains(config.password.toUtf8()));
    QVERIFY(!bytes.contains(config.sentinelPassword.toUtf8()));

    ProfileStore reopened;
    QCOMPARE(reopened.profiles().size(), 1);
    config.id = id;
    const QString sentinelPassword = std::exchange(config.sentinelPassword, QString());
    config.password.clear();
    const ConnectionConfig loaded = reopened.profiles().constFirst();
    QCOMPARE(loaded.sentinels.size(), 3);
    QCOMPARE(loaded.sentinels.at(2).endpoint(), QStringLiteral("[2001:db8::5]:5000"));
    QCOMPARE(loaded.sentinelMaster, config.sentinelMaster);
    QCOMPARE(loaded.sentinelUsername, config.sentinelUsername);
    QVERIFY(loaded.usesSentinel());
    QVERIFY(loaded == config);
    // A new instance reads the sentinels' password from the keychain, when there is one.
    const auto fromKeychain = fetch(reopened, ProfileStore::sentinelPasswordId(id), this);
    QTRY_VERIFY_WITH_TIMEOUT(fromKeychain->called, keychainTimeoutMs);
    if (fromKeychain->found)
        QCOMPARE(fromKeychain->password, sentinelPassword);
    else
        QVERIFY(!reopened.keychainAvailable());
    reopened.remove(id);
}

void TestProfileStore::forgetsTheSentinelPassword()
{
    ProfileStore store;
    ConnectionConfig config = sentinelProfile();
    config.id = store.save(config);
    const QString secret = ProfileStore::sentinelPasswordId(config.id);

    // Back to a direct connection: the sentinel fields and their password are gone.
    ConnectionConfig direct = config;
    direct.sentinels.clear();
    direct.sentinelMaster.clear();
    direct.sentinelUsername.clear();
    direct.sentinelPassword.clear();
    store.save(direct);
    const auto cleared = fetch(store, secret, this);
    QTRY_VERIFY_WITH_TIMEOUT(cleared->called, keychainTimeoutMs);
    QVERIFY(!cleared->found);
    QVERIFY(!ProfileStore().profile(config.id)->usesSentinel());

    // Removing a Sentinel profile removes its sentinels' password too.
    store.save(config);
    store.remove(config.id);
    const auto removed = fetch(store, secret, this);
    QTRY_VERIFY_WITH_TIMEOUT(removed->called, keychainTimeoutMs);
    QVERIFY(!removed->found);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
