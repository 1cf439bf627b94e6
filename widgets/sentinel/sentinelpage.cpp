#include "sentinelpage.h"

#include "sentinelclient.h"
#include "sentinelview.h"

#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

SentinelPage::SentinelPage(Session *session, QWidget *parent)
    : SessionPage(session, parent), m_view(new SentinelView(this)), m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    m_following = new QLabel(this);
    m_following->setObjectName(QStringLiteral("sentinelFollowing"));
    m_following->setTextFormat(Qt::PlainText);
    m_following->setWordWrap(true);
    layout->addWidget(m_following);
    layout->addWidget(m_view, 1);
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SentinelPage::refresh);
    connect(session, &Session::ready, this, &SentinelPage::refresh); // first master, or after a failover
    m_timer->start();
    refresh();
}

QString SentinelPage::title() const
{
    return tr("Sentinel");
}

void SentinelPage::refresh()
{
    // The session's client, made again when the session is (a password typed after a refusal).
    SentinelClient *client = session() ? session()->sentinel() : nullptr;
    if (!client || m_inFlight)
        return;
    const QString sentinel = client->subscribedSentinel();
    m_following->setText(
        tr("Following master “%1” at %2:%3 through %4 sentinel(s); failovers announced by %5.")
            .arg(QString::fromUtf8(client->masterName()), client->masterHost())
            .arg(client->masterPort())
            .arg(client->sentinels().size())
            .arg(sentinel.isEmpty() ? tr("none yet") : sentinel));
    m_inFlight = true;
    client->fetchState(this, [this](const std::optional<SentinelState> &state, const QString &error) {
        m_inFlight = false;
        if (state)
            m_view->setState(*state);
        else
            m_view->setError(error);
        emit refreshed();
    });
}
