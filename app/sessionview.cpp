#include "sessionview.h"

#include "clusterpage.h"
#include "consolepage.h"
#include "demoloader.h"
#include "healthdashboardpage.h"
#include "keybrowserpage.h"
#include "pubsubpage.h"
#include "sentinelpage.h"
#include "serveradminpage.h"
#include "serverlogview.h"
#include "serveroverviewpage.h"
#include "session.h"
#include "ttlinspectorpage.h"

#include <QLocale>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {
constexpr int pingIntervalMs = 2000;
}

SessionView::SessionView(ConnectionConfig profile, QString id, const AppSettings &settings, Options options,
                         QWidget *parent)
    : QWidget(parent), m_id(std::move(id)), m_options(std::move(options)), m_settings(settings),
      m_session(new Session(std::move(profile), this)), m_tabs(new QTabWidget(this)),
      m_pingTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("sessionView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);

    auto *keys = new KeyBrowserPage(m_session, m_tabs);
    connect(keys, &KeyBrowserPage::scanStopped, this, [this] {
        // The scan that counts is the one after the demo data went in.
        if (m_demoDone) {
            m_keysScanned = true;
            maybeLoaded();
        }
    });
    addPage(keys);
    if (m_session->profile().usesSentinel())
        addPage(new SentinelPage(m_session, m_tabs));
    addPage(new TtlInspectorPage(m_session, m_tabs));
    addPage(new PubSubPage(m_session, m_tabs));
    addPage(new HealthDashboardPage(m_session, m_tabs));
    auto *overview = new ServerOverviewPage(m_session, m_tabs);
    connect(overview, &ServerOverviewPage::infoUpdated, this, [this](const ServerInfo &info) {
        m_info = info;
        m_infoSeen = true;
        emit statusChanged();
        maybeLoaded();
    });
    addPage(overview);
    addPage(new ServerAdminPage(m_session, m_tabs));
    addPage(new ConsolePage(m_session, m_tabs));
    if (m_options.logServer)
        m_tabs->addTab(new ServerLogView(m_options.logServer, m_tabs), tr("Server log"));
    showFirstTab();

    if (m_options.demoData) {
        m_demoDone = false;
        m_demo = new DemoLoader(m_session, this);
        connect(m_demo, &DemoLoader::finished, this, &SessionView::onDemoLoaded);
    }
    m_pingTimer->setInterval(pingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &SessionView::sendPing);
    connect(m_session, &Session::ready, this, &SessionView::onReady);
    connect(m_session, &Session::stateChanged, this, [this] {
        if (!m_session->isReady())
            m_latency.clear();
        emit statusChanged();
    });
    connect(m_session, &Session::databaseChanged, this, &SessionView::statusChanged);
    connect(m_session, &Session::problem, this, [this](const QString &text) { emit message(text, 0); });
    connect(m_session, &Session::serverChanged, this, [this](const QString &host, quint16 port) {
        emit message(tr("Failover followed: the master is now %1.").arg(HostPort::format(host, port)), 0);
    });
}

SessionView::~SessionView()
{
    // The pages hold the session's connections: they go first.
    delete m_tabs;
    m_tabs = nullptr;
}

QList<SessionPage *> SessionView::pages() const
{
    QList<SessionPage *> list;
    for (int i = 0; m_tabs && i < m_tabs->count(); ++i)
        if (auto *page = qobject_cast<SessionPage *>(m_tabs->widget(i)))
            list.append(page);
    return list;
}

void SessionView::open()
{
    m_session->open();
}

void SessionView::addPage(SessionPage *page, int index)
{
    page->applySettings(m_settings);
    m_tabs->insertTab(index, page, page->title());
}

void SessionView::applySettings(const AppSettings &settings)
{
    m_settings = settings;
    for (SessionPage *page : pages())
        page->applySettings(settings);
}

void SessionView::onReady()
{
    if (m_session->cluster() && !page<ClusterPage>()) {
        addPage(new ClusterPage(m_session, m_tabs), m_tabs->indexOf(page<KeyBrowserPage>()) + 1);
        showFirstTab();
    }
    m_pingTimer->start();
    // A PING queued behind thousands of demo commands would not measure the network: wait for them.
    if (m_demo && !m_demoDone && !m_demo->isRunning()) {
        emit message(tr("Loading the demo data…"), 0);
        m_demo->start();
    } else {
        sendPing();
    }
}

void SessionView::onDemoLoaded(int total, int failed, const QString &firstError)
{
    m_demoDone = true;
    if (failed > 0)
        emit message(tr("Demo data: %1 of %2 commands failed (first error: %3)")
                         .arg(failed)
                         .arg(total)
                         .arg(firstError),
                     0);
    else
        emit message(tr("Demo data loaded (%1 commands).").arg(total), 5000);
    emit demoLoaded(total, failed);
    if (auto *overview = page<ServerOverviewPage>())
        overview->refresh();
    if (auto *keys = page<KeyBrowserPage>()) {
        m_keysScanned = false;
        keys->rescan();
    }
    sendPing();
}

void SessionView::sendPing()
{
    RedisConnection *connection = m_session->connection();
    if (!connection || !connection->isReady() || m_pingInFlight || (m_demo && m_demo->isRunning()))
        return;
    m_pingInFlight = true;
    connection->ping(this, [this](qint64 micros, const RedisReply &reply) {
        m_pingInFlight = false;
        if (reply.isError()) {
            m_latency.clear();
        } else {
            const double ms = double(micros) / 1000.0;
            m_latency = tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 0));
        }
        emit statusChanged();
    });
}

void SessionView::maybeLoaded()
{
    if (!m_loaded && m_infoSeen && m_keysScanned && m_demoDone) {
        m_loaded = true;
        emit loaded();
    }
}

void SessionView::showFirstTab()
{
    // A tab added later (Cluster) takes it when it comes.
    for (int i = 0; i < m_tabs->count() && !m_options.firstTab.isEmpty(); ++i)
        if (m_tabs->tabText(i).compare(m_options.firstTab, Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(i);
            m_options.firstTab.clear();
        }
}
