#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QList>
#include <QPointer>

class RedisConnection;
class RedisReply;

// A table read from one key a page at a time, as a view scrolls (fetchMore): one page command in
// flight at most, replies to a page asked for before the last reload() dropped, a failed page ends
// the loading. Subclasses say which command reads the next page and how to read its reply.
//
// The loading flag is reset only after a page's rows are inserted: a view may call fetchMore from
// inside rowsInserted, and must then wait for that page to end rather than ask for it again.
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    ~PagedTableModel() override;

    // Element count of the key, -1 until known.
    qint64 totalCount() const { return m_total; }
    bool isComplete() const { return m_complete; }
    bool isLoading() const { return m_loading; }

    // Forgets every row and reads the count and the first page again.
    void reload();

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void pageLoaded();
    void loadFailed(const QString &message);

protected:
    PagedTableModel(RedisConnection *connection, QObject *parent);

    RedisConnection *connection() const;
    // Counts reload() calls: a reply to a write sent before the last one is about rows no longer shown.
    quint64 currentGeneration() const { return m_generation; }
    // After a write: the count moves by delta, while it is known.
    void adjustTotalCount(qint64 delta);
    void setTotalCount(qint64 total) { m_total = total; }

    // Inside reload()'s model reset: forget the rows and where the last page ended.
    virtual void clearRows() = 0;
    // The command that counts the elements (HLEN, XLEN …).
    virtual QList<QByteArray> countCommand() const = 0;
    // The command that reads the next page, from where the last one ended.
    virtual QList<QByteArray> pageCommand() = 0;
    // The reply to pageCommand() (of this generation): must end with appendPage() or failPage().
    virtual void readPage(const RedisReply &reply) = 0;

    // Appends page to rows (this model's row list), then ends the loading.
    template <typename Rows> void appendPage(Rows &rows, Rows page, bool complete)
    {
        m_complete = complete;
        if (!page.isEmpty()) {
            beginInsertRows({}, int(rows.size()), int(rows.size() + page.size() - 1));
            rows.append(std::move(page));
            endInsertRows();
        }
        m_loading = false; // only now: a view may ask for more while the rows go in
        emit pageLoaded();
    }
    // Ends the loading for good with an error for the user.
    void failPage(const QString &message);

private:
    QPointer<RedisConnection> m_connection;
    qint64 m_total = -1;
    bool m_complete = false;
    bool m_loading = false;
    quint64 m_generation = 0;
};
