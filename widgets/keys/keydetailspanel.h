#pragma once

#include "stringvalue.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolButton;
class QVBoxLayout;
class RedisConnection;
class RedisReply;
class CollectionValueEditor;
class StreamValueEditor;
class StringValueEditor;

// The right side of the key browser: what one key is (name, type, TTL, memory, encoding, length),
// fetched when it is shown with one pipelined round of commands (TYPE, then PTTL, MEMORY USAGE,
// OBJECT ENCODING and the type's length command). The value editors of each type plug in below.
// Everything is plain text: a key named <b>x</b> shows as typed.
class KeyDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KeyDetailsPanel(RedisConnection *connection, QWidget *parent = nullptr);

    void showKey(const QByteArray &key);
    void showFolder(const QByteArray &prefix, qint64 keys);
    void clear();
    QByteArray key() const { return m_key; }
    // The connection the next key is read and edited on (in a cluster: the master of its slot).
    void setConnection(RedisConnection *connection);
    // Strings longer than this show a preview (for the next key shown).
    void setPreviewThreshold(qint64 bytes) { m_previewThreshold = bytes; }

    // For tests and the status of the page: the texts shown.
    QString nameText() const;
    QString typeText() const;
    QString ttlText() const;
    QString lengthText() const;
    // The value editor of the shown key (nullptr until its type is known, or for other types).
    StringValueEditor *stringEditor() const;
    CollectionValueEditor *collectionEditor() const;
    StreamValueEditor *streamEditor() const;

    // Opens the TTL dialog for the shown key (disabled on read-only connections).
    void changeTtl();

signals:
    // The shown key turned out to be gone (deleted elsewhere, expired).
    void keyMissing(const QByteArray &key);
    // The TTL of the shown key was changed from here.
    void ttlChanged(const QByteArray &key);

private:
    QLabel *addRow(QFormLayout *form, const QString &caption);
    void dropEditor();
    void requestTtl();
    void showTtl();
    void onType(const QByteArray &key, quint64 generation, const RedisReply &reply);

    QPointer<RedisConnection> m_connection;
    QByteArray m_key;
    quint64 m_generation = 0;
    qint64 m_previewThreshold = StringValue::kDefaultPreviewThreshold;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_ttl = nullptr;
    QToolButton *m_ttlButton = nullptr;
    qint64 m_pttl = -3;       // as PTTL answered (-1 no expiry, -2 gone); -3 not known yet
    QElapsedTimer m_ttlClock; // since PTTL answered: the countdown
    QTimer *m_ttlTimer = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_encoding = nullptr;
    QLabel *m_length = nullptr;
    QLabel *m_error = nullptr;
    QVBoxLayout *m_valueArea = nullptr;
    QWidget *m_valueEditor = nullptr; // one of the editors, for the shown key's type
};
