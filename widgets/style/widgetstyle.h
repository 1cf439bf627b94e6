#pragma once

#include <QMessageBox>
#include <QString>

class QColor;
class QLabel;
class QPalette;
class QPixmap;
class QTableView;
class QWidget;

// Small pieces of look shared by the pages and dialogs.
namespace WidgetStyle {
// A selectable plain-text label, for text that may hold server data (never Qt's rich-text guess).
enum class Wrap { None, Words };
QLabel *plainLabel(QWidget *parent, const QString &text = {}, Wrap wrap = Wrap::Words);
// A word-wrapped, plain-text label in the error colour (empty until there is something to say).
QLabel *errorLabel(QWidget *parent, const QString &objectName = {});
// The colour of error text, readable on the window of a light or a dark palette.
QColor errorColour(const QPalette &palette);
// The colour of "connected", "passed": green readable on a light or a dark palette.
QColor okColour(const QPalette &palette);
// A label's text in colour; an invalid colour gives it back the application's text colour.
void setTextColour(QLabel *label, const QColor &colour);
// A round swatch of a profile's colour tag ("#rrggbb"), size pixels wide; transparent for no tag.
QPixmap colourSwatch(const QString &colour, int size);
// A question or warning whose text may hold server data (key names, endpoints, values): the text is plain,
// never Qt's rich-text guess. Window-modal and deleted when closed; the caller adds any custom buttons,
// connects finished() and calls open().
QMessageBox *messageBox(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                        QMessageBox::StandardButtons buttons = QMessageBox::NoButton,
                        QMessageBox::StandardButton defaultButton = QMessageBox::NoButton);
// What a screen reader says a control is: its accessible name and, for item views, what a row is. A line
// edit's clear button (call after setClearButtonEnabled) is named after it. An item view also hands Tab on to
// the next control (arrows move inside it), so Tab never walks cell by cell through a long table.
void setAccessible(QWidget *widget, const QString &name, const QString &description = {});
// Rows as tall as a line of text, for tables of many short values.
void compactRows(QTableView *view);
// A read-only table of records: whole rows selected one at a time, no row header, no wrapping, compact rows.
void recordTable(QTableView *view);
} // namespace WidgetStyle
