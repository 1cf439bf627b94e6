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
    return parent.isValid() ? 0 : int(m_profiles.size()) + 1;
}

QVariant ConnectionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool embedded = index.row() == 0;
    const QString id = embedded ? embeddedId() : m_profiles.at(index.row() - 1).id;
    switch (role) {
    case Qt::DisplayRole:
        return embedded ? tr("Local (embedded)") : m_profiles.at(index.row() - 1).displayName();
    case Qt::ToolTipRole:
        if (embedded)
            return plainToolTip(m_embeddedStatus.isEmpty()
                                    ? tr("A redis-server run by Keyscope on this computer")
                                    : m_embeddedStatus);
        return plainToolTip(RedisUrl::toUrl(m_profiles.at(index.row() - 1)));
    case Qt::DecorationRole: {
        if (embedded)
            return m_embeddedIcon;
        const QString colour = m_profiles.at(index.row() - 1).colour;
        return colour.isEmpty() ? QColor(Qt::transparent) : QColor(colour);
    }
    case Qt::FontRole:
        if (!m_activeId.isEmpty() && id == m_activeId) {
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
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return index(i + 1);
    }
    return {};
}

QString ConnectionTreeModel::idAt(const QModelIndex &index) const
{
    return index.isValid() ? index.data(IdRole).toString() : QString();
}

void ConnectionTreeModel::setActiveId(const QString &id)
{
    if (m_activeId == id)
        return;
    const QString previous = m_activeId;
    m_activeId = id;
    emitRowChanged(previous);
    emitRowChanged(id);
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
