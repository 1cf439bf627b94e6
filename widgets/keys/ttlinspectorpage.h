#pragma once

#include "sessionpage.h"
#include "ttlanalyzer.h"

#include <memory>
#include <QPointer>

class QCPBars;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class RedisConnection;

// Does the keyspace follow its TTL strategy? A sampled analysis (TtlAnalyzer) of the whole keyspace or
// one pattern: per namespace the key count, share without TTL, min / median / max TTL and keys
// expiring soon; a histogram of TTLs (all namespaces, or the selected one); expected-TTL rules typed by
// the user with the keys that break them; warnings tied to maxmemory-policy.
class TtlInspectorPage : public SessionPage
{
    Q_OBJECT
public:
    // Samples every master of a cluster (sampleLimit keys each), or the one server.
    explicit TtlInspectorPage(Session *session, QWidget *parent = nullptr);
    ~TtlInspectorPage() override;

    QString title() const override;

    void analyze();
    void cancel();
    // Rules as typed (pattern, expected); a rule whose expected TTL is not understood is reported.
    void setRules(const QList<QPair<QString, QString>> &rules);

    TtlAnalyzer *analyzer() const { return m_analyzer.get(); }
    QTableWidget *namespaceTable() const { return m_namespaces; }
    QTableWidget *violationTable() const { return m_violations; }
    QString statusText() const;
    QString warningsText() const;
    // Heights of the histogram's bars, for tests.
    QList<double> histogram() const;

signals:
    void analysisFinished();

private:
    void onFinished();
    void showHistogram();
    void addRuleRow(const QString &pattern, const QString &expected);

    std::unique_ptr<TtlAnalyzer> m_analyzer;
    QLineEdit *m_pattern = nullptr;
    QSpinBox *m_depth = nullptr;
    QSpinBox *m_sample = nullptr;
    QSpinBox *m_within = nullptr;
    QPushButton *m_analyze = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_warnings = nullptr;
    QTableWidget *m_namespaces = nullptr;
    QCustomPlot *m_plot = nullptr;
    QCPBars *m_bars = nullptr;
    QTableWidget *m_rules = nullptr;
    QTableWidget *m_violations = nullptr;
    QLabel *m_violationSummary = nullptr;
};
