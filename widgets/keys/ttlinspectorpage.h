#pragma once

#include "ttlanalyzer.h"

#include <memory>
#include <QPointer>
#include <QWidget>

class ClusterClient;
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
class TtlInspectorPage : public QWidget
{
    Q_OBJECT
public:
    explicit TtlInspectorPage(RedisConnection *connection, QWidget *parent = nullptr);
    ~TtlInspectorPage() override;

    // A cluster: sample every master (sampleLimit keys each) instead of the page's connection.
    void setClusterClient(ClusterClient *cluster);

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

    QPointer<RedisConnection> m_connection;
    QPointer<ClusterClient> m_cluster;
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
