#include "pubsubsubscriber.h"

#include "pubsubworker.h"

#include <algorithm>

PubSubSubscriber::PubSubSubscriber(ConnectionConfig config, qsizetype capacity, QObject *parent)
    : QObject(parent), m_worker(new PubSubWorker(std::move(config), capacity))
{
    qRegisterMetaType<PubSubMessage>();
    qRegisterMetaType<QList<PubSubMessage>>();
    qRegisterMetaType<PubSubMessage::Kind>();
    qRegisterMetaType<RedisConnection::State>();
    m_thread.setObjectName(QStringLiteral("keyscope-subscriber"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &PubSubWorker::batch, this,
            [this](const QList<PubSubMessage> &messages, qint64 dropped) {
                emit messagesReceived(messages, dropped);
                QMetaObject::invokeMethod(m_worker, &PubSubWorker::batchTaken, Qt::QueuedConnection);
            });
    connect(m_worker, &PubSubWorker::confirmed, this,
            [this](PubSubMessage::Kind kind, const QByteArray &name, bool subscribed, qint64) {
                if (subscribed)
                    m_confirmed[int(kind)].insert(name);
                else
                    m_confirmed[int(kind)].remove(name);
                emit subscriptionConfirmed(kind, name, subscribed);
                emit subscriptionsChanged();
            });
    connect(m_worker, &PubSubWorker::stateChanged, this, [this](RedisConnection::State state) {
        m_state = state;
        if (state != RedisConnection::State::Ready) {
            // The server forgets subscriptions with the connection; the worker restores them.
            for (QSet<QByteArray> &set : m_confirmed)
                set.clear();
            emit subscriptionsChanged();
        }
        emit stateChanged(state);
    });
    connect(m_worker, &PubSubWorker::failed, this, [this](const QString &message) {
        m_error = message;
        emit errorChanged(message);
    });
    connect(m_worker, &PubSubWorker::recovered, this, [this] {
        m_error.clear();
        emit errorChanged({});
    });
    m_thread.start();
}

PubSubSubscriber::~PubSubSubscriber()
{
    PubSubWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->stop();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PubSubSubscriber::open()
{
    QMetaObject::invokeMethod(m_worker, &PubSubWorker::start, Qt::QueuedConnection);
}

void PubSubSubscriber::subscribe(PubSubMessage::Kind kind, const QByteArray &name)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, kind, name] { worker->change(kind, name, true); },
        Qt::QueuedConnection);
}

void PubSubSubscriber::unsubscribe(PubSubMessage::Kind kind, const QByteArray &name)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, kind, name] { worker->change(kind, name, false); },
        Qt::QueuedConnection);
}

QList<QByteArray> PubSubSubscriber::subscriptions(PubSubMessage::Kind kind) const
{
    QList<QByteArray> list = m_confirmed[int(kind)].values();
    std::sort(list.begin(), list.end());
    return list;
}
