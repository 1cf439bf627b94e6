#include "aboutdialog.h"

#include "buildinfo.h"

#include <QApplication>
#include <QClipboard>
#include <qcustomplot.h>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AboutDialog::AboutDialog(const QString &redisServer, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Keyscope"));
    m_versions = {{tr("Keyscope"), BuildInfo::keyscopeVersion()},
                  {tr("Qt"), BuildInfo::qtVersion()},
                  {tr("hiredis"), BuildInfo::hiredisVersion()},
                  {tr("libpq"), BuildInfo::libpqVersion()},
                  {tr("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR)},
                  {tr("redis-server"), redisServer.isEmpty() ? tr("not connected") : redisServer}};

    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/keyscope.svg")).pixmap(64, 64));
    header->addWidget(icon);
    auto *title = new QLabel(
        tr("Keyscope %1\nA native desktop admin for Redis.").arg(BuildInfo::keyscopeVersion()), this);
    title->setTextFormat(Qt::PlainText);
    header->addWidget(title, 1);
    layout->addLayout(header);

    auto *form = new QFormLayout;
    for (const auto &[component, version] : std::as_const(m_versions)) {
        auto *value = new QLabel(version, this);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setObjectName(component);
        form->addRow(component, value);
    }
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(versionsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::versionsText() const
{
    QStringList lines;
    for (const auto &[component, version] : m_versions)
        lines.append(QStringLiteral("%1: %2").arg(component, version));
    return lines.join(QLatin1Char('\n'));
}
