#pragma once

#include "connectionconfig.h"

#include <QByteArray>
#include <QList>

// Keyscope profiles as a JSON file another Keyscope reads back (ConnectionImport): every setting, passwords
// left out unless includePasswords (then in clear text in the file: the person ticked it).
class ConnectionExport
{
public:
    static QByteArray toJson(const QList<ConnectionConfig> &profiles, bool includePasswords);
};
