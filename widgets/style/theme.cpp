#include "theme.h"

#include "focusstyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace {
struct Original
{
    QString style;
    QPalette palette;
};

// The platform's look, taken before the first change so that System can go back to it.
const Original &original()
{
    static const Original value{QApplication::style()->name(), QApplication::palette()};
    return value;
}
} // namespace

void Theme::apply(AppSettings::Theme theme)
{
    const Original &system = original();
    static bool changed = false; // System at start-up: nothing to undo
    if (theme == AppSettings::Theme::System && !changed)
        return;
    changed = true;
    switch (theme) {
    case AppSettings::Theme::System:
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        break;
    case AppSettings::Theme::Light:
        QApplication::setStyle(new FocusStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case AppSettings::Theme::Dark:
        QApplication::setStyle(new FocusStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        QApplication::setPalette(darkPalette());
        break;
    }
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xdf, 0xe1, 0xe5);
    const QColor disabled(0x7f, 0x84, 0x8e);
    const QColor highlight(0x2f, 0x65, 0xca);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.lighter(110));
    p.setColor(QPalette::Dark, base.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa0, 0xf6));
    p.setColor(QPalette::LinkVisited, QColor(0xa4, 0x8c, 0xf2));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, window.lighter(130));
    return p;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}
