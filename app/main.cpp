#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Keyscope"));
    QApplication::setOrganizationName(QStringLiteral("Keyscope"));
    QApplication::setApplicationVersion(QStringLiteral(KEYSCOPE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Native desktop admin for Redis"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
