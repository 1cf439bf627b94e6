#include "commandline.h"

#include <QTest>

using Args = QList<QByteArray>;

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void errors_data();
    void errors();
    void joinReadsBack_data();
    void joinReadsBack();
};

void TestCommandLine::split_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Args>("args");

    QTest::newRow("blank") << "   \t " << Args{};
    QTest::newRow("words") << "SET key value" << Args{"SET", "key", "value"};
    QTest::newRow("extra blanks") << "  GET \t key  " << Args{"GET", "key"};
    QTest::newRow("double quotes") << R"(SET "my key" "a value")" << Args{"SET", "my key", "a value"};
    QTest::newRow("empty argument") << R"(SET k "")" << Args{"SET", "k", ""};
    QTest::newRow("escapes") << R"(SET k "a\nb\rc\td\be\af\\g\"h")"
                             << Args{"SET", "k", QByteArray("a\nb\rc\td\be\af\\g\"h")};
    QTest::newRow("hex bytes") << R"(SET k "\x00\xff\xDE\xad")"
                               << Args{"SET", "k", QByteArray("\x00\xff\xde\xad", 4)};
    QTest::newRow("NUL as \\0") << R"(SET k "a\0b")" << Args{"SET", "k", QByteArray("a\0b", 3)};
    QTest::newRow("other escape is the character") << R"(SET k "\q\x4")" << Args{"SET", "k", "qx4"};
    QTest::newRow("single quotes keep backslashes")
        << R"(SET k 'a\nb\x41')" << Args{"SET", "k", R"(a\nb\x41)"};
    QTest::newRow("escaped single quote") << R"(SET k 'it\'s')" << Args{"SET", "k", "it's"};
    QTest::newRow("double quote inside single") << R"(SET k 'say "hi"')" << Args{"SET", "k", "say \"hi\""};
    QTest::newRow("quote starts inside a word")
        << R"(SET key"with space" v)" << Args{"SET", "keywith space", "v"};
    QTest::newRow("backslash outside quotes is literal") << R"(GET a\nb)" << Args{"GET", "a\\nb"};
    QTest::newRow("UTF-8") << "SET clé 値" << Args{"SET", "cl\xc3\xa9", "\xe5\x80\xa4"};
    QTest::newRow("markup is bytes") << "SET k <b>x</b>" << Args{"SET", "k", "<b>x</b>"};
    QTest::newRow("quoted at end") << R"(ECHO "x")" << Args{"ECHO", "x"};
}

void TestCommandLine::split()
{
    QFETCH(QString, line);
    QFETCH(Args, args);
    const CommandLine::Result result = CommandLine::split(line);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.args, args);
}

void TestCommandLine::errors_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("unclosed double") << R"(SET k "abc)"
                                     << "The double quote at column 7 is never closed.";
    QTest::newRow("unclosed single") << R"(SET k 'abc)"
                                     << "The single quote at column 7 is never closed.";
    QTest::newRow("escaped closing quote") << R"(SET k "abc\")"
                                           << "The double quote at column 7 is never closed.";
    QTest::newRow("text after closing double")
        << R"(SET "k"x v)"
        << "The closing quote at column 7 must be followed by a space.";
    QTest::newRow("text after closing single")
        << R"(SET 'k'x v)"
        << "The closing quote at column 7 must be followed by a space.";
    QTest::newRow("columns count characters") << R"(SET é "x)"
                                              << "The double quote at column 7 is never closed.";
}

void TestCommandLine::errors()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const CommandLine::Result result = CommandLine::split(line);
    QVERIFY(!result.ok());
    QVERIFY(result.args.isEmpty());
    QCOMPARE(result.error, message);
}

void TestCommandLine::joinReadsBack_data()
{
    QTest::addColumn<Args>("args");
    QTest::newRow("plain") << Args{"SET", "key", "value"};
    QTest::newRow("spaces and quotes") << Args{"SET", "my key", "it's \"quoted\""};
    QTest::newRow("empty") << Args{"SET", "k", ""};
    QTest::newRow("binary") << Args{"SET", QByteArray("\x00\x01\xff\n\\", 5), QByteArray("\xc3\x28", 2)};
    QTest::newRow("UTF-8") << Args{"SET", "clé", "値"};
}

void TestCommandLine::joinReadsBack()
{
    QFETCH(Args, args);
    const QString line = CommandLine::join(args);
    const CommandLine::Result result = CommandLine::split(line);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.args, args);
    if (args == Args{"SET", "key", "value"})
        QCOMPARE(line, QStringLiteral("SET key value"));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
