#include "sessionpage.h"

#include "appsettings.h"

SessionPage::SessionPage(Session *session, QWidget *parent) : QWidget(parent), m_session(session) {}

void SessionPage::applySettings(const AppSettings &settings)
{
    Q_UNUSED(settings);
}
