#include "appsettings.h"
#include "mainwindow.h"
#include "redisurl.h"
#include "theme.h"

#include <cstdio>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

namespace {
constexpr int screenshotTimeoutMs = 30000;

void printError(const QString &message)
{
    std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
}

// --screenshot: renders the window once loaded() and quits; every way out is a signal, never a wait.
void arrangeScreenshot(MainWindow &window, const QString &file, int delayMs)
{
    auto finish = [&window](int code, const QString &message) {
        if (!message.isEmpty())
            printError(message);
        window.disconnect(&window);
        QCoreApplication::exit(code);
    };
    auto *timeout = new QTimer(&window);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, &window, [finish] {
        finish(1, QCoreApplication::translate("main",
                                              "keyscope: no connection within %1 s, no screenshot taken.")
                      .arg(screenshotTimeoutMs / 1000));
    });
    timeout->start(screenshotTimeoutMs);
    QObject::connect(&window, &MainWindow::connectionFailed, &window,
                     [finish, timeout](const QString &message) {
                         timeout->stop();
                         finish(1, QCoreApplication::translate("main", "keyscope: %1").arg(message));
                     });
    QObject::connect(&window, &MainWindow::loaded, &window, [&window, file, finish, timeout, delayMs] {
        timeout->stop();
        // Let the pages lay out and paint what they just received (and charts gather points if asked).
        QTimer::singleShot(delayMs, &window, [&window, file, finish] {
            if (window.grab().save(file))
                finish(0, {});
            else
                finish(1, QCoreApplication::translate("main", "keyscope: cannot write the screenshot to %1.")
                              .arg(file));
        });
    });
}
struct CommandLine
{
    MainWindow::Options options;
    QString screenshot;
    int screenshotDelayMs = 300;
    int exitCode = -1; // >= 0: quit at once with this code
};

void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("Keyscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("Keyscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KEYSCOPE_VERSION));
}

void installTranslators(QTranslator &qtTranslator, QTranslator &translator)
{
    if (!qtTranslator.isEmpty())
        QCoreApplication::installTranslator(&qtTranslator);
    if (!translator.isEmpty())
        QCoreApplication::installTranslator(&translator);
}

// Runs on a QCoreApplication, so --help, --version and a malformed URL work without a display.
CommandLine parseCommandLine(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Native desktop admin for Redis"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connectOption(
        QStringLiteral("connect"),
        QCoreApplication::translate(
            "main", "Open an ad-hoc connection: redis://[user[:password]@]host[:port][/db] or rediss://…"),
        QCoreApplication::translate("main", "URL"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Once connected and loaded, save the window to FILE.png and "
                                            "quit (exit code 1 if the connection fails)."),
        QCoreApplication::translate("main", "FILE.png"));
    const QCommandLineOption noDemoOption(
        QStringLiteral("no-demo"),
        QCoreApplication::translate("main", "Do not load the demo data into the local server."));
    const QCommandLineOption tabOption(
        QStringLiteral("tab"),
        QCoreApplication::translate("main", "Show this tab first (its name as shown, e.g. Health)."),
        QCoreApplication::translate("main", "NAME"));
    const QCommandLineOption delayOption(
        QStringLiteral("screenshot-delay"),
        QCoreApplication::translate("main", "Wait this many seconds after loading before the screenshot "
                                            "(default 0.3), e.g. to let charts fill."),
        QCoreApplication::translate("main", "SECONDS"));
    const QCommandLineOption postgresOption(
        QStringLiteral("postgres"),
        QCoreApplication::translate("main",
                                    "Open the PostgreSQL panel on a postgres:// URL or key=value conninfo."),
        QCoreApplication::translate("main", "URL"));
    const QCommandLineOption clusterOption(
        QStringLiteral("local-cluster"),
        QCoreApplication::translate("main",
                                    "Start a local Redis Cluster (3 masters, 3 replicas) and open it."));
    const QCommandLineOption sentinelOption(
        QStringLiteral("local-sentinel"),
        QCoreApplication::translate("main",
                                    "Start a local master, replica and 3 sentinels, and follow the master."));
    parser.addOptions({connectOption, screenshotOption, noDemoOption, tabOption, delayOption, postgresOption,
                       clusterOption, sentinelOption});
    parser.process(app);

    CommandLine result;
    if (parser.isSet(connectOption)) {
        const RedisUrl::Result url = RedisUrl::parse(parser.value(connectOption));
        if (!url.config) {
            printError(QCoreApplication::translate("main", "keyscope: --connect: %1").arg(url.error));
            result.exitCode = 2;
            return result;
        }
        result.options.connectTo = *url.config;
    }
    result.options.demoData = !parser.isSet(noDemoOption);
    result.options.firstTab = parser.value(tabOption);
    result.options.postgres = parser.value(postgresOption);
    result.options.localCluster = parser.isSet(clusterOption);
    result.options.localSentinel = parser.isSet(sentinelOption);
    result.screenshot = parser.value(screenshotOption);
    if (parser.isSet(delayOption)) {
        bool ok = false;
        const double seconds = parser.value(delayOption).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 600) {
            printError(QCoreApplication::translate("main", "keyscope: --screenshot-delay: expected seconds "
                                                           "from 0 to 600, not “%1”.")
                           .arg(parser.value(delayOption)));
            result.exitCode = 2;
            return result;
        }
        result.screenshotDelayMs = int(seconds * 1000);
    }
    if (!result.screenshot.isEmpty()) {
        result.options.useEmbedded = true;
        result.options.persistState = false;
    }
    return result;
}
} // namespace

int main(int argc, char *argv[])
{
    QTranslator qtTranslator;
    QTranslator translator;
    AppSettings preferences;
    CommandLine commandLine;
    {
        QCoreApplication core(argc, argv);
        setApplicationInfo();
        // The language of the settings if one was chosen, else the system's.
        preferences = AppSettings::load();
        if (!preferences.language.isEmpty())
            QLocale::setDefault(QLocale(preferences.language));
        (void)qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        (void)translator.load(QLocale(), QStringLiteral("keyscope"), QStringLiteral("_"),
                              QStringLiteral(":/i18n"));
        installTranslators(qtTranslator, translator);
        commandLine = parseCommandLine(core);
    }
    if (commandLine.exitCode >= 0)
        return commandLine.exitCode;

    QApplication app(argc, argv);
    setApplicationInfo();
    installTranslators(qtTranslator, translator);
    QApplication::setDesktopFileName(QStringLiteral("keyscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/keyscope.svg")));
    Theme::apply(preferences.theme);

    MainWindow window(commandLine.options);
    if (!commandLine.screenshot.isEmpty()) {
        window.resize(1280, 800);
        arrangeScreenshot(window, commandLine.screenshot, commandLine.screenshotDelayMs);
    }
    window.show();
    QTimer::singleShot(0, &window, &MainWindow::start);
    return app.exec();
}
