#pragma once

#include "stringvalue.h"
#include "writeresult.h"

#include <optional>
#include <QByteArray>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;

class QPlainTextEdit;
class QPushButton;
class RedisConnection;

// Shows and edits one string value. Modes: Text (UTF-8 as typed; values that are not clean text are
// shown escaped with \xHH and read back byte-exact), Hex (editable, byte-exact) and JSON (indented,
// read-only so that no number or spacing is silently rewritten). Decodings (gzip, base64, ...) are
// computed off the GUI thread and shown read-only below. Values above the preview threshold show
// their first bytes only, read-only, with save-to-file / load-from-file. Saving is a compare-and-set
// (StringValue::replace): on a conflict the user sees both versions and chooses; on any failure the
// edit stays in the editor with the error.
class StringValueEditor : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Text, Hex, Json };
    Q_ENUM(Mode)

    // Values longer than previewThreshold bytes show a preview only (StringValue).
    StringValueEditor(RedisConnection *connection, QByteArray key, QWidget *parent = nullptr,
                      qint64 previewThreshold = StringValue::kDefaultPreviewThreshold);
    ~StringValueEditor() override;

    StringValue *value() const { return m_value; }
    Mode mode() const { return m_mode; }
    // Switches the view; refused (false, with the reason shown) if the edit cannot be converted.
    bool setMode(Mode mode);
    bool isModified() const;

    // What the user sees, for tests.
    QPlainTextEdit *editor() const { return m_editor; }
    QString infoText() const;
    QString errorText() const;
    QStringList decodingLabels() const;
    QString decodedText(int index) const;
    QMessageBox *conflictQuestion() const { return m_conflict; }

    void save();
    void revert();
    void saveToFile(const QString &path);
    void loadFromFile(const QString &path);

signals:
    void decodingsReady();
    void savedToServer();

private:
    void onLoaded();
    void showValue(const QByteArray &bytes);
    // The editor's text as bytes in the current mode; nullopt (with the error shown) if malformed.
    std::optional<QByteArray> editedBytes();
    void render(const QByteArray &bytes);
    void startDecoding(const QByteArray &bytes);
    void onReplaced(const QByteArray &mine, const WriteResult &result);
    void setError(const QString &message);
    void updateState();

    StringValue *m_value = nullptr;
    Mode m_mode = Mode::Text;
    QByteArray m_shown;     // the bytes the editor was last filled with
    bool m_escaped = false; // Text mode shows \xHH escapes
    bool m_busy = false;
    quint64 m_decodeGeneration = 0;
    QComboBox *m_modeCombo = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QPushButton *m_toFile = nullptr;
    QPushButton *m_fromFile = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QWidget *m_decodedBox = nullptr;
    QComboBox *m_decodedCombo = nullptr;
    QPlainTextEdit *m_decoded = nullptr;
    QStringList m_decodedTexts;
    QPointer<QMessageBox> m_conflict;
};
