#include "healthcheckspanel.h"

#include "widgetstyle.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int kWidth = 340;
constexpr int kNodesWidth = 480; // room for the node addresses in front of the checks

QString statusText(HealthAdvisor::Status status)
{
    switch (status) {
    case HealthAdvisor::Status::Ok:
        return HealthChecksPanel::tr("OK");
    case HealthAdvisor::Status::Info:
        return HealthChecksPanel::tr("Note");
    case HealthAdvisor::Status::Warning:
        return HealthChecksPanel::tr("Warning");
    case HealthAdvisor::Status::Critical:
        return HealthChecksPanel::tr("Critical");
    }
    return {};
}

QColor statusColour(HealthAdvisor::Status status, const QPalette &palette)
{
    switch (status) {
    case HealthAdvisor::Status::Ok:
        return QColor(0x2c, 0x8a, 0x2c);
    case HealthAdvisor::Status::Info:
        return QColor(0x1f, 0x5f, 0x9f);
    case HealthAdvisor::Status::Warning:
        return QColor(0xb3, 0x6b, 0x00);
    case HealthAdvisor::Status::Critical:
        return WidgetStyle::errorColour(palette);
    }
    return {};
}

} // namespace

HealthChecksPanel::HealthChecksPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("checksPanel"));
    m_preferredWidth = kWidth;
    auto *checksLayout = new QVBoxLayout(this);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    auto *checksBar = new QHBoxLayout;
    auto *checksTitle = new QLabel(tr("Health advisor"), this);
    checksTitle->setTextFormat(Qt::PlainText);
    auto *recheck = new QPushButton(tr("Check again"), this);
    checksBar->addWidget(checksTitle, 1);
    checksBar->addWidget(recheck);
    checksLayout->addLayout(checksBar);
    m_checks = new QTreeWidget(this);
    WidgetStyle::setAccessible(m_checks, tr("Health checks"),
                               tr("A row is one check with its status; beneath it, why and the fix"));
    m_checks->setHeaderLabels({tr("Check"), tr("Status")});
    m_checks->setWordWrap(true);
    m_checks->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_checks->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    checksLayout->addWidget(m_checks, 2);
    auto *detail = new QPlainTextEdit(this);
    WidgetStyle::setAccessible(detail, tr("Selected check's details"));
    detail->setObjectName(QStringLiteral("checkDetail"));
    detail->setReadOnly(true);
    detail->setPlaceholderText(tr("Select a check to read why it matters and how to fix it."));
    checksLayout->addWidget(detail, 1);
    connect(m_checks, &QTreeWidget::currentItemChanged, this, [detail](QTreeWidgetItem *item) {
        while (item && item->parent())
            item = item->parent();
        if (!item) {
            detail->clear();
            return;
        }
        QStringList text{item->text(0) + QStringLiteral(" — ") + item->text(1)};
        for (int i = 0; i < item->childCount(); ++i)
            text << item->child(i)->text(0);
        detail->setPlainText(text.join(QStringLiteral("\n\n")));
    });
    connect(recheck, &QPushButton::clicked, this, &HealthChecksPanel::recheckRequested);
}

void HealthChecksPanel::showChecks(const std::vector<NodePollers::Node> &nodes)
{
    struct Line
    {
        HealthAdvisor::Check check;
        QStringList nodes; // addresses
    };
    QList<Line> lines;
    // One line per check and outcome: the nodes where a check reads exactly the same share it.
    QStringList order; // check ids, first seen first
    for (const NodePollers::Node &n : nodes) {
        for (const HealthAdvisor::Check &check : n.advisor->checks()) {
            if (!order.contains(check.id))
                order.append(check.id);
            const auto same = std::find_if(lines.begin(), lines.end(), [&check](const Line &l) {
                return l.check.id == check.id && l.check.status == check.status &&
                       l.check.title == check.title && l.check.why == check.why && l.check.fix == check.fix;
            });
            if (same != lines.end())
                same->nodes.append(n.address);
            else
                lines.append({check, {n.address}});
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [&order](const Line &a, const Line &b) {
        return order.indexOf(a.check.id) < order.indexOf(b.check.id);
    });
    m_preferredWidth = nodes.size() > 1 ? kNodesWidth : kWidth;
    updateGeometry();
    m_checks->clear();
    for (const Line &line : std::as_const(lines)) {
        const HealthAdvisor::Check &check = line.check;
        QString title = check.title;
        if (nodes.size() > 1) { // a single server's checks are its own
            const QString where = line.nodes.size() > 1 && line.nodes.size() == qsizetype(nodes.size())
                                      ? tr("All nodes")
                                      : line.nodes.join(QStringLiteral(", "));
            title = tr("%1 — %2").arg(where, check.title);
        }
        auto *item = new QTreeWidgetItem(m_checks, {title, statusText(check.status)});
        item->setForeground(1, statusColour(check.status, palette()));
        item->setData(0, Qt::UserRole, check.id);
        // Explanations span the row, so they wrap across the panel's whole width.
        if (!check.why.isEmpty())
            (new QTreeWidgetItem(item, {check.why}))->setFirstColumnSpanned(true);
        if (!check.fix.isEmpty())
            (new QTreeWidgetItem(item, {tr("Fix: %1").arg(check.fix)}))->setFirstColumnSpanned(true);
        item->setExpanded(check.status == HealthAdvisor::Status::Warning ||
                          check.status == HealthAdvisor::Status::Critical);
    }
}

QSize HealthChecksPanel::sizeHint() const
{
    return {m_preferredWidth, QWidget::sizeHint().height()};
}

QStringList HealthChecksPanel::checkTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_checks->topLevelItemCount(); ++i)
        texts << m_checks->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                     m_checks->topLevelItem(i)->text(1);
    return texts;
}
