#pragma once

#include <QString>

class QLabel;
class QTableView;
class QWidget;

// Small pieces of look shared by the pages and dialogs.
namespace WidgetStyle {
// A word-wrapped, plain-text label in the error colour (empty until there is something to say).
QLabel *errorLabel(QWidget *parent, const QString &objectName = {});
// Rows as tall as a line of text, for tables of many short values.
void compactRows(QTableView *view);
// A read-only table of records: whole rows selected one at a time, no row header, no wrapping, compact rows.
void recordTable(QTableView *view);
} // namespace WidgetStyle
