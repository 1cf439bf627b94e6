#include "ttlinspectorpage.h"

#include "bytesescaper.h"
#include "chartreader.h"
#include "plotpalette.h"
#include "redisconnection.h"
#include "serverinfo.h"
#include "widgetstyle.h"

#include <qcustomplot.h>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum NamespaceColumn { NameColumn, KeysColumn, NoTtlColumn, MinColumn, MedianColumn, MaxColumn, SoonColumn };

QString ttlText(qint64 ms)
{
    if (ms < 0)
        return TtlInspectorPage::tr("no expiry");
    if (ms < 10'000)
        return TtlInspectorPage::tr("%1 ms").arg(QLocale().toString(ms));
    return ServerInfo::formatDuration(ms / 1000);
}

QStringList bucketLabels()
{
    return {TtlInspectorPage::tr("< 10 s"),  TtlInspectorPage::tr("< 1 min"),
            TtlInspectorPage::tr("< 5 min"), TtlInspectorPage::tr("< 15 min"),
            TtlInspectorPage::tr("< 1 h"),   TtlInspectorPage::tr("< 6 h"),
            TtlInspectorPage::tr("< 1 d"),   TtlInspectorPage::tr("< 7 d"),
            TtlInspectorPage::tr("≥ 7 d"),   TtlInspectorPage::tr("no TTL")};
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

TtlInspectorPage::TtlInspectorPage(Session *session, QWidget *parent) : SessionPage(session, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_pattern = new QLineEdit(QStringLiteral("*"), this);
    WidgetStyle::setAccessible(m_pattern, tr("Keys to sample (glob pattern)"));
    m_pattern->setToolTip(tr("Keys to sample: a glob such as cache:* (\\xHH for any byte)"));
    m_depth = new QSpinBox(this);
    WidgetStyle::setAccessible(m_depth, tr("Namespace depth"));
    m_depth->setRange(1, 6);
    m_depth->setValue(2);
    m_depth->setPrefix(tr("depth "));
    m_depth->setToolTip(tr("How many leading segments of a key name make its namespace"));
    m_sample = new QSpinBox(this);
    WidgetStyle::setAccessible(m_sample, tr("Keys sampled per node"));
    m_sample->setRange(100, 1'000'000);
    m_sample->setSingleStep(1000);
    m_sample->setValue(TtlAnalyzer::kDefaultSampleLimit);
    m_sample->setPrefix(tr("sample "));
    m_sample->setToolTip(tr("Keys sampled per node (SCAN + TYPE + PTTL for each)"));
    m_within = new QSpinBox(this);
    WidgetStyle::setAccessible(m_within, tr("Expiring within (seconds)"));
    m_within->setRange(1, 30 * 86400);
    m_within->setValue(60);
    m_within->setPrefix(tr("expiring within "));
    m_within->setSuffix(tr(" s"));
    m_analyze = new QPushButton(tr("Analyze"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    bar->addWidget(m_pattern, 1);
    for (QWidget *w : std::initializer_list<QWidget *>{m_depth, m_sample, m_within, m_analyze, m_cancel})
        bar->addWidget(w);
    layout->addLayout(bar);

    m_status = new QLabel(tr("Press Analyze to sample the keyspace's TTLs."), this);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("ttlWarnings"));
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #8a5300"));
    m_warnings->hide();
    layout->addWidget(m_warnings);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    auto *top = new QSplitter(Qt::Horizontal, vertical);
    m_namespaces = new QTableWidget(0, 7, top);
    WidgetStyle::setAccessible(
        m_namespaces, tr("TTL by namespace"),
        tr("A row is one namespace: keys, keys without TTL, TTL spread, keys expiring soon"));
    m_namespaces->setHorizontalHeaderLabels({tr("Namespace"), tr("Keys"), tr("No TTL"), tr("Min TTL"),
                                             tr("Median TTL"), tr("Max TTL"), tr("Expiring soon")});
    m_namespaces->verticalHeader()->hide();
    m_namespaces->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_namespaces->setSelectionMode(QAbstractItemView::SingleSelection);
    m_namespaces->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_namespaces->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_plot = new QCustomPlot(top);
    ChartReader::attach(m_plot, tr("Sampled keys by time to live"));
    m_plot->setMinimumWidth(360);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(0.7);
    m_bars->setName(tr("Keys by TTL"));
    m_bars->setBrush(QColor(0x2e, 0x86, 0xc1));
    m_bars->setPen(Qt::NoPen);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const QStringList labels = bucketLabels();
    for (int i = 0; i < labels.size(); ++i)
        ticker->addTick(i + 1, labels.at(i));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(60);
    m_plot->xAxis->setRange(0.3, labels.size() + 0.7);
    m_plot->yAxis->setLabel(tr("keys"));
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, tr("TTL distribution")));
    PlotPalette::follow(m_plot);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    auto *bottom = new QSplitter(Qt::Horizontal, vertical);
    auto *rulesBox = new QWidget(bottom);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    auto *rulesLabel =
        new QLabel(tr("Expected TTLs (first matching pattern wins; e.g. cache:dashboard:* → 10s, "
                      "user:* → none):"),
                   rulesBox);
    rulesLabel->setTextFormat(Qt::PlainText);
    rulesLabel->setWordWrap(true);
    rulesLayout->addWidget(rulesLabel);
    m_rules = new QTableWidget(0, 2, rulesBox);
    WidgetStyle::setAccessible(m_rules, tr("TTL rules"),
                               tr("A row is one rule: key pattern and expected TTL"));
    m_rules->setObjectName(QStringLiteral("rulesTable"));
    m_rules->setHorizontalHeaderLabels({tr("Pattern"), tr("Expected TTL")});
    m_rules->verticalHeader()->hide();
    m_rules->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    rulesLayout->addWidget(m_rules, 1);
    auto *ruleButtons = new QHBoxLayout;
    auto *addRule = new QPushButton(tr("Add rule"), rulesBox);
    auto *removeRule = new QPushButton(tr("Remove rule"), rulesBox);
    ruleButtons->addWidget(addRule);
    ruleButtons->addWidget(removeRule);
    ruleButtons->addStretch(1);
    rulesLayout->addLayout(ruleButtons);
    auto *violationsBox = new QWidget(bottom);
    auto *violationsLayout = new QVBoxLayout(violationsBox);
    violationsLayout->setContentsMargins(0, 0, 0, 0);
    m_violationSummary = new QLabel(tr("Violations of the expected TTLs show here."), violationsBox);
    m_violationSummary->setTextFormat(Qt::PlainText);
    violationsLayout->addWidget(m_violationSummary);
    m_violations = new QTableWidget(0, 3, violationsBox);
    WidgetStyle::setAccessible(m_violations, tr("Keys breaking a TTL rule"));
    m_violations->setHorizontalHeaderLabels({tr("Key"), tr("TTL"), tr("Expected")});
    m_violations->verticalHeader()->hide();
    m_violations->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    violationsLayout->addWidget(m_violations, 1);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    for (QTableWidget *table : {m_namespaces, m_rules, m_violations})
        WidgetStyle::compactRows(table);
    layout->addWidget(vertical, 1);

    connect(m_analyze, &QPushButton::clicked, this, &TtlInspectorPage::analyze);
    connect(m_pattern, &QLineEdit::returnPressed, this, &TtlInspectorPage::analyze);
    connect(m_cancel, &QPushButton::clicked, this, &TtlInspectorPage::cancel);
    connect(addRule, &QPushButton::clicked, this, [this] {
        addRuleRow(QStringLiteral("*"), QStringLiteral("none")); // a keyword of the rule syntax
        m_rules->editItem(m_rules->item(m_rules->rowCount() - 1, 0));
    });
    connect(removeRule, &QPushButton::clicked, this, [this] {
        if (m_rules->currentRow() >= 0)
            m_rules->removeRow(m_rules->currentRow());
    });
    connect(m_namespaces, &QTableWidget::itemSelectionChanged, this, &TtlInspectorPage::showHistogram);
}

TtlInspectorPage::~TtlInspectorPage() = default;

void TtlInspectorPage::addRuleRow(const QString &pattern, const QString &expected)
{
    const int row = m_rules->rowCount();
    m_rules->insertRow(row);
    m_rules->setItem(row, 0, new QTableWidgetItem(pattern));
    m_rules->setItem(row, 1, new QTableWidgetItem(expected));
}

void TtlInspectorPage::setRules(const QList<QPair<QString, QString>> &rules)
{
    m_rules->setRowCount(0);
    for (const auto &[pattern, expected] : rules)
        addRuleRow(pattern, expected);
}

QString TtlInspectorPage::statusText() const
{
    return m_status->text();
}

QString TtlInspectorPage::warningsText() const
{
    return m_warnings->isHidden() ? QString() : m_warnings->text();
}

QString TtlInspectorPage::title() const
{
    return tr("TTL");
}

void TtlInspectorPage::analyze()
{
    if (!session())
        return;
    TtlAnalyzer::Options options;
    const auto pattern = BytesEscaper::unescapePattern(m_pattern->text());
    if (!pattern || pattern->isEmpty()) {
        m_status->setText(tr("The pattern is not valid: \\xHH needs two hex digits."));
        return;
    }
    options.pattern = *pattern;
    options.depth = m_depth->value();
    options.sampleLimit = m_sample->value();
    options.withinMs = qint64(m_within->value()) * 1000;
    for (int row = 0; row < m_rules->rowCount(); ++row) {
        const QString patternText = m_rules->item(row, 0) ? m_rules->item(row, 0)->text() : QString();
        const QString expectedText = m_rules->item(row, 1) ? m_rules->item(row, 1)->text() : QString();
        const auto rulePattern = BytesEscaper::unescapePattern(patternText);
        const auto expected = TtlAnalyzer::parseExpected(expectedText);
        if (!rulePattern || rulePattern->isEmpty() || !expected) {
            m_status->setText(
                tr("Rule %1 is not understood: the expected TTL is a duration such as 10s, 5m, 1h, "
                   "2d, 500ms, or “none”.")
                    .arg(row + 1));
            return;
        }
        options.rules.append({*rulePattern, *expected});
    }
    const QList<RedisConnection *> nodes = session()->scanConnections();
    if (nodes.isEmpty()) {
        m_status->setText(tr("Not connected yet; try again in a moment."));
        return;
    }
    m_analyzer = std::make_unique<TtlAnalyzer>(nodes, options);
    connect(m_analyzer.get(), &TtlAnalyzer::progress, this, [this](qint64 sampled) {
        m_status->setText(tr("Sampling… %1 keys").arg(QLocale().toString(sampled)));
    });
    connect(m_analyzer.get(), &TtlAnalyzer::finished, this, &TtlInspectorPage::onFinished);
    connect(m_analyzer.get(), &TtlAnalyzer::failed, this, [this](const QString &message) {
        m_status->setText(message);
        m_analyze->setEnabled(true);
        m_cancel->setEnabled(false);
    });
    m_analyze->setEnabled(false);
    m_cancel->setEnabled(true);
    m_status->setText(tr("Sampling…"));
    m_analyzer->start();
}

void TtlInspectorPage::cancel()
{
    if (m_analyzer)
        m_analyzer->cancel();
}

void TtlInspectorPage::onFinished()
{
    m_analyze->setEnabled(true);
    m_cancel->setEnabled(false);
    const QLocale locale;
    const qint64 sampled = m_analyzer->sampled();
    const qint64 noTtl = m_analyzer->withoutTtl();
    QString status = tr("%1 keys sampled, %2 without TTL (%3%)")
                         .arg(locale.toString(sampled), locale.toString(noTtl))
                         .arg(sampled ? noTtl * 100 / sampled : 0);
    if (!m_analyzer->policy().isEmpty())
        status += tr(" — maxmemory-policy %1").arg(QString::fromLatin1(m_analyzer->policy()));
    if (m_analyzer->wasCancelled())
        status += tr(" — cancelled, partial");
    m_status->setText(status);
    m_warnings->setText(m_analyzer->warnings().join(QStringLiteral("\n\n")));
    m_warnings->setVisible(!m_analyzer->warnings().isEmpty());

    const QList<TtlAnalyzer::Namespace> namespaces = m_analyzer->namespaces();
    m_namespaces->setRowCount(int(namespaces.size()));
    for (int row = 0; row < namespaces.size(); ++row) {
        const TtlAnalyzer::Namespace &ns = namespaces.at(row);
        auto *name = cell(ns.name.isEmpty() ? tr("(no namespace)") : BytesEscaper::escape(ns.name));
        name->setData(Qt::UserRole, ns.name);
        m_namespaces->setItem(row, NameColumn, name);
        m_namespaces->setItem(row, KeysColumn, cell(locale.toString(ns.keys), true));
        m_namespaces->setItem(row, NoTtlColumn, cell(tr("%1%").arg(ns.withoutTtl * 100 / ns.keys), true));
        m_namespaces->setItem(row, MinColumn,
                              cell(ns.minMs < 0 ? QStringLiteral("—") : ttlText(ns.minMs), true));
        m_namespaces->setItem(row, MedianColumn,
                              cell(ns.medianMs < 0 ? QStringLiteral("—") : ttlText(ns.medianMs), true));
        m_namespaces->setItem(row, MaxColumn,
                              cell(ns.maxMs < 0 ? QStringLiteral("—") : ttlText(ns.maxMs), true));
        m_namespaces->setItem(row, SoonColumn, cell(locale.toString(ns.expiringSoon), true));
    }

    const QList<TtlAnalyzer::Violation> &violations = m_analyzer->violations();
    m_violations->setRowCount(int(violations.size()));
    for (int row = 0; row < violations.size(); ++row) {
        const TtlAnalyzer::Violation &v = violations.at(row);
        const TtlAnalyzer::Rule &rule = m_analyzer->options().rules.at(v.rule);
        m_violations->setItem(row, 0, cell(BytesEscaper::escape(v.key)));
        m_violations->setItem(row, 1, cell(ttlText(v.ttlMs)));
        m_violations->setItem(
            row, 2,
            cell(tr("%1 → %2").arg(BytesEscaper::escapePattern(rule.pattern),
                                   rule.maxTtlMs ? tr("at most %1").arg(ttlText(*rule.maxTtlMs))
                                                 : tr("no expiry"))));
    }
    if (m_analyzer->options().rules.isEmpty())
        m_violationSummary->setText(tr("No expected TTLs: add rules to check them."));
    else if (m_analyzer->violationCount() > violations.size())
        m_violationSummary->setText(tr("%1 keys break the expected TTLs (the first %2 are listed).")
                                        .arg(locale.toString(m_analyzer->violationCount()))
                                        .arg(violations.size()));
    else
        m_violationSummary->setText(
            tr("%1 keys break the expected TTLs.").arg(locale.toString(m_analyzer->violationCount())));
    showHistogram();
    emit analysisFinished();
}

QList<double> TtlInspectorPage::histogram() const
{
    QList<double> heights;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        heights.append(it->value);
    return heights;
}

void TtlInspectorPage::showHistogram()
{
    if (!m_analyzer)
        return;
    const int buckets = int(TtlAnalyzer::bucketBounds().size()) + 2;
    QVector<double> counts(buckets, 0);
    QList<QByteArray> selected;
    for (QTableWidgetItem *item : m_namespaces->selectedItems()) {
        if (item->column() == NameColumn)
            selected.append(item->data(Qt::UserRole).toByteArray());
    }
    for (const TtlAnalyzer::Namespace &ns : m_analyzer->namespaces()) {
        if (!selected.isEmpty() && !selected.contains(ns.name))
            continue;
        for (const qint64 ttl : ns.ttls)
            ++counts[TtlAnalyzer::bucketOf(ttl)];
        counts[buckets - 1] += double(ns.withoutTtl);
    }
    QVector<double> keys(buckets);
    for (int i = 0; i < buckets; ++i)
        keys[i] = i + 1;
    m_bars->setData(keys, counts, true);
    m_plot->yAxis->setRange(0, std::max(1.0, *std::max_element(counts.cbegin(), counts.cend()) * 1.1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
