#pragma once

#include "connectionconfig.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

class ProfileStore;

// The connections people can open: "Local (embedded)" first, then the saved profiles in the order
// ProfileStore keeps them. Profile colour tags are the decoration; the open connection is bold.
// Follows ProfileStore::profilesChanged.
class ConnectionTreeModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // profile id, or embeddedId() for the local server
    };

    explicit ConnectionTreeModel(ProfileStore *store, QObject *parent = nullptr);

    // The id of the "Local (embedded)" entry; never a ProfileStore id.
    static QString embeddedId();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QModelIndex indexForId(const QString &id) const;
    QString idAt(const QModelIndex &index) const;

    // The entry of the open connection (bold); empty for none or an ad-hoc connection.
    void setActiveId(const QString &id);
    // What the local server is doing, for the tooltip of its entry.
    void setEmbeddedStatus(const QString &status);
    void setEmbeddedIcon(const QIcon &icon);

private:
    void reload();
    void emitRowChanged(const QString &id);

    ProfileStore *m_store;
    QList<ConnectionConfig> m_profiles;
    QString m_activeId;
    QString m_embeddedStatus;
    QIcon m_embeddedIcon;
};
