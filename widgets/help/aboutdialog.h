#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

// Keyscope's version and those of the parts it runs with — Qt, hiredis, libpq, QCustomPlot and the
// redis-server in use — as selectable plain text, with a button that copies them for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // redisServer: what the window knows of the server in use (e.g. "7.0.15 (embedded,
    // /usr/bin/redis-server)"); empty when not connected.
    explicit AboutDialog(const QString &redisServer, QWidget *parent = nullptr);

    // The rows shown: component, version.
    const QList<QPair<QString, QString>> &versions() const { return m_versions; }
    QString versionsText() const;

private:
    QList<QPair<QString, QString>> m_versions;
};
