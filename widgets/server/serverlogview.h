#pragma once

#include <QPlainTextEdit>

class EmbeddedServer;

// Read-only, bounded view of what the embedded redis-server logs: the lines it already logged, then
// every new line as it arrives.
class ServerLogView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ServerLogView(EmbeddedServer *server, QWidget *parent = nullptr);

    static constexpr int maximumLines = 5000;

private:
    void appendLine(const QString &line);
};
