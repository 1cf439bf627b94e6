#include "buildinfo.h"

#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <QtGlobal>

QString BuildInfo::keyscopeVersion()
{
    return QStringLiteral(KEYSCOPE_VERSION);
}

QString BuildInfo::qtVersion()
{
    const QString runtime = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    return runtime == built ? runtime : QStringLiteral("%1 (built with %2)").arg(runtime, built);
}

QString BuildInfo::hiredisVersion()
{
    return QStringLiteral("%1.%2.%3").arg(HIREDIS_MAJOR).arg(HIREDIS_MINOR).arg(HIREDIS_PATCH);
}

QString BuildInfo::libpqVersion()
{
    // 150008 = 15.8 (PostgreSQL >= 10: major * 10000 + minor).
    const int version = PQlibVersion();
    return version >= 100000
               ? QStringLiteral("%1.%2").arg(version / 10000).arg(version % 10000)
               : QStringLiteral("%1.%2.%3").arg(version / 10000).arg(version / 100 % 100).arg(version % 100);
}
