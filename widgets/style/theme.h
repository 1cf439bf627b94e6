#pragma once

#include "appsettings.h"

#include <QPalette>

// Light and dark looks. Qt 6.4 has no colour-scheme API: System keeps the platform's style and palette
// (which a desktop in dark mode makes dark), Light and Dark use the Fusion style with a light or dark
// palette. Widgets restyle themselves on the palette change; charts follow through
// WidgetStyle::followPalette().
namespace Theme {
void apply(AppSettings::Theme theme);
QPalette darkPalette();
// Whether a palette draws light text on a dark window.
bool isDark(const QPalette &palette);
} // namespace Theme
