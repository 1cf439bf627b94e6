#include "focusstyle.h"

#include "theme.h"

#include <QPainter>
#include <QStyleOption>

namespace {

void drawFrame(const QStyleOption *option, QPainter *painter)
{
    if (!(option->state & QStyle::State_HasFocus))
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(FocusStyle::focusColour(option->palette), 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(option->rect).adjusted(1, 1, -1, -1), 2, 2);
    painter->restore();
}

} // namespace

FocusStyle::FocusStyle(QStyle *base) : QProxyStyle(base) {}

QColor FocusStyle::focusColour(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0x6c, 0xa0, 0xf6) : palette.color(QPalette::Highlight).darker(110);
}

void FocusStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                               const QWidget *widget) const
{
    if (element == PE_FrameFocusRect) {
        drawFrame(option, painter); // Fusion passes the focus state on to it only when focused
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element == PE_PanelButtonCommand || element == PE_FrameLineEdit)
        drawFrame(option, painter);
}

void FocusStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                             const QWidget *widget) const
{
    QProxyStyle::drawControl(element, option, painter, widget);
    if (element == CE_TabBarTabShape)
        drawFrame(option, painter);
}

void FocusStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                    QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if (control == CC_ComboBox || control == CC_SpinBox || control == CC_ToolButton)
        drawFrame(option, painter);
}
