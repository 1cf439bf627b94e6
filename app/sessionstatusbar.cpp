#include "sessionstatusbar.h"

#include "session.h"
#include "sessionview.h"
#include "widgetstyle.h"

#include <QLabel>
#include <QStatusBar>

namespace {
QLabel *statusLabel(const QString &objectName, const QString &toolTip, QStatusBar *bar)
{
    auto *label = new QLabel(bar);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(4, 0, 4, 0);
    label->setToolTip(toolTip);
    bar->addPermanentWidget(label);
    return label;
}
} // namespace

SessionStatusBar::SessionStatusBar(QStatusBar *bar) : QObject(bar), m_bar(bar)
{
    m_colour = statusLabel(QStringLiteral("colourLabel"), tr("Colour tag of the connection shown"), bar);
    m_colour->setAccessibleName(tr("Colour tag"));
    m_state = statusLabel(QStringLiteral("stateLabel"), {}, bar);
    m_version = statusLabel(QStringLiteral("versionLabel"), tr("Server version"), bar);
    m_mode = statusLabel(QStringLiteral("modeLabel"), tr("Server mode"), bar);
    m_role = statusLabel(QStringLiteral("roleLabel"), tr("Replication role"), bar);
    m_db = statusLabel(QStringLiteral("dbLabel"), tr("Selected database"), bar);
    m_latency = statusLabel(QStringLiteral("latencyLabel"), tr("Round trip of PING, every two seconds"), bar);
    show(nullptr);
}

void SessionStatusBar::show(const SessionView *view)
{
    const Session *session = view ? view->session() : nullptr;
    if (!session) {
        m_colour->clear();
        m_colour->setAccessibleDescription({});
        for (QLabel *label : {m_version, m_mode, m_role, m_db, m_latency})
            label->clear();
        m_state->setText(tr("Not connected"));
        m_state->setToolTip({});
        WidgetStyle::setTextColour(m_state, {});
        return;
    }
    const ConnectionConfig &profile = session->profile();
    m_colour->setPixmap(WidgetStyle::colourSwatch(profile.colour, m_state->fontMetrics().height()));
    m_colour->setAccessibleDescription(profile.colour);
    m_state->setText(tr("%1: %2").arg(profile.displayName(), session->stateText()));
    const ConnectionError error = session->lastError();
    m_state->setToolTip(error.isError() ? QStringLiteral("<p>%1</p>").arg(error.message.toHtmlEscaped())
                                        : QString());
    WidgetStyle::setTextColour(m_state, session->isReady() ? WidgetStyle::okColour(m_state->palette())
                                        : session->state() == Session::State::Connecting
                                            ? QColor()
                                            : WidgetStyle::errorColour(m_state->palette()));
    const ServerInfo &info = view->info();
    m_version->setText(info.version().isEmpty() ? QString() : tr("Redis %1").arg(info.version()));
    m_mode->setText(info.modeText());
    m_role->setText(info.roleText());
    m_db->setText(tr("db%1").arg(session->serverConfig().db));
    m_latency->setText(view->latencyText());
}
