#include "pubsuboverviewpanel.h"

#include "bytesescaper.h"
#include "widgetstyle.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

PubSubOverviewPanel::PubSubOverviewPanel(Session *session, QWidget *parent)
    : QGroupBox(tr("Channels on the server (PUBSUB)"), parent), m_query(new PubSubOverview(session, this))
{
    setObjectName(QStringLiteral("overviewBox"));
    auto *layout = new QVBoxLayout(this);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    m_patternCount = WidgetStyle::plainLabel(this, {}, WidgetStyle::Wrap::None);
    auto *bar = new QHBoxLayout;
    bar->addWidget(refreshButton);
    bar->addWidget(m_patternCount, 1);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, 4, this);
    WidgetStyle::setAccessible(m_table, tr("Channels on the server"),
                               tr("A row is one channel: kind, subscribers, node"));
    m_table->setHorizontalHeaderLabels({tr("Channel"), tr("Kind"), tr("Subscribers"), tr("Node")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    WidgetStyle::compactRows(m_table);
    layout->addWidget(m_table);

    connect(refreshButton, &QPushButton::clicked, this, &PubSubOverviewPanel::refresh);
    connect(m_query, &PubSubOverview::refreshed, this, &PubSubOverviewPanel::showChannels);
}

void PubSubOverviewPanel::refresh()
{
    m_query->refresh();
}

void PubSubOverviewPanel::showChannels(const QList<PubSubOverview::Channel> &channels, qint64 patterns,
                                       const QStringList &errors)
{
    QString patternText = tr("Pattern subscriptions: %1").arg(patterns);
    if (!errors.isEmpty())
        patternText += QLatin1Char(' ') + errors.join(QLatin1Char(' '));
    m_patternCount->setText(patternText);
    QList<QStringList> rows;
    for (const PubSubOverview::Channel &channel : channels)
        rows.append({BytesEscaper::escape(channel.name),
                     channel.sharded ? tr("shard channel") : tr("channel"),
                     QString::number(channel.subscribers), channel.nodes.join(QStringLiteral(", "))});
    std::sort(rows.begin(), rows.end());
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < m_table->columnCount() && column < rows.at(row).size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(rows.at(row).at(column)));
    }
    emit refreshed();
}
