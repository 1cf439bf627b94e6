#pragma once

#include "connectionconfig.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>
#include <QStringList>

class ProfileStore;

// The connections people can open: "Local (embedded)" first, then the saved profiles in the order
// ProfileStore keeps them, then the connections open without a profile (--connect, the local cluster and
// Sentinel setup) while they are open. Profile colour tags are the decoration; every open connection says
// "(open)", and the one shown is bold. Follows ProfileStore::profilesChanged.
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

    // The entries of the open connections, and the one shown (bold); empty for none.
    void setOpen(const QStringList &ids, const QString &shownId);
    bool isOpen(const QString &id) const { return m_openIds.contains(id); }
    // A row for a connection without a profile, after the profiles, until removeAdHoc(id).
    void addAdHoc(const QString &id, const ConnectionConfig &config);
    void removeAdHoc(const QString &id);
    // What the local server is doing, for the tooltip of its entry.
    void setEmbeddedStatus(const QString &status);
    void setEmbeddedIcon(const QIcon &icon);

private:
    void reload();
    void emitRowChanged(const QString &id);
    const ConnectionConfig *configAt(int row) const;

    ProfileStore *m_store;
    QList<ConnectionConfig> m_profiles;
    QList<ConnectionConfig> m_adHoc; // id set by the window
    QStringList m_openIds;
    QString m_shownId;
    QString m_embeddedStatus;
    QIcon m_embeddedIcon;
};
