#pragma once

#include <QString>

// The user's preferences, a value persisted with QSettings (group "preferences"). Values read back are
// clamped to their ranges, so a hand-edited or older settings file cannot put a page out of bounds.
struct AppSettings
{
    enum class Theme { System, Light, Dark };

    int scanCount = 1000; // SCAN … COUNT, 10 to 10,000 (KeyScanner clamps to its maximum too)
    QString delimiters = QStringLiteral(":"); // namespace delimiters of a new key browser
    int healthIntervalMs = 1000;              // INFO poll of the Health tab, 500 ms to 60 s
    int pubsubBuffer = 100'000;               // messages the Pub/Sub console keeps, 1,000 to 10,000,000
    qint64 previewThreshold = 1024 * 1024;    // strings above this show a preview only, 64 KiB to 512 MiB
    QString language; // "" = the system's, else "en" or "fr" (applied at the next start)
    Theme theme = Theme::System;

    static AppSettings load();
    void save() const;
    bool operator==(const AppSettings &other) const = default;

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name);
};
