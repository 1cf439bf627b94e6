#include "appsettings.h"

#include <algorithm>
#include <QSettings>

namespace {
const QString group = QStringLiteral("preferences");
} // namespace

AppSettings AppSettings::load()
{
    QSettings settings;
    settings.beginGroup(group);
    const AppSettings defaults;
    AppSettings s;
    s.scanCount =
        std::clamp(settings.value(QStringLiteral("scanCount"), defaults.scanCount).toInt(), 10, 10'000);
    s.delimiters = settings.value(QStringLiteral("delimiters"), defaults.delimiters).toString();
    s.healthIntervalMs = std::clamp(
        settings.value(QStringLiteral("healthIntervalMs"), defaults.healthIntervalMs).toInt(), 500, 60'000);
    s.pubsubBuffer = std::clamp(settings.value(QStringLiteral("pubsubBuffer"), defaults.pubsubBuffer).toInt(),
                                1000, 10'000'000);
    s.previewThreshold =
        std::clamp(settings.value(QStringLiteral("previewThreshold"), defaults.previewThreshold).toLongLong(),
                   qint64(64 * 1024), qint64(512) * 1024 * 1024);
    s.language = settings.value(QStringLiteral("language")).toString();
    if (s.language != QLatin1String("en") && s.language != QLatin1String("fr"))
        s.language.clear();
    s.theme = themeFromName(settings.value(QStringLiteral("theme")).toString());
    return s;
}

void AppSettings::save() const
{
    QSettings settings;
    settings.beginGroup(group);
    settings.setValue(QStringLiteral("scanCount"), scanCount);
    settings.setValue(QStringLiteral("delimiters"), delimiters);
    settings.setValue(QStringLiteral("healthIntervalMs"), healthIntervalMs);
    settings.setValue(QStringLiteral("pubsubBuffer"), pubsubBuffer);
    settings.setValue(QStringLiteral("previewThreshold"), previewThreshold);
    settings.setValue(QStringLiteral("language"), language);
    settings.setValue(QStringLiteral("theme"), themeName(theme));
}

QString AppSettings::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

AppSettings::Theme AppSettings::themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}
