#include "importdialog.h"

#include "profilestore.h"
#include "widgetstyle.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setToolTip(text);
    return item;
}

QString serverText(const ConnectionConfig &c)
{
    if (!c.usesSentinel())
        return HostPort::format(c.host, c.port) + (c.db ? QStringLiteral("/%1").arg(c.db) : QString());
    QStringList sentinels;
    for (const HostPort &s : c.sentinels)
        sentinels.append(s.endpoint());
    return c.sentinelMaster + QStringLiteral(" @ ") + sentinels.join(QStringLiteral(", "));
}

} // namespace

ImportDialog::ImportDialog(ProfileStore *store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setWindowTitle(tr("Import connections"));
    resize(1000, 420);
    auto *layout = new QVBoxLayout(this);
    m_status =
        WidgetStyle::plainLabel(this, tr("Choose a file exported by RedisInsight, Another Redis Desktop "
                                         "Manager, RESP.app (connections.json), Tiny RDM "
                                         "(connections.yaml), Keyscope, or a list of redis:// URLs."));
    m_status->setObjectName(QStringLiteral("importStatus"));
    layout->addWidget(m_status);
    m_preview = new QTableWidget(0, ColumnCount, this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setHorizontalHeaderLabels({tr("Name"), tr("Server"), tr("Kind"), tr("TLS"), tr("SSH"),
                                          tr("Password"), tr("Duplicate of"), tr("Notes")});
    WidgetStyle::recordTable(m_preview);
    WidgetStyle::setAccessible(m_preview, tr("Connections to import"),
                               tr("A row is one connection found in the file; tick the ones to import"));
    m_preview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_preview, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *choose = buttons->addButton(tr("Choose file…"), QDialogButtonBox::ActionRole);
    m_import = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(choose, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_import, &QPushButton::clicked, this, [this] {
        emit imported(importTicked());
        accept();
    });
    connect(m_preview, &QTableWidget::itemChanged, this, &ImportDialog::updateButton);
    updateButton();
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import connections"), QString(),
        tr("Connection files (*.json *.yaml *.yml *.txt *.ardm);;All files (*)"));
    if (!path.isEmpty())
        load(path);
}

void ImportDialog::load(const QString &path)
{
    QFile file(path);
    if (file.size() > ConnectionImport::kMaxFileBytes) {
        loadBytes(QByteArray(ConnectionImport::kMaxFileBytes + 1, ' '), QFileInfo(path).fileName());
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_result = {};
        m_preview->setRowCount(0);
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        updateButton();
        return;
    }
    loadBytes(file.readAll(), QFileInfo(path).fileName());
}

void ImportDialog::loadBytes(const QByteArray &bytes, const QString &source)
{
    m_result = ConnectionImport::read(bytes, m_store->profiles());
    const QSignalBlocker blocker(m_preview);
    m_preview->setRowCount(0);
    if (!m_result.error.isEmpty()) {
        m_status->setText(tr("%1: %2").arg(source, m_result.error));
        updateButton();
        return;
    }
    m_preview->setRowCount(int(m_result.entries.size()));
    int duplicates = 0;
    for (int row = 0; row < m_result.entries.size(); ++row) {
        const ConnectionImport::Entry &e = m_result.entries.at(row);
        auto *name = new QTableWidgetItem(e.config.name);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(e.duplicateOf.isEmpty() ? Qt::Checked : Qt::Unchecked);
        m_preview->setItem(row, ImportColumn, name);
        m_preview->setItem(row, ServerColumn, cell(serverText(e.config)));
        m_preview->setItem(row, KindColumn,
                           cell(e.config.usesSentinel() ? tr("Sentinel")
                                : e.cluster             ? tr("Cluster")
                                                        : tr("Standalone")));
        m_preview->setItem(row, TlsColumn, cell(e.config.tls ? tr("yes") : tr("no")));
        m_preview->setItem(row, SshColumn, cell(e.ssh));
        m_preview->setItem(row, PasswordColumn,
                           cell(e.config.password.isEmpty() && e.config.sentinelPassword.isEmpty()
                                    ? tr("none")
                                    : tr("in the file: to the keychain")));
        m_preview->setItem(row, DuplicateColumn, cell(e.duplicateOf));
        m_preview->setItem(row, NotesColumn, cell(e.notes.join(QStringLiteral("; "))));
        duplicates += e.duplicateOf.isEmpty() ? 0 : 1;
    }
    m_preview->resizeColumnsToContents();
    QString status = tr("%1 (%2): %n connection(s)", nullptr, int(m_result.entries.size()))
                         .arg(source, ConnectionImport::formatName(m_result.format));
    if (duplicates > 0)
        status += tr(", %n already saved (unticked)", nullptr, duplicates);
    if (!m_result.skipped.isEmpty())
        status += tr("; skipped: %1").arg(m_result.skipped.join(QStringLiteral("; ")));
    m_status->setText(status + QLatin1Char('.'));
    updateButton();
}

QStringList ImportDialog::importTicked()
{
    QStringList ids;
    for (int row = 0; row < m_preview->rowCount() && row < m_result.entries.size(); ++row) {
        if (m_preview->item(row, ImportColumn)->checkState() == Qt::Checked)
            ids.append(m_store->save(m_result.entries.at(row).config));
    }
    return ids;
}

QString ImportDialog::statusText() const
{
    return m_status->text();
}

void ImportDialog::updateButton()
{
    int ticked = 0;
    for (int row = 0; row < m_preview->rowCount(); ++row)
        ticked += m_preview->item(row, ImportColumn)->checkState() == Qt::Checked ? 1 : 0;
    m_import->setText(tr("Import %n connection(s)", nullptr, ticked));
    m_import->setEnabled(ticked > 0);
}
