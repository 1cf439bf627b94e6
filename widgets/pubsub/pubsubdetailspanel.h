#pragma once

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;

// The selected message's payload, read-only, as plain text (never rich text): Auto (pretty JSON when it is
// JSON, MessagePack read as JSON-like text when it is a MessagePack map or array — a Socket.IO adapter
// packet —, else the text or its escaped bytes), or forced Text, JSON, MessagePack, Hex. Above it, a
// note such as a shard channel's slot and node.
class PubSubDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Auto, Text, Json, MessagePack, Hex };

    explicit PubSubDetailsPanel(QWidget *parent = nullptr);

    void showPayload(const QByteArray &payload, const QString &note = {});
    void clear();
    void setMode(Mode mode);
    QString text() const;
    // What Auto chose for the shown payload ("JSON", "MessagePack", "Text").
    QString autoChoice() const { return m_autoChoice; }

private:
    void render();

    QComboBox *m_mode = nullptr;
    QLabel *m_note = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QByteArray m_payload;
    bool m_shown = false;
    QString m_autoChoice;
};
