#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <utility>

// Runs fn on owner's thread once its event loop gets control back, so a caller never sees its callback
// run inside the call that promised it (like a real reply) — unless context, when given, is gone by then.
template <typename Fn> void callLater(QObject *owner, QObject *context, Fn fn)
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QMetaObject::invokeMethod(
        owner,
        [guard, hasContext, fn = std::move(fn)]() mutable {
            if (!hasContext || guard)
                fn();
        },
        Qt::QueuedConnection);
}
