#include "testsession.h"

#include "session.h"

#include <QDebug>
#include <QSignalSpy>
#include <QTest>

bool openSession(Session &session)
{
    QSignalSpy readySpy(&session, &Session::ready);
    session.open();
    if (QTest::qWaitFor([&] { return !readySpy.isEmpty() || session.state() == Session::State::Failed; },
                        15000) &&
        !readySpy.isEmpty())
        return true;
    qWarning().noquote() << "session not ready:"
                         << (session.lastError().isError() ? session.lastError().message
                                                           : QStringLiteral("no answer within 15 s"));
    return false;
}
