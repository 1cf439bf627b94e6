#include "connectiontreemodel.h"

#include "profilestore.h"
#include "redisurl.h"

#include <QColor>
#include <QFont>

namespace {
// Tooltips are rich text when they look like it: escape data and say it is HTML.
QString plainToolTip(const QString &text)
{
    return QStringLiteral("<p style='white-space:pre'>%1</p>").arg(text.toHtmlEscaped());
}
} // namespace

ConnectionTreeModel::ConnectionTreeModel(ProfileStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store), m_profiles(store->profiles())
{
    connect(store, &ProfileStore::profilesChanged, this, &ConnectionTreeModel::reload);
}

QString ConnectionTreeModel::embeddedId()
{
    return QStringLiteral(":embedded");
}

int ConnectionTreeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size() + m_adHoc.size()) + 1;
}

const ConnectionConfig *ConnectionTreeModel::configAt(int row) const
{
    if (row >= 1 && row <= m_profiles.size())
        return &m_profiles.at(row - 1);
    if (row > m_profiles.size() && row <= m_profiles.size() + m_adHoc.size())
        return &m_adHoc.at(row - 1 - m_profiles.size());
    return nullptr;
}

QVariant ConnectionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionConfig *config = configAt(index.row()); // nullptr: the embedded entry
    const QString id = config ? config->id : embeddedId();
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = config ? config->displayName() : tr("Local (embedded)");
        return m_openIds.contains(id) ? tr("%1 (open)").arg(name) : name;
    }
    case Qt::ToolTipRole:
        if (!config)
            return plainToolTip(m_embeddedStatus.isEmpty()
                                    ? tr("A redis-server run by Keyscope on this computer")
                                    : m_embeddedStatus);
        return plainToolTip(RedisUrl::toUrl(*config));
    case Qt::DecorationRole:
        if (!config)
            return m_embeddedIcon;
        return config->colour.isEmpty() ? QColor(Qt::transparent) : QColor(config->colour);
    case Qt::FontRole:
        if (!m_shownId.isEmpty() && id == m_shownId) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case IdRole:
        return id;
    default:
        return {};
    }
}

QModelIndex ConnectionTreeModel::indexForId(const QString &id) const
{
    if (id == embeddedId())
        return index(0);
    for (int row = 1; row < rowCount(); ++row) {
        if (configAt(row)->id == id)
            return index(row);
    }
    return {};
}

QString ConnectionTreeModel::idAt(const QModelIndex &index) const
{
    return index.isValid() ? index.data(IdRole).toString() : QString();
}

void ConnectionTreeModel::setOpen(const QStringList &ids, const QString &shownId)
{
    if (ids == m_openIds && shownId == m_shownId)
        return;
    QStringList changed = m_openIds + ids;
    changed << m_shownId << shownId;
    m_openIds = ids;
    m_shownId = shownId;
    changed.removeDuplicates();
    for (const QString &id : std::as_const(changed))
        emitRowChanged(id);
}

void ConnectionTreeModel::addAdHoc(const QString &id, const ConnectionConfig &config)
{
    if (indexForId(id).isValid())
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    ConnectionConfig entry = config;
    entry.id = id;
    m_adHoc.append(entry);
    endInsertRows();
}

void ConnectionTreeModel::removeAdHoc(const QString &id)
{
    for (int i = 0; i < m_adHoc.size(); ++i) {
        if (m_adHoc.at(i).id != id)
            continue;
        const int row = int(m_profiles.size()) + 1 + i;
        beginRemoveRows({}, row, row);
        m_adHoc.removeAt(i);
        endRemoveRows();
        return;
    }
}

void ConnectionTreeModel::setEmbeddedStatus(const QString &status)
{
    m_embeddedStatus = status;
    emitRowChanged(embeddedId());
}

void ConnectionTreeModel::setEmbeddedIcon(const QIcon &icon)
{
    m_embeddedIcon = icon;
    emitRowChanged(embeddedId());
}

void ConnectionTreeModel::reload()
{
    beginResetModel();
    m_profiles = m_store->profiles();
    endResetModel();
}

void ConnectionTreeModel::emitRowChanged(const QString &id)
{
    const QModelIndex changed = indexForId(id);
    if (changed.isValid())
        emit dataChanged(changed, changed);
}
