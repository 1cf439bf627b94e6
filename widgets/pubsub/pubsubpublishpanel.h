#pragma once

#include <QByteArray>
#include <QGroupBox>
#include <QPointer>

class Publisher;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class Session;

// The Pub/Sub page's "Publish" box: a channel (sharded: SPUBLISH), a payload typed (\xHH for any byte)
// or read from a file, sent once or N times at a rate through a Publisher on the session, with Stop and
// what the server answered. Off on a read-only session.
class PubSubPublishPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit PubSubPublishPanel(Session *session, QWidget *parent = nullptr);

    void publish(const QByteArray &channel, const QByteArray &payload, bool sharded, qint64 count,
                 int perSecond);
    QString resultText() const;

signals:
    void published();

private:
    void publishTyped();
    void loadFile();
    void showFinished(qint64 answered, qint64 receivers, const QString &error);

    QPointer<Session> m_session;
    Publisher *m_publisher = nullptr;
    QLineEdit *m_channel = nullptr;
    QCheckBox *m_sharded = nullptr;
    QPlainTextEdit *m_payload = nullptr;
    QSpinBox *m_repeat = nullptr;
    QSpinBox *m_rate = nullptr;
    QPushButton *m_publish = nullptr;
    QPushButton *m_stop = nullptr;
    QLabel *m_result = nullptr;
    QByteArray m_filePayload; // set by "From file…", cleared when the text is edited
    bool m_publishingSharded = false;
};
