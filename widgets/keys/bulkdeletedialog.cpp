#include "bulkdeletedialog.h"

#include "bulkdeleter.h"
#include "bytesescaper.h"
#include "redisconnection.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

BulkDeleteDialog::BulkDeleteDialog(Session *session, const QString &escapedPattern, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Delete keys matching a pattern"));
    resize(520, 420);
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Pattern:"), this);
    m_pattern = new QLineEdit(escapedPattern, this);
    m_pattern->setObjectName(QStringLiteral("patternEdit"));
    label->setBuddy(m_pattern);
    m_previewButton = new QPushButton(tr("Pre&view"), this);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    row->addWidget(label);
    row->addWidget(m_pattern, 1);
    row->addWidget(m_previewButton);
    layout->addLayout(row);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_sample = new QListWidget(this);
    m_sample->setObjectName(QStringLiteral("sampleList"));
    m_sample->setSelectionMode(QAbstractItemView::NoSelection);
    layout->addWidget(m_sample, 1);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->hide();
    layout->addWidget(m_progress);

    auto *buttons = new QDialogButtonBox(this);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setEnabled(false);
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter in the pattern field previews; it never deletes or closes.
    m_deleteButton->setAutoDefault(false);
    m_closeButton->setAutoDefault(false);
    m_previewButton->setDefault(true);
    layout->addWidget(buttons);

    connect(m_previewButton, &QPushButton::clicked, this, &BulkDeleteDialog::preview);
    connect(m_pattern, &QLineEdit::textEdited, this, [this] {
        // What the user confirms must be what was previewed.
        if (m_deleter && m_deleter->state() != BulkDeleter::State::Deleting) {
            m_deleteButton->setEnabled(false);
            m_deleteButton->setText(tr("Delete"));
            setSummary(tr("Press Preview to count the keys matching the new pattern."));
        }
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &BulkDeleteDialog::startDeleting);
    connect(m_closeButton, &QPushButton::clicked, this, &BulkDeleteDialog::reject);
    preview();
}

BulkDeleteDialog::~BulkDeleteDialog() = default;

QString BulkDeleteDialog::summaryText() const
{
    return m_summary->text();
}

void BulkDeleteDialog::setSummary(const QString &text)
{
    m_summary->setText(text);
}

void BulkDeleteDialog::preview()
{
    if (m_deleter && m_deleter->state() == BulkDeleter::State::Deleting)
        return;
    const auto pattern = BytesEscaper::unescapePattern(m_pattern->text());
    if (!pattern || pattern->isEmpty()) {
        setSummary(tr("Enter a pattern (glob syntax; \\xHH for any byte)."));
        return;
    }
    m_deleter = std::make_unique<BulkDeleter>(m_session.data(), *pattern);
    connect(m_deleter.get(), &BulkDeleter::previewProgress, this, [this](qsizetype matched) {
        setSummary(
            tr("Scanning… %n key(s) match so far.", nullptr, int(std::min<qsizetype>(matched, INT_MAX))));
    });
    connect(m_deleter.get(), &BulkDeleter::previewReady, this, &BulkDeleteDialog::onPreviewReady);
    connect(m_deleter.get(), &BulkDeleter::progress, this, [this](qsizetype processed, qsizetype total) {
        m_progress->setMaximum(int(std::min<qsizetype>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qsizetype>(processed, INT_MAX)));
    });
    connect(m_deleter.get(), &BulkDeleter::finished, this, &BulkDeleteDialog::onFinished);
    connect(m_deleter.get(), &BulkDeleter::failed, this, &BulkDeleteDialog::onFailed);
    m_sample->clear();
    m_progress->hide();
    m_deleteButton->setEnabled(false);
    m_deleteButton->setText(tr("Delete"));
    setSummary(tr("Scanning for keys matching the pattern…"));
    m_deleter->preview();
}

void BulkDeleteDialog::onPreviewReady(qsizetype count)
{
    const QString pattern = m_pattern->text();
    const QLocale locale;
    if (count == 0) {
        setSummary(tr("No key matches “%1”.").arg(pattern));
        return;
    }
    const QList<QByteArray> sample = m_deleter->sample();
    setSummary(
        count > sample.size()
            ? tr("%1 keys match “%2”. The first %3:").arg(locale.toString(count), pattern).arg(sample.size())
            : tr("%1 key(s) match “%2”:").arg(locale.toString(count), pattern));
    for (const QByteArray &key : sample)
        m_sample->addItem(BytesEscaper::escape(key));
    m_deleteButton->setText(tr("Delete %1 key(s)").arg(locale.toString(count)));
    m_deleteButton->setEnabled(true);
}

void BulkDeleteDialog::startDeleting()
{
    if (!m_deleter || m_deleter->state() != BulkDeleter::State::Previewed)
        return;
    m_deleteButton->setEnabled(false);
    m_previewButton->setEnabled(false);
    m_pattern->setReadOnly(true);
    m_progress->setValue(0);
    m_progress->show();
    setSummary(tr("Deleting…"));
    m_deleter->run();
}

void BulkDeleteDialog::onFinished(qint64 deleted)
{
    const QLocale locale;
    m_progress->hide();
    m_closeButton->setText(tr("Close"));
    if (m_deleter->state() == BulkDeleter::State::Cancelled)
        setSummary(tr("Cancelled: %1 key(s) were deleted before stopping.").arg(locale.toString(deleted)));
    else
        setSummary(tr("Deleted %1 key(s).").arg(locale.toString(deleted)));
    if (deleted > 0)
        emit keysDeleted();
}

void BulkDeleteDialog::onFailed(const QString &message)
{
    m_progress->hide();
    m_previewButton->setEnabled(true);
    m_pattern->setReadOnly(false);
    m_closeButton->setText(tr("Close"));
    setSummary(message);
    if (m_deleter->deletedCount() > 0)
        emit keysDeleted();
}

void BulkDeleteDialog::reject()
{
    if (m_deleter && m_deleter->state() == BulkDeleter::State::Deleting) {
        m_deleter->cancel(); // finished() follows once the batches in flight are answered
        return;
    }
    if (m_deleter && m_deleter->state() == BulkDeleter::State::Previewing)
        m_deleter->cancel();
    QDialog::reject();
}
