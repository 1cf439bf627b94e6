#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

// A typed console line split into the arguments of one command, as redis-cli splits it
// (sdssplitargs): arguments are separated by spaces; "double quotes" understand \n \r \t \b \a \\ \"
// and \xHH (a byte), any other escaped character stands for itself; 'single quotes' understand \'
// only. A quote may start inside a word (key"with space" is one argument). The text is UTF-8, so
// a binary argument is typed with \xHH.
//
// One extension: "\0" is a NUL byte (redis-cli reads it as '0'), because BytesEscaper shows NUL that
// way and everything the console shows escaped can be typed back.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    struct Result
    {
        QList<QByteArray> args; // empty for a blank line
        QString error;          // why the line cannot be split, for people; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    static Result split(const QString &line);
    // The arguments typed back: each one as is when it needs no quoting, else in double quotes with
    // BytesEscaper's escapes. split(join(args)).args == args.
    static QString join(const QList<QByteArray> &args);
};
