#include "widgetstyle.h"

#include "theme.h"

#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QTableView>

QLabel *WidgetStyle::plainLabel(QWidget *parent, const QString &text, Wrap wrap)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(wrap == Wrap::Words);
    return label;
}

QLabel *WidgetStyle::errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: %1").arg(errorColour(label->palette()).name()));
    return label;
}

QColor WidgetStyle::errorColour(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xb0, 0x00, 0x20);
}

QMessageBox *WidgetStyle::messageBox(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                                     const QString &text, QMessageBox::StandardButtons buttons,
                                     QMessageBox::StandardButton defaultButton)
{
    auto *box = new QMessageBox(icon, title, text, buttons, parent);
    box->setTextFormat(Qt::PlainText);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (defaultButton != QMessageBox::NoButton)
        box->setDefaultButton(defaultButton);
    return box;
}

void WidgetStyle::compactRows(QTableView *view)
{
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
}

void WidgetStyle::recordTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    compactRows(view);
}
