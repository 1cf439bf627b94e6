#pragma once

#include "appsettings.h"
#include "connectionconfig.h"
#include "serverinfo.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class DemoLoader;
class EmbeddedServer;
class QTabWidget;
class QTimer;
class Session;
class SessionPage;

// One open connection in the window: its Session and its pages (a tab each), from open to close. The
// pages are made here once, in order, and the view loops over them (title, applySettings) without
// knowing what they are; the Cluster and Sentinel tabs are added when the session turns out to be of
// that kind. Also the session's status-bar figures (state, server, db, PING round trip every 2 s) and,
// for a fresh local server, the demo data.
class SessionView : public QWidget
{
    Q_OBJECT

public:
    struct Options
    {
        bool demoData = false;               // write the demo keyspace once the session is ready
        EmbeddedServer *logServer = nullptr; // a Server log tab for this local server
        QString firstTab;                    // the tab to show first, by its title
    };

    SessionView(ConnectionConfig profile, QString id, const AppSettings &settings, Options options,
                QWidget *parent = nullptr);
    ~SessionView() override;

    // The connection tree's id of what is open (a profile id, or one of the window's own ids).
    const QString &id() const { return m_id; }
    Session *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    QList<SessionPage *> pages() const;
    template <class Page> Page *page() const
    {
        for (SessionPage *candidate : pages())
            if (auto *found = qobject_cast<Page *>(candidate))
                return found;
        return nullptr;
    }

    void open();
    void applySettings(const AppSettings &settings);

    // What the status bar shows for this session.
    const ServerInfo &info() const { return m_info; }
    QString latencyText() const { return m_latency; }
    bool isLoaded() const { return m_loaded; }

signals:
    // Ready, its overview shows INFO, the demo data (if any) is in and the key browser shows its first page.
    void loaded();
    // State, INFO, db or latency changed.
    void statusChanged();
    // A message for the status bar (0 = until the next one).
    void message(const QString &text, int timeoutMs);
    void demoLoaded(int total, int failed);

private:
    void addPage(SessionPage *page, int index = -1);
    void onReady();
    void onDemoLoaded(int total, int failed, const QString &firstError);
    void sendPing();
    void maybeLoaded();
    void showFirstTab();

    QString m_id;
    Options m_options;
    AppSettings m_settings;
    Session *m_session = nullptr; // child of this, outlives the pages (deleted first in the destructor)
    QTabWidget *m_tabs = nullptr;
    DemoLoader *m_demo = nullptr;
    QTimer *m_pingTimer = nullptr;
    ServerInfo m_info;
    QString m_latency;
    bool m_pingInFlight = false;
    bool m_infoSeen = false;
    bool m_keysScanned = false;
    bool m_demoDone = true;
    bool m_loaded = false;
};
