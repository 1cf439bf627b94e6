#include "serverlogview.h"

#include "embeddedserver.h"

#include <QFontDatabase>
#include <QScrollBar>

ServerLogView::ServerLogView(EmbeddedServer *server, QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("serverLogView"));
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(maximumLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("The local server has not logged anything yet."));
    const QStringList lines = server->log();
    for (const QString &line : lines)
        appendLine(line);
    connect(server, &EmbeddedServer::logLine, this, &ServerLogView::appendLine);
}

void ServerLogView::appendLine(const QString &line)
{
    // Follow the end only when the reader is already there, so scrolling back to read is not undone.
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}
