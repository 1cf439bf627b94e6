#pragma once

#include <QProxyStyle>

// Fusion with a focus frame a person can see in the light and the dark theme. Fusion draws focus from the
// highlight colour, darkened and capped, which on the dark palette is a faint blue line (about 2:1 against
// the window). This draws, over every focused button, field, combo box, spin box, page tab and item, a frame
// two pixels wide in a colour of at least 3:1 against the window (WCAG 2.2 focus appearance): the highlight
// in the light theme, a light blue in the dark one.
class FocusStyle : public QProxyStyle
{
    Q_OBJECT
public:
    explicit FocusStyle(QStyle *base);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;

    // The colour of the focus frame on palette.
    static QColor focusColour(const QPalette &palette);
};
