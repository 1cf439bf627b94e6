#pragma once

#include "session.h"

#include <memory>
#include <QDialog>
#include <QPointer>

class BulkDeleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

// Delete keys by pattern: the dialog first SCANs for the pattern and shows how many keys match with
// a sample, and only then offers "Delete N keys". Deletion runs in UNLINK batches with a progress
// bar and can be cancelled. Changing the pattern requires a new preview.
class BulkDeleteDialog : public QDialog
{
    Q_OBJECT
public:
    BulkDeleteDialog(Session *session, const QString &escapedPattern, QWidget *parent = nullptr);
    ~BulkDeleteDialog() override;

    BulkDeleter *deleter() const { return m_deleter.get(); }
    QString summaryText() const;

    void preview();
    void startDeleting();
    void reject() override;

signals:
    // Some keys were deleted (the browser rescans).
    void keysDeleted();

private:
    void onPreviewReady(qsizetype count);
    void onFinished(qint64 deleted);
    void onFailed(const QString &message);
    void setSummary(const QString &text);

    QPointer<Session> m_session;
    std::unique_ptr<BulkDeleter> m_deleter;
    QLineEdit *m_pattern = nullptr;
    QPushButton *m_previewButton = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_sample = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};
