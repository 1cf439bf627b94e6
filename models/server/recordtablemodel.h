#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

// A read-only table of records (one QVariantList per row) for the server-administration views: INFO
// fields, CONFIG GET, SLOWLOG GET, CLIENT LIST. Numbers stay numbers, so a sort proxy orders them as
// numbers and they are right-aligned; everything else is shown as the text it holds (plain text in
// every delegate). setRows() replaces the whole content in one reset.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit RecordTableModel(QStringList headers, QObject *parent = nullptr);

    void setRows(QList<QVariantList> rows);
    const QVariantList &record(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<QVariantList> m_rows;
};
