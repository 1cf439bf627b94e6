#pragma once

#include "connectionconfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Connections saved by other Redis tools, read into Keyscope profiles for a preview before anything is saved:
// RedisInsight's "Export databases" file, Another Redis Desktop Manager's export (base64 of JSON), RESP.app's
// connections.json, Tiny RDM's connections.yaml (groups flattened), a text file of redis:// / rediss:// URLs
// (one per line, # comments), and Keyscope's own export (ConnectionExport). The format is recognised from
// the content. Passwords come along where the file holds them (the caller stores them in the keychain).
// Nothing is ever executed or fetched: the files are read as data, and a malformed one gives a clear error.
class ConnectionImport
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionImport)
public:
    enum class Format {
        Unknown,
        RedisInsight,
        AnotherRedisDesktopManager,
        RespApp,
        TinyRdm,
        UrlList,
        Keyscope
    };

    struct Entry
    {
        ConnectionConfig config;
        bool cluster = false; // the file says cluster (Keyscope finds out by itself; shown in the preview)
        QString ssh;          // user@host:port of an SSH tunnel the file asks for, empty for none
        QString duplicateOf;  // name of an existing profile with the same server, empty for none
        QStringList notes;    // what was not taken over, for people
    };

    struct Result
    {
        Format format = Format::Unknown;
        QList<Entry> entries;
        QStringList skipped; // entries that could not be read ("line 3: …"), for people
        QString error;       // the whole file could not be read, for people; empty on success
    };

    static constexpr qsizetype kMaxFileBytes = 16 * 1024 * 1024;

    // Reads bytes; entries that match one of existing (same server, database and user) are flagged.
    static Result read(const QByteArray &bytes, const QList<ConnectionConfig> &existing = {});
    static QString formatName(Format format);
};
