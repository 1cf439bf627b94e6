#include "appsettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void defaultsWithoutAFile();
    void roundTrip();
    void outOfRangeValuesAreClamped();

private:
    QTemporaryDir m_dir;
};

void TestAppSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName("KeyscopeTests");
    QCoreApplication::setApplicationName("tst_appsettings");
}

void TestAppSettings::defaultsWithoutAFile()
{
    QSettings().clear();
    const AppSettings settings = AppSettings::load();
    QCOMPARE(settings, AppSettings{});
    QCOMPARE(settings.scanCount, 1000);
    QCOMPARE(settings.delimiters, QString(":"));
    QCOMPARE(settings.healthIntervalMs, 1000);
    QCOMPARE(settings.pubsubBuffer, 100000);
    QCOMPARE(settings.previewThreshold, qint64(1024 * 1024));
    QCOMPARE(settings.theme, AppSettings::Theme::System);
    QVERIFY(settings.language.isEmpty());
}

void TestAppSettings::roundTrip()
{
    AppSettings settings;
    settings.scanCount = 5000;
    settings.delimiters = ":/";
    settings.healthIntervalMs = 5000;
    settings.pubsubBuffer = 250000;
    settings.previewThreshold = 4 * 1024 * 1024;
    settings.language = "fr";
    settings.theme = AppSettings::Theme::Dark;
    settings.save();
    QCOMPARE(AppSettings::load(), settings);
}

void TestAppSettings::outOfRangeValuesAreClamped()
{
    QSettings file;
    file.beginGroup("preferences");
    file.setValue("scanCount", 1000000);
    file.setValue("healthIntervalMs", 1);
    file.setValue("pubsubBuffer", -5);
    file.setValue("previewThreshold", "lots");
    file.setValue("language", "xx");
    file.setValue("theme", "neon");
    file.sync();
    const AppSettings settings = AppSettings::load();
    QCOMPARE(settings.scanCount, 10000);
    QCOMPARE(settings.healthIntervalMs, 500);
    QCOMPARE(settings.pubsubBuffer, 1000);
    QCOMPARE(settings.previewThreshold, qint64(64 * 1024)); // not a number reads as 0, clamped up
    QVERIFY(settings.language.isEmpty());
    QCOMPARE(settings.theme, AppSettings::Theme::System);
}

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
