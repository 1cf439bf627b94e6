#include "widgetstyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>

QLabel *WidgetStyle::errorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    if (!objectName.isEmpty())
        label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020"));
    return label;
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
