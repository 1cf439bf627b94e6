#include "sentinelpage.h"

#include "sentinelclient.h"
#include "sentinelview.h"

#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

SentinelPage::SentinelPage(SentinelClient *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_view(new SentinelView(this)), m_timer(new QTimer(this))
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
    connect(client, &SentinelClient::masterChanged, this, &SentinelPage::refresh);
    m_timer->start();
    refresh();
}

void SentinelPage::refresh()
{
    if (!m_client || m_inFlight)
        return;
    const QString sentinel = m_client->subscribedSentinel();
    m_following->setText(
        tr("Following master “%1” at %2:%3 through %4 sentinel(s); failovers announced by %5.")
            .arg(QString::fromUtf8(m_client->masterName()), m_client->masterHost())
            .arg(m_client->masterPort())
            .arg(m_client->sentinels().size())
            .arg(sentinel.isEmpty() ? tr("none yet") : sentinel));
    m_inFlight = true;
    m_client->fetchState(this, [this](const std::optional<SentinelState> &state, const QString &error) {
        m_inFlight = false;
        if (state)
            m_view->setState(*state);
        else
            m_view->setError(error);
        emit refreshed();
    });
}
