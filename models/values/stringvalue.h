#pragma once

#include "writeresult.h"

#include <memory>
#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

class QSaveFile;
class RedisConnection;
class RedisReply;

// The value of one string key, loaded and replaced without losing anyone's data.
//
// load() asks STRLEN first: up to previewThreshold() bytes the whole value is fetched (GET); above
// it only the first kPreviewBytes are (GETRANGE) and isPreview() is true — the editor
// then offers save-to-file / load-from-file instead of editing. saveToFile() streams the value in
// GETRANGE chunks; nothing holds it whole.
//
// replace() is a compare-and-set in one server-side script: it writes only if the key still holds
// what was loaded (same length and same SHA-1 of the loaded bytes — for a preview, of its first
// kPreviewBytes), and keeps the key's TTL. Otherwise nothing is written and the result is a Conflict
// that carries the current value (or its preview), so the user can choose.
class StringValue : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultPreviewThreshold = 1024 * 1024;
    // How much of a value above the threshold is fetched and shown (laying out text is the slow part).
    static constexpr qint64 kPreviewBytes = 64 * 1024;
    static constexpr qint64 kFileChunk = 1024 * 1024;

    StringValue(RedisConnection *connection, QByteArray key, QObject *parent = nullptr);
    ~StringValue() override;

    const QByteArray &key() const { return m_key; }
    void setPreviewThreshold(qint64 bytes) { m_threshold = bytes; }
    qint64 previewThreshold() const { return m_threshold; }

    void load();
    bool isLoaded() const { return m_loaded; }
    // The value, or its first kPreviewBytes when isPreview().
    const QByteArray &value() const { return m_value; }
    qint64 length() const { return m_length; }
    bool isPreview() const { return m_length > m_value.size(); }

    // Writes newValue if the key still holds the loaded value; on success (Done) it becomes the loaded
    // value. Else the outcome is Conflict (current / currentLength / currentExists tell how) or Failed.
    void replace(const QByteArray &newValue, QObject *context, WriteResult::Callback callback);
    // After a Conflict the user chose their version: adopts `current` as the base and replaces again.
    void adopt(const WriteResult &conflict);

    // Streams the whole value to a file (GETRANGE chunks into a QSaveFile, committed at the end).
    void saveToFile(const QString &path);

signals:
    void loaded();
    void loadFailed(const QString &message);
    void fileProgress(qint64 written, qint64 total);
    void fileSaved(const QString &path);
    void fileFailed(const QString &message);

private:
    void fetchCurrent(WriteResult result, WriteResult::Callback callback);
    void nextChunk(quint64 generation, qint64 offset, qint64 total);
    void failFile(const QString &message);

    QPointer<RedisConnection> m_connection;
    QByteArray m_key;
    qint64 m_threshold = kDefaultPreviewThreshold;
    bool m_loaded = false;
    QByteArray m_value;
    qint64 m_length = 0;
    bool m_exists = true; // false after adopting a deletion: replace() then recreates the key
    quint64 m_generation = 0;
    std::unique_ptr<QSaveFile> m_file;
    quint64 m_fileGeneration = 0;
};
