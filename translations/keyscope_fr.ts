<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Keyscope</source>
        <translation>À propos de Keyscope</translation>
    </message>
    <message>
        <source>Keyscope</source>
        <translation>Keyscope</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>hiredis</source>
        <translation>hiredis</translation>
    </message>
    <message>
        <source>libpq</source>
        <translation>libpq</translation>
    </message>
    <message>
        <source>QCustomPlot</source>
        <translation>QCustomPlot</translation>
    </message>
    <message>
        <source>redis-server</source>
        <translation>redis-server</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>Keyscope %1
A native desktop admin for Redis.</source>
        <translation>Keyscope %1
Un outil natif d’administration de Redis.</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>Copier les versions</translation>
    </message>
</context>
<context>
    <name>BulkDeleteDialog</name>
    <message>
        <source>Delete keys matching a pattern</source>
        <translation>Supprimer les clés correspondant à un motif</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Press Preview to count the keys matching the new pattern.</source>
        <translation>Cliquez sur Aperçu pour compter les clés correspondant au nouveau motif.</translation>
    </message>
    <message>
        <source>Enter a pattern (glob syntax; \xHH for any byte).</source>
        <translation>Saisissez un motif (syntaxe glob ; \xHH pour n’importe quel octet).</translation>
    </message>
    <message numerus="yes">
        <source>Scanning… %n key(s) match so far.</source>
        <translation>
            <numerusform>Parcours en cours… %n clé correspond pour l’instant.</numerusform>
            <numerusform>Parcours en cours… %n clés correspondent pour l’instant.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning for keys matching the pattern…</source>
        <translation>Recherche des clés correspondant au motif…</translation>
    </message>
    <message>
        <source>No key matches “%1”.</source>
        <translation>Aucune clé ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>%1 keys match “%2”. The first %3:</source>
        <translation>%1 clés correspondent à « %2 ». Les %3 premières :</translation>
    </message>
    <message>
        <source>%1 key(s) match “%2”:</source>
        <translation>%1 clé(s) correspond(ent) à « %2 » :</translation>
    </message>
    <message>
        <source>Delete %1 key(s)</source>
        <translation>Supprimer %1 clé(s)</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression en cours…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancelled: %1 key(s) were deleted before stopping.</source>
        <translation>Annulé : %1 clé(s) supprimée(s) avant l’arrêt.</translation>
    </message>
    <message>
        <source>Deleted %1 key(s).</source>
        <translation>%1 clé(s) supprimée(s).</translation>
    </message>
</context>
<context>
    <name>BulkDeleter</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Deleting stopped after %1 keys: %2</source>
        <translation>Suppression interrompue après %1 clés : %2</translation>
    </message>
</context>
<context>
    <name>ChannelGroupModel</name>
    <message>
        <source>(other)</source>
        <translation>(autres)</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Per second</source>
        <translation>Par seconde</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>Dernier contenu</translation>
    </message>
</context>
<context>
    <name>ChartReader</name>
    <message>
        <source>%1: no data yet</source>
        <translation>%1 : pas encore de données</translation>
    </message>
    <message numerus="yes">
        <source>%1: latest %2%5, lowest %3, highest %4 over %n point(s)</source>
        <translation>
            <numerusform>%1 : dernier %2%5, minimum %3, maximum %4 sur %n point</numerusform>
            <numerusform>%1 : dernier %2%5, minimum %3, maximum %4 sur %n points</numerusform>
        </translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <source>Copy figures</source>
        <translation>Copier les chiffres</translation>
    </message>
    <message>
        <source>No figures yet (0 series).</source>
        <translation>Pas encore de chiffres (0 série).</translation>
    </message>
</context>
<context>
    <name>ClusterClient</name>
    <message>
        <source>The cluster connection was closed.</source>
        <translation>La connexion au cluster a été fermée.</translation>
    </message>
    <message>
        <source>%1 is refused: its keys map to different hash slots (%2 and %3), and in a cluster the keys of one command must share a slot. Give them a common {hash tag}, or send one command per key.</source>
        <translation>Commande %1 refusée : ses clés tombent dans des hash slots différents (%2 et %3), et dans un cluster les clés d’une même commande doivent partager un slot. Donnez-leur un {hash tag} commun, ou envoyez une commande par clé.</translation>
    </message>
    <message>
        <source>The cluster has no node %1 (or is not connected).</source>
        <translation>Le cluster n’a pas de nœud %1 (ou n’est pas connecté).</translation>
    </message>
    <message>
        <source>Not connected to the cluster %1.</source>
        <translation>Non connecté au cluster %1.</translation>
    </message>
    <message>
        <source>Hash slot %1 is not served by any master.</source>
        <translation>Le hash slot %1 n’est servi par aucun maître.</translation>
    </message>
    <message>
        <source>The cluster has no master serving slots.</source>
        <translation>Le cluster n’a aucun maître qui sert des slots.</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 redirections)</source>
        <translation>%1 (abandon après %2 redirections)</translation>
    </message>
    <message>
        <source>the cluster is down or a slot has no master, e.g. during a failover</source>
        <translation>le cluster est indisponible ou un slot n’a pas de maître, par ex. pendant une bascule (failover)</translation>
    </message>
    <message>
        <source>the keys&apos; slot is being migrated between nodes</source>
        <translation>le slot des clés est en cours de migration entre nœuds</translation>
    </message>
    <message>
        <source>%1 (gave up after %2 attempts in %3 s: %4)</source>
        <translation>%1 (abandon après %2 tentatives en %3 s : %4)</translation>
    </message>
    <message>
        <source>%1 is not a cluster node (cluster support is disabled): connect to it as a standalone server.</source>
        <translation>%1 n’est pas un nœud de cluster (le mode cluster y est désactivé) : connectez-vous-y comme à un serveur autonome.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 serves no slots yet (the cluster is not set up).</source>
        <translation>%1 ne sert encore aucun slot (le cluster n’est pas configuré).</translation>
    </message>
    <message>
        <source>Cannot load the cluster topology from %1: %2</source>
        <translation>Impossible de charger la topologie du cluster depuis %1 : %2</translation>
    </message>
</context>
<context>
    <name>ClusterCommand</name>
    <message>
        <source>%1 is not supported on a cluster connection: it needs a connection of its own (transactions, subscriptions, MONITOR) or does not apply to a cluster (SELECT, SWAPDB).</source>
        <translation>%1 n’est pas pris en charge sur une connexion cluster : la commande demande une connexion à elle (transactions, abonnements, MONITOR) ou ne s’applique pas à un cluster (SELECT, SWAPDB).</translation>
    </message>
    <message>
        <source>%1 works on one node at a time in a cluster: choose a node, or run it on every master.</source>
        <translation>Dans un cluster, %1 agit sur un seul nœud à la fois : choisissez un nœud, ou exécutez la commande sur chaque maître.</translation>
    </message>
</context>
<context>
    <name>ClusterNode</name>
    <message>
        <source>replica</source>
        <translation>réplique</translation>
    </message>
    <message>
        <source>master</source>
        <translation>maître</translation>
    </message>
    <message>
        <source>%1 (%2, failed)</source>
        <translation>%1 (%2, en échec)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ClusterNodesPoller</name>
    <message>
        <source>The cluster has no master to ask.</source>
        <translation>Le cluster n’a aucun maître à interroger.</translation>
    </message>
    <message>
        <source>CLUSTER NODES could not be read: %1</source>
        <translation>Impossible de lire CLUSTER NODES : %1</translation>
    </message>
</context>
<context>
    <name>ClusterPage</name>
    <message>
        <source>CLUSTER FAILOVER failed: %1</source>
        <translation>Échec de CLUSTER FAILOVER : %1</translation>
    </message>
    <message>
        <source>Failover asked of %1: the roles change within a few seconds.</source>
        <translation>Bascule demandée à %1 : les rôles changent en quelques secondes.</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>ClusterTopology</name>
    <message>
        <source>CLUSTER NODES, line %1: %2</source>
        <translation>CLUSTER NODES, ligne %1 : %2</translation>
    </message>
    <message>
        <source>expected at least 8 fields, found %1</source>
        <translation>au moins 8 champs attendus, %1 trouvés</translation>
    </message>
    <message>
        <source>cannot read the address “%1”</source>
        <translation>impossible de lire l’adresse « %1 »</translation>
    </message>
    <message>
        <source>unknown flags “%1”</source>
        <translation>indicateurs inconnus « %1 »</translation>
    </message>
    <message>
        <source>cannot read the ping, pong or epoch fields</source>
        <translation>impossible de lire les champs ping, pong ou epoch</translation>
    </message>
    <message>
        <source>unknown link state “%1”</source>
        <translation>état de lien inconnu « %1 »</translation>
    </message>
    <message>
        <source>cannot read the slot field “%1”</source>
        <translation>impossible de lire le champ de slots « %1 »</translation>
    </message>
    <message>
        <source>CLUSTER NODES returned no node.</source>
        <translation>CLUSTER NODES n’a renvoyé aucun nœud.</translation>
    </message>
    <message>
        <source>Unexpected CLUSTER SHARDS reply: %1</source>
        <translation>Réponse inattendue de CLUSTER SHARDS : %1</translation>
    </message>
    <message>
        <source>not an array</source>
        <translation>ce n’est pas un tableau</translation>
    </message>
    <message>
        <source>a shard without slots or nodes</source>
        <translation>un shard sans slots ni nœuds</translation>
    </message>
    <message>
        <source>slot range %1-%2</source>
        <translation>plage de slots %1-%2</translation>
    </message>
    <message>
        <source>a node without id, role or port</source>
        <translation>un nœud sans ID, rôle ni port</translation>
    </message>
    <message>
        <source>Unexpected CLUSTER SLOTS reply: %1</source>
        <translation>Réponse inattendue de CLUSTER SLOTS : %1</translation>
    </message>
    <message>
        <source>a slot range without a master</source>
        <translation>une plage de slots sans maître</translation>
    </message>
    <message>
        <source>a node without address</source>
        <translation>un nœud sans adresse</translation>
    </message>
</context>
<context>
    <name>ClusterTopologyView</name>
    <message>
        <source>%1 migrating to %2</source>
        <translation>%1 en migration vers %2</translation>
    </message>
    <message>
        <source>%1 importing from %2</source>
        <translation>%1 en importation depuis %2</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Slots</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>(pas d’adresse)</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>déconnecté</translation>
    </message>
    <message>
        <source>No cluster topology.</source>
        <translation>Aucune topologie de cluster.</translation>
    </message>
    <message numerus="yes">
        <source>%n master(s)</source>
        <translation>
            <numerusform>%n maître</numerusform>
            <numerusform>%n maîtres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>%n réplique</numerusform>
            <numerusform>%n répliques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possibly failed</source>
        <translation>
            <numerusform>%n peut-être en échec</numerusform>
            <numerusform>%n peut-être en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>all 16384 slots covered</source>
        <translation>les 16384 slots sont couverts</translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s) not covered</source>
        <translation>
            <numerusform>%n slot non couvert</numerusform>
            <numerusform>%n slots non couverts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s) being moved</source>
        <translation>
            <numerusform>%n slot en cours de déplacement</numerusform>
            <numerusform>%n slots en cours de déplacement</numerusform>
        </translation>
    </message>
    <message>
        <source>Slot %1</source>
        <translation>Slot %1</translation>
    </message>
    <message>
        <source>Slots %1-%2</source>
        <translation>Slots %1-%2</translation>
    </message>
    <message>
        <source>not covered</source>
        <translation>non couvert</translation>
    </message>
    <message>
        <source>slot %1 is being moved</source>
        <translation>le slot %1 est en cours de déplacement</translation>
    </message>
    <message>
        <source>The 16384 slots by master: red is not covered, an orange mark is being moved. Point at the bar for details.</source>
        <translation>Les 16384 slots par maître : en rouge, les slots non couverts ; une marque orange, un slot en cours de déplacement. Survolez la barre pour les détails.</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Ops/s</source>
        <translation>Ops/s</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Copy redis-cli Command</source>
        <translation>Copier la commande redis-cli</translation>
    </message>
    <message>
        <source>Fail Over to This Replica…</source>
        <translation>Basculer vers cette réplique…</translation>
    </message>
    <message>
        <source>Fail Over</source>
        <translation>Bascule (failover)</translation>
    </message>
    <message>
        <source>Make the replica %1 the master of its slots (CLUSTER FAILOVER)? Its master %2 becomes a replica of it.</source>
        <translation>Faire de la réplique %1 le maître de ses slots (CLUSTER FAILOVER) ? Son maître %2 en devient une réplique.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>Nœuds du cluster</translation>
    </message>
    <message>
        <source>A row is one master, its replicas beneath it: address, id, flags, link, memory, ops/s, keys, slots</source>
        <translation>Une ligne par maître, ses réplicas en dessous : adresse, id, drapeaux, lien, mémoire, ops/s, clés, slots</translation>
    </message>
    <message>
        <source>Slot coverage</source>
        <translation>Couverture des slots</translation>
    </message>
    <message>
        <source>slots %1 on %2</source>
        <translation>slots %1 sur %2</translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not read the elements: %1</source>
        <translation>Impossible de lire les éléments : %1</translation>
    </message>
    <message>
        <source>Unexpected reply to a SCAN command.</source>
        <translation>Réponse inattendue à une commande SCAN.</translation>
    </message>
    <message>
        <source>Could not search the list: %1</source>
        <translation>Impossible de chercher dans la liste : %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <source>Not changed: this element changed on the server since it was loaded. Reload to see it.</source>
        <translation>Non modifié : cet élément a changé sur le serveur depuis son chargement. Rechargez pour le voir.</translation>
    </message>
    <message>
        <source>Not changed: that member exists already.</source>
        <translation>Non modifié : ce membre existe déjà.</translation>
    </message>
    <message>
        <source>Not changed: this element no longer exists on the server. Reload to see.</source>
        <translation>Non modifié : cet élément n’existe plus sur le serveur. Rechargez pour voir.</translation>
    </message>
    <message>
        <source>The score must be a number.</source>
        <translation>Le score doit être un nombre.</translation>
    </message>
    <message>
        <source>Not added: the field exists already.</source>
        <translation>Non ajouté : le champ existe déjà.</translation>
    </message>
    <message>
        <source>Not added: the member exists already.</source>
        <translation>Non ajouté : le membre existe déjà.</translation>
    </message>
    <message>
        <source>No such row.</source>
        <translation>Ligne introuvable.</translation>
    </message>
</context>
<context>
    <name>CollectionValueEditor</name>
    <message>
        <source>Find an exact element (LPOS)</source>
        <translation>Trouver un élément exact (LPOS)</translation>
    </message>
    <message>
        <source>Search: a glob such as user:* (MATCH)</source>
        <translation>Rechercher : un motif glob comme user:* (MATCH)</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Append…</source>
        <translation>Ajouter à la fin…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Increment…</source>
        <translation>Incrémenter…</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>%1 elements loaded</source>
        <translation>%1 éléments chargés</translation>
    </message>
    <message>
        <source>%1 matching elements loaded (the key holds %2)</source>
        <translation>%1 éléments correspondants chargés (la clé en contient %2)</translation>
    </message>
    <message>
        <source>%1 of %2 elements loaded</source>
        <translation>%1 éléments chargés sur %2</translation>
    </message>
    <message>
        <source> — complete</source>
        <translation> — terminé</translation>
    </message>
    <message>
        <source> — scroll for more</source>
        <translation> — faites défiler pour la suite</translation>
    </message>
    <message>
        <source>Malformed escape: use \xHH for a byte.</source>
        <translation>Échappement mal formé : utilisez \xHH pour un octet.</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Ajouter un champ</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Champ :</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valeur :</translation>
    </message>
    <message>
        <source>Append element</source>
        <translation>Ajouter un élément à la fin</translation>
    </message>
    <message>
        <source>Element:</source>
        <translation>Élément :</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Membre :</translation>
    </message>
    <message>
        <source>Score:</source>
        <translation>Score :</translation>
    </message>
    <message>
        <source>Edit value</source>
        <translation>Modifier la valeur</translation>
    </message>
    <message>
        <source>Edit element %1</source>
        <translation>Modifier l’élément %1</translation>
    </message>
    <message>
        <source>Rename member</source>
        <translation>Renommer le membre</translation>
    </message>
    <message>
        <source>Edit score</source>
        <translation>Modifier le score</translation>
    </message>
    <message>
        <source>The elements were reloaded meanwhile: open this element again.</source>
        <translation>Les éléments ont été rechargés entre-temps : rouvrez cet élément.</translation>
    </message>
    <message>
        <source>element %1 (“%2”)</source>
        <translation>l’élément %1 (« %2 »)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>Delete element</source>
        <translation>Supprimer l’élément</translation>
    </message>
    <message>
        <source>Delete %1 from “%2”?</source>
        <translation>Supprimer %1 de « %2 » ?</translation>
    </message>
    <message>
        <source>The elements were reloaded meanwhile: select the element again.</source>
        <translation>Les éléments ont été rechargés entre-temps : sélectionnez à nouveau l’élément.</translation>
    </message>
    <message>
        <source>Increment score</source>
        <translation>Incrémenter le score</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>De :</translation>
    </message>
    <message>
        <source>Enter a number, e.g. 1 or -0.5.</source>
        <translation>Saisissez un nombre, par ex. 1 ou -0.5.</translation>
    </message>
    <message>
        <source>Delete the selected element</source>
        <translation>Supprimer l’élément sélectionné</translation>
    </message>
    <message>
        <source>Find element</source>
        <translation>Trouver un élément</translation>
    </message>
    <message>
        <source>Element filter (glob pattern)</source>
        <translation>Filtre des éléments (motif glob)</translation>
    </message>
    <message>
        <source>Elements</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>A row is one element of the value: field and value, member, or member and score</source>
        <translation>Une ligne par élément de la valeur : champ et valeur, membre, ou membre et score</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>The closing quote at column %1 must be followed by a space.</source>
        <translation>Le guillemet fermant de la colonne %1 doit être suivi d’une espace.</translation>
    </message>
    <message>
        <source>The double quote at column %1 is never closed.</source>
        <translation>Le guillemet double de la colonne %1 n’est jamais fermé.</translation>
    </message>
    <message>
        <source>The single quote at column %1 is never closed.</source>
        <translation>Le guillemet simple de la colonne %1 n’est jamais fermé.</translation>
    </message>
</context>
<context>
    <name>ConnectionImport</name>
    <message>
        <source>SSH tunnel not taken over: Keyscope cannot tunnel yet, the profile connects directly</source>
        <translation>Tunnel SSH non repris : Keyscope ne sait pas encore passer par un tunnel, le profil se connecte directement</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not verified, as in RedisInsight</source>
        <translation>le certificat du serveur n’est pas vérifié, comme dans RedisInsight</translation>
    </message>
    <message>
        <source>certificates inside the file not taken over: save them as PEM files and choose them in the profile</source>
        <translation>certificats contenus dans le fichier non repris : enregistrez-les en fichiers PEM et choisissez-les dans le profil</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not verified, as in RESP.app</source>
        <translation>le certificat du serveur n’est pas vérifié, comme dans RESP.app</translation>
    </message>
    <message>
        <source>an entry that is not a connection</source>
        <translation>une entrée qui n’est pas une connexion</translation>
    </message>
    <message>
        <source>Unix socket %1 not taken over: Keyscope connects over TCP</source>
        <translation>Socket Unix %1 non repris : Keyscope se connecte en TCP</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not verified, as in Tiny RDM</source>
        <translation>le certificat du serveur n’est pas vérifié, comme dans Tiny RDM</translation>
    </message>
    <message>
        <source>Redis URLs</source>
        <translation>URL Redis</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>The file is larger than 16 MiB: not a connection file.</source>
        <translation>Le fichier dépasse 16 Mio : ce n’est pas un fichier de connexions.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>This JSON holds no list of connections.</source>
        <translation>Ce JSON ne contient pas de liste de connexions.</translation>
    </message>
    <message>
        <source>The JSON is malformed at byte %1: %2.</source>
        <translation>Le JSON est mal formé à l’octet %1 : %2.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>Not a connection file Keyscope reads (RedisInsight, Another Redis Desktop Manager, RESP.app, Tiny RDM, Keyscope, or redis:// URLs one per line).</source>
        <translation>Ce n’est pas un fichier de connexions que Keyscope sait lire (RedisInsight, Another Redis Desktop Manager, RESP.app, Tiny RDM, Keyscope, ou des URL redis:// une par ligne).</translation>
    </message>
    <message>
        <source>The YAML is malformed: %1.</source>
        <translation>Le YAML est mal formé : %1.</translation>
    </message>
    <message>
        <source>The file holds no connection.</source>
        <translation>Le fichier ne contient aucune connexion.</translation>
    </message>
</context>
<context>
    <name>ConnectionTreeModel</name>
    <message>
        <source>Local (embedded)</source>
        <translation>Local (intégré)</translation>
    </message>
    <message>
        <source>A redis-server run by Keyscope on this computer</source>
        <translation>Un redis-server lancé par Keyscope sur cet ordinateur</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>(%1 ms)</source>
        <translation>(%1 ms)</translation>
    </message>
    <message>
        <source>(%1 s)</source>
        <translation>(%1 s)</translation>
    </message>
    <message>
        <source>Type a command, e.g. GET key (Up/Down: history, Ctrl+L: clear)</source>
        <translation>Saisissez une commande, par ex. GET clé (Haut/Bas : historique, Ctrl+L : effacer)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop waiting for the running command (Esc): the console&apos;s connection is dropped and made again</source>
        <translation>Cesser d’attendre la commande en cours (Esc) : la connexion de la console est coupée puis rétablie</translation>
    </message>
    <message>
        <source>The connection was lost: the transaction (MULTI) was discarded by the server.</source>
        <translation>La connexion a été perdue : le serveur a abandonné la transaction (MULTI).</translation>
    </message>
    <message>
        <source>(error) %1</source>
        <translation>(erreur) %1</translation>
    </message>
    <message>
        <source>Stopped: the console reconnects.</source>
        <translation>Arrêté : la console se reconnecte.</translation>
    </message>
    <message>
        <source>(refused) %1</source>
        <translation>(refusé) %1</translation>
    </message>
    <message>
        <source>Run %1?</source>
        <translation>Exécuter %1 ?</translation>
    </message>
    <message>
        <source>%1

Run “%2” on %3?</source>
        <translation>%1

Exécuter « %2 » sur %3 ?</translation>
    </message>
    <message>
        <source>Not run.</source>
        <translation>Non exécutée.</translation>
    </message>
    <message>
        <source>Node %1:</source>
        <translation>Nœud %1 :</translation>
    </message>
    <message>
        <source>cluster&gt;</source>
        <translation>cluster&gt;</translation>
    </message>
    <message>
        <source>all masters&gt;</source>
        <translation>tous les maîtres&gt;</translation>
    </message>
    <message>
        <source> (database %1)</source>
        <translation> (base %1)</translation>
    </message>
    <message>
        <source>the master of its keys&apos; slot</source>
        <translation>le maître du slot de ses clés</translation>
    </message>
    <message>
        <source>every master of the cluster</source>
        <translation>chaque maître du cluster</translation>
    </message>
    <message>
        <source>The node chosen (%1) is no longer in the cluster: choose another target.</source>
        <translation>Le nœud choisi (%1) ne fait plus partie du cluster : choisissez une autre cible.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Console output</source>
        <translation>Sortie de la console</translation>
    </message>
</context>
<context>
    <name>ConsolePolicy</name>
    <message>
        <source>%1 is not available in the console: it turns the connection into a subscriber that can only receive messages. Use the Pub/Sub tab to subscribe to channels and patterns, and to publish.</source>
        <translation>%1 n’est pas disponible dans la console : la commande fait de la connexion un abonné qui ne peut que recevoir des messages. Utilisez l’onglet Pub/Sub pour vous abonner à des canaux et à des motifs, et pour publier.</translation>
    </message>
    <message>
        <source>MONITOR is not available in the console: it turns the connection into an endless stream of every command the server runs, and slows the server down. Use the Pub/Sub tab for messages, and the Server tab (slow log, clients) to see what clients do.</source>
        <translation>MONITOR n’est pas disponible dans la console : la commande fait de la connexion un flux sans fin de toutes les commandes exécutées par le serveur, et ralentit celui-ci. Utilisez l’onglet Pub/Sub pour les messages, et l’onglet Serveur (slow log, clients) pour voir ce que font les clients.</translation>
    </message>
    <message>
        <source>%1 is not available in the console: it turns the connection into a replication stream.</source>
        <translation>%1 n’est pas disponible dans la console : la commande fait de la connexion un flux de réplication.</translation>
    </message>
    <message>
        <source>QUIT would close the console&apos;s connection; there is nothing to quit here.</source>
        <translation>QUIT fermerait la connexion de la console ; il n’y a rien à quitter ici.</translation>
    </message>
    <message>
        <source>RESET is not available in the console: it would sign the connection out and back to database 0 behind Keyscope&apos;s back.</source>
        <translation>RESET n’est pas disponible dans la console : la commande annulerait l’authentification de la connexion et la ramènerait à la base 0 à l’insu de Keyscope.</translation>
    </message>
    <message>
        <source>Keyscope reads the RESP2 protocol: HELLO %1 would switch the connection to a protocol it cannot read. HELLO 2 is fine.</source>
        <translation>Keyscope lit le protocole RESP2 : HELLO %1 ferait passer la connexion à un protocole qu’il ne sait pas lire. HELLO 2 convient.</translation>
    </message>
    <message>
        <source>CLIENT REPLY OFF and SKIP stop the server&apos;s replies, and the console waits for the reply of every command.</source>
        <translation>CLIENT REPLY OFF et SKIP suppriment les réponses du serveur, alors que la console attend la réponse de chaque commande.</translation>
    </message>
    <message>
        <source>%1 with a timeout of 0 waits forever and would hold the console; give it a timeout (for example %2).</source>
        <translation>%1 avec un délai de 0 attend indéfiniment et bloquerait la console ; donnez-lui un délai (par exemple %2).</translation>
    </message>
    <message>
        <source>%1 would wait longer than the console waits (%2 s at most); give it a shorter timeout.</source>
        <translation>%1 attendrait plus longtemps que la console (%2 s au plus) ; donnez-lui un délai plus court.</translation>
    </message>
    <message>
        <source>FLUSHALL deletes every key of every database. This cannot be undone.</source>
        <translation>FLUSHALL supprime toutes les clés de toutes les bases. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>FLUSHDB deletes every key of the current database. This cannot be undone.</source>
        <translation>FLUSHDB supprime toutes les clés de la base courante. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>SHUTDOWN stops the server: every client is disconnected until it is started again.</source>
        <translation>SHUTDOWN arrête le serveur : tous les clients sont déconnectés jusqu’à son redémarrage.</translation>
    </message>
    <message>
        <source>DEBUG commands can stall, crash or alter the server (SLEEP, SEGFAULT, RELOAD, SET-ACTIVE-EXPIRE …).</source>
        <translation>Les commandes DEBUG peuvent bloquer, planter ou altérer le serveur (SLEEP, SEGFAULT, RELOAD, SET-ACTIVE-EXPIRE …).</translation>
    </message>
    <message>
        <source>CONFIG SET changes the running server&apos;s configuration at once.</source>
        <translation>CONFIG SET modifie immédiatement la configuration du serveur en cours d’exécution.</translation>
    </message>
    <message>
        <source>CONFIG RESETSTAT resets the statistics INFO reports (hits, misses, command statistics, errors …).</source>
        <translation>CONFIG RESETSTAT remet à zéro les statistiques que rapporte INFO (succès et échecs de cache, statistiques des commandes, erreurs …).</translation>
    </message>
    <message>
        <source>CONFIG REWRITE rewrites the server&apos;s configuration file with its running configuration.</source>
        <translation>CONFIG REWRITE réécrit le fichier de configuration du serveur avec sa configuration en cours.</translation>
    </message>
    <message>
        <source>SCRIPT FLUSH removes every cached Lua script: EVALSHA calls fail until the scripts are loaded again.</source>
        <translation>SCRIPT FLUSH supprime tous les scripts Lua en cache : les appels EVALSHA échouent jusqu’à ce que les scripts soient rechargés.</translation>
    </message>
    <message>
        <source>FUNCTION FLUSH deletes every function library: FCALL of their functions fails.</source>
        <translation>FUNCTION FLUSH supprime toutes les bibliothèques de fonctions : les appels FCALL à leurs fonctions échouent.</translation>
    </message>
    <message>
        <source>FUNCTION DELETE deletes a function library: FCALL of its functions fails.</source>
        <translation>FUNCTION DELETE supprime une bibliothèque de fonctions : les appels FCALL à ses fonctions échouent.</translation>
    </message>
    <message>
        <source>CLUSTER RESET makes the node leave the cluster and forget it.</source>
        <translation>CLUSTER RESET fait sortir le nœud du cluster, qu’il oublie.</translation>
    </message>
    <message>
        <source>CLUSTER FAILOVER promotes this replica to master; its master becomes a replica.</source>
        <translation>CLUSTER FAILOVER promeut cette réplique en maître ; son maître devient une réplique.</translation>
    </message>
    <message>
        <source>CLUSTER FORGET removes a node from this node&apos;s view of the cluster.</source>
        <translation>CLUSTER FORGET retire un nœud de la vue que ce nœud a du cluster.</translation>
    </message>
    <message>
        <source>CLUSTER %1 takes hash slots away from this node: the cluster stops serving their keys.</source>
        <translation>CLUSTER %1 retire des hash slots à ce nœud : le cluster cesse de servir leurs clés.</translation>
    </message>
    <message>
        <source>CLUSTER SETSLOT changes which node serves a hash slot (migrations).</source>
        <translation>CLUSTER SETSLOT change le nœud qui sert un hash slot (migrations).</translation>
    </message>
    <message>
        <source>SWAPDB exchanges two databases for every client at once.</source>
        <translation>SWAPDB échange deux bases pour tous les clients à la fois.</translation>
    </message>
    <message>
        <source>%1 makes this server a replica of another (its data is replaced by the master&apos;s), or with NO ONE a master.</source>
        <translation>%1 fait de ce serveur une réplique d’un autre (ses données sont remplacées par celles du maître), ou, avec NO ONE, un maître.</translation>
    </message>
    <message>
        <source>ACL SETUSER creates or changes a user: its clients may gain or lose permissions.</source>
        <translation>ACL SETUSER crée ou modifie un utilisateur : ses clients peuvent gagner ou perdre des permissions.</translation>
    </message>
    <message>
        <source>ACL DELUSER deletes users and disconnects their clients.</source>
        <translation>ACL DELUSER supprime des utilisateurs et déconnecte leurs clients.</translation>
    </message>
    <message>
        <source>CLIENT KILL closes other clients&apos; connections.</source>
        <translation>CLIENT KILL ferme les connexions d’autres clients.</translation>
    </message>
    <message>
        <source>CLIENT PAUSE stops serving clients for the time given.</source>
        <translation>CLIENT PAUSE cesse de servir les clients pendant la durée indiquée.</translation>
    </message>
    <message>
        <source>MIGRATE moves keys to another server and deletes them here (unless COPY).</source>
        <translation>MIGRATE déplace des clés vers un autre serveur et les supprime ici (sauf avec COPY).</translation>
    </message>
    <message>
        <source>SAVE writes the dataset to disk in the foreground: the server answers no one until it is done (BGSAVE does it in the background).</source>
        <translation>SAVE écrit les données sur disque au premier plan : le serveur ne répond à personne avant d’avoir terminé (BGSAVE le fait en arrière-plan).</translation>
    </message>
    <message>
        <source>KEYS walks the whole keyspace in one go and blocks the server on a big keyspace; use the Keys tab, or SCAN, instead.</source>
        <translation>KEYS parcourt tout l’espace de clés d’un seul coup et bloque le serveur sur un gros espace de clés ; utilisez plutôt l’onglet Clés, ou SCAN.</translation>
    </message>
    <message>
        <source>The value is %1 MiB: GET reads it whole, which holds up the server while it is sent and this window while it is read. The Keys tab shows a preview and saves big values to a file.</source>
        <translation>La valeur fait %1 Mio : GET la lit en entier, ce qui retient le serveur pendant l’envoi et cette fenêtre pendant la lecture. L’onglet Clés en montre un aperçu et enregistre les grosses valeurs dans un fichier.</translation>
    </message>
    <message>
        <source>The key holds %1 elements: %2 reads them all at once, which holds up the server while they are sent and this window while they are read. The Keys tab pages through them (HSCAN, SSCAN, LRANGE, ZRANGE, XRANGE in pages).</source>
        <translation>La clé contient %1 éléments : %2 les lit tous d’un coup, ce qui retient le serveur pendant l’envoi et cette fenêtre pendant la lecture. L’onglet Clés les parcourt page par page (HSCAN, SSCAN, LRANGE, ZRANGE, XRANGE par pages).</translation>
    </message>
</context>
<context>
    <name>ConsoleRouting</name>
    <message>
        <source>%1 has no key to route it by: choose the node it is for, or All masters.</source>
        <translation>%1 n’a pas de clé selon laquelle l’acheminer : choisissez le nœud auquel elle est destinée, ou Tous les maîtres.</translation>
    </message>
    <message>
        <source>%1 is not available on a cluster in the console: a transaction needs a connection of its own, and the console shares each node&apos;s connection with its cluster map refreshes.</source>
        <translation>%1 n’est pas disponible sur un cluster dans la console : une transaction demande une connexion à elle seule, et la console partage la connexion de chaque nœud avec les rafraîchissements de la carte du cluster.</translation>
    </message>
    <message>
        <source>On a cluster the console shares each node&apos;s connection with its cluster map refreshes, so a blocking command waits %1 s at most here; give it a shorter timeout.</source>
        <translation>Sur un cluster, la console partage la connexion de chaque nœud avec les rafraîchissements de la carte du cluster : une commande bloquante attend donc ici %1 s au plus ; donnez-lui un délai plus court.</translation>
    </message>
    <message>
        <source>SELECT inside a transaction is not supported by the console: run EXEC or DISCARD first.</source>
        <translation>La console ne prend pas en charge SELECT dans une transaction : exécutez d’abord EXEC ou DISCARD.</translation>
    </message>
</context>
<context>
    <name>ConsoleTargetBar</name>
    <message>
        <source>Target:</source>
        <translation>Cible :</translation>
    </message>
    <message>
        <source>Where commands go: routed by their keys to the master of their slot, to every master, or to one node as is</source>
        <translation>Destination des commandes : routées selon leurs clés vers le maître de leur slot, envoyées à chaque maître, ou à un nœud telles quelles</translation>
    </message>
    <message>
        <source>Routed by key</source>
        <translation>Acheminée selon la clé</translation>
    </message>
    <message>
        <source>All masters</source>
        <translation>Tous les maîtres</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>master, no slots</source>
        <translation>maître, sans slots</translation>
    </message>
    <message>
        <source>master, slots %1</source>
        <translation>maître, slots %1</translation>
    </message>
    <message>
        <source>replica of %1</source>
        <translation>réplique de %1</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>réplique</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nœud</translation>
    </message>
    <message>
        <source>%1 · no longer in the cluster</source>
        <translation>%1 · ne fait plus partie du cluster</translation>
    </message>
</context>
<context>
    <name>DatabaseDock</name>
    <message>
        <source>postgres://user@host:5432/database or host=… dbname=… sslmode=verify-full</source>
        <translation>postgres://utilisateur@hôte:5432/base ou host=… dbname=… sslmode=verify-full</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connecter</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>PostgreSQL URL</source>
        <translation>URL PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>Mot de passe PostgreSQL</translation>
    </message>
</context>
<context>
    <name>DatabaseSelector</name>
    <message>
        <source>Database (SELECT)</source>
        <translation>Base de données (SELECT)</translation>
    </message>
    <message>
        <source>db%1 (%2 keys)</source>
        <translation>db%1 (%2 clés)</translation>
    </message>
    <message>
        <source>Cannot select database %1: %2</source>
        <translation>Impossible de sélectionner la base %1 : %2</translation>
    </message>
</context>
<context>
    <name>ElementDialog</name>
    <message>
        <source>Type \xHH for any byte and \\ for a backslash.</source>
        <translation>Tapez \xHH pour n’importe quel octet et \\ pour une barre oblique inverse.</translation>
    </message>
    <message>
        <source>Malformed escape: use \xHH for a byte and \\ for a backslash.</source>
        <translation>Échappement mal formé : utilisez \xHH pour un octet et \\ pour une barre oblique inverse.</translation>
    </message>
</context>
<context>
    <name>EmbeddedCluster</name>
    <message>
        <source>The local cluster did not form within %1 s (step: %2).</source>
        <translation>Le cluster local ne s’est pas formé en %1 s (étape : %2).</translation>
    </message>
    <message>
        <source>Local cluster (embedded)</source>
        <translation>Cluster local (intégré)</translation>
    </message>
    <message>
        <source>A Redis Cluster needs at least 3 masters.</source>
        <translation>Un Redis Cluster demande au moins 3 maîtres.</translation>
    </message>
    <message>
        <source>starting the nodes</source>
        <translation>démarrage des nœuds</translation>
    </message>
    <message>
        <source>There are not enough free TCP ports on 127.0.0.1 for a local cluster.</source>
        <translation>Pas assez de ports TCP libres sur 127.0.0.1 pour un cluster local.</translation>
    </message>
    <message>
        <source>Node %1 of the local cluster failed: %2</source>
        <translation>Le nœud %1 du cluster local a échoué : %2</translation>
    </message>
    <message>
        <source>assigning slots</source>
        <translation>attribution des slots</translation>
    </message>
    <message>
        <source>CLUSTER MYID failed on node %1: %2</source>
        <translation>Échec de CLUSTER MYID sur le nœud %1 : %2</translation>
    </message>
    <message>
        <source>CLUSTER ADDSLOTSRANGE failed: %1</source>
        <translation>Échec de CLUSTER ADDSLOTSRANGE : %1</translation>
    </message>
    <message>
        <source>introducing the nodes (CLUSTER MEET)</source>
        <translation>présentation des nœuds les uns aux autres (CLUSTER MEET)</translation>
    </message>
    <message>
        <source>CLUSTER MEET failed: %1</source>
        <translation>Échec de CLUSTER MEET : %1</translation>
    </message>
    <message>
        <source>waiting until every node knows every other</source>
        <translation>attente que chaque nœud connaisse tous les autres</translation>
    </message>
    <message>
        <source>Node %1 does not know every other node yet.</source>
        <translation>Le nœud %1 ne connaît pas encore tous les autres nœuds.</translation>
    </message>
    <message>
        <source>attaching the replicas (CLUSTER REPLICATE)</source>
        <translation>rattachement des répliques (CLUSTER REPLICATE)</translation>
    </message>
    <message>
        <source>CLUSTER REPLICATE failed: %1</source>
        <translation>Échec de CLUSTER REPLICATE : %1</translation>
    </message>
    <message>
        <source>CLUSTER REPLICATE: %1</source>
        <translation>CLUSTER REPLICATE : %1</translation>
    </message>
    <message>
        <source>waiting for cluster_state:ok and the replication links</source>
        <translation>attente de cluster_state:ok et des liens de réplication</translation>
    </message>
    <message>
        <source>Node %1 stopped answering: %2</source>
        <translation>Le nœud %1 ne répond plus : %2</translation>
    </message>
    <message>
        <source>Node %1 reports cluster_state:%2.</source>
        <translation>Le nœud %1 indique cluster_state:%2.</translation>
    </message>
    <message>
        <source>Node %1 does not see node %2 as a replica of node %3 yet.</source>
        <translation>Le nœud %1 ne voit pas encore le nœud %2 comme une réplique du nœud %3.</translation>
    </message>
    <message>
        <source>The replication link of node %1 is not up yet.</source>
        <translation>Le lien de réplication du nœud %1 n’est pas encore établi.</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
</context>
<context>
    <name>EmbeddedSentinel</name>
    <message>
        <source>The local Sentinel setup did not form within %1 s (step: %2).</source>
        <translation>Le dispositif Sentinel local ne s’est pas formé en %1 s (étape : %2).</translation>
    </message>
    <message>
        <source>Local sentinel (embedded)</source>
        <translation>Sentinelle locale (intégrée)</translation>
    </message>
    <message>
        <source>A Sentinel setup needs a master name and a quorum of 1 … sentinels.</source>
        <translation>Un dispositif Sentinel demande un nom de maître et un quorum compris entre 1 et le nombre de sentinelles.</translation>
    </message>
    <message>
        <source>starting master and replica</source>
        <translation>démarrage du maître et de la réplique</translation>
    </message>
    <message>
        <source>There are not enough free TCP ports on 127.0.0.1 or no temporary directory for a local Sentinel setup.</source>
        <translation>Pas assez de ports TCP libres sur 127.0.0.1, ou pas de répertoire temporaire, pour un dispositif Sentinel local.</translation>
    </message>
    <message>
        <source>master</source>
        <translation>maître</translation>
    </message>
    <message>
        <source>replica</source>
        <translation>réplique</translation>
    </message>
    <message>
        <source>waiting for the sentinels to see the master, the replica and each other</source>
        <translation>attente que les sentinelles voient le maître, la réplique et les unes les autres</translation>
    </message>
    <message>
        <source>The %1 of the local Sentinel setup failed: %2</source>
        <translation>Le processus %1 du dispositif Sentinel local a échoué : %2</translation>
    </message>
    <message>
        <source>attaching the replica (REPLICAOF)</source>
        <translation>rattachement de la réplique (REPLICAOF)</translation>
    </message>
    <message>
        <source>REPLICAOF failed: %1</source>
        <translation>Échec de REPLICAOF : %1</translation>
    </message>
    <message>
        <source>starting the sentinels</source>
        <translation>démarrage des sentinelles</translation>
    </message>
    <message>
        <source>Cannot write the sentinel configuration %1.</source>
        <translation>Impossible d’écrire la configuration de sentinelle %1.</translation>
    </message>
    <message>
        <source>sentinel %1</source>
        <translation>sentinelle %1</translation>
    </message>
    <message>
        <source>The replica&apos;s link to the master is not up yet.</source>
        <translation>Le lien de la réplique vers le maître n’est pas encore établi.</translation>
    </message>
    <message>
        <source>Sentinel %1 answered: %2</source>
        <translation>La sentinelle %1 a répondu : %2</translation>
    </message>
    <message>
        <source>Sentinel %1 sees flags %2, %3 replicas, %4 other sentinels.</source>
        <translation>La sentinelle %1 voit les indicateurs %2, %3 répliques, %4 autres sentinelles.</translation>
    </message>
</context>
<context>
    <name>EmbeddedServer</name>
    <message>
        <source>To use the embedded server, install redis-server:
- Debian/Ubuntu: sudo apt install redis-server
- macOS: brew install redis
- Windows: put redis-server.exe next to keyscope.exe</source>
        <translation>Pour utiliser le serveur intégré, installez redis-server :
- Debian/Ubuntu : sudo apt install redis-server
- macOS : brew install redis
- Windows : placez redis-server.exe à côté de keyscope.exe</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>Impossible de démarrer %1 : %2</translation>
    </message>
    <message>
        <source>redis-server was not found next to Keyscope or on the PATH.</source>
        <translation>redis-server est introuvable à côté de Keyscope et dans le PATH.</translation>
    </message>
    <message>
        <source>There is no free TCP port on 127.0.0.1 for the embedded redis-server.</source>
        <translation>Aucun port TCP libre sur 127.0.0.1 pour le redis-server intégré.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>Impossible de créer le répertoire de données %1.</translation>
    </message>
    <message>
        <source>Cannot create a temporary data directory: %1</source>
        <translation>Impossible de créer un répertoire de données temporaire : %1</translation>
    </message>
    <message>
        <source>Local (embedded)</source>
        <translation>Local (intégré)</translation>
    </message>
    <message>
        <source>Stopping redis-server (pid %1) left behind in %2.</source>
        <translation>Arrêt du redis-server (pid %1) resté actif dans %2.</translation>
    </message>
    <message>
        <source>redis-server did not answer on 127.0.0.1:%1 within %2 seconds.</source>
        <translation>redis-server n’a pas répondu sur 127.0.0.1:%1 en %2 secondes.</translation>
    </message>
    <message>
        <source>The embedded redis-server stopped unexpectedly (it crashed or was killed).</source>
        <translation>Le redis-server intégré s’est arrêté de façon inattendue (plantage ou processus tué).</translation>
    </message>
    <message>
        <source>The embedded redis-server exited unexpectedly with code %1.</source>
        <translation>Le redis-server intégré s’est arrêté de façon inattendue avec le code %1.</translation>
    </message>
    <message>
        <source>redis-server crashed before it accepted connections.</source>
        <translation>redis-server a planté avant d’accepter des connexions.</translation>
    </message>
    <message>
        <source>redis-server exited with code %1 before it accepted connections.</source>
        <translation>redis-server s’est arrêté avec le code %1 avant d’accepter des connexions.</translation>
    </message>
    <message>
        <source>Last lines of its log:</source>
        <translation>Dernières lignes de son journal :</translation>
    </message>
</context>
<context>
    <name>HealthAdvisor</name>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>The default user needs a password.</source>
        <translation>L’utilisateur par défaut exige un mot de passe.</translation>
    </message>
    <message>
        <source>No password, but the server listens on loopback only: fine on a laptop, not on a shared host.</source>
        <translation>Pas de mot de passe, mais le serveur n’écoute que sur la boucle locale : acceptable sur un portable, pas sur un hôte partagé.</translation>
    </message>
    <message>
        <source>Anyone who can reach this port can read, change and delete every key, and run CONFIG.</source>
        <translation>Quiconque atteint ce port peut lire, modifier et supprimer toutes les clés, et exécuter CONFIG.</translation>
    </message>
    <message>
        <source>Protected mode</source>
        <translation>Mode protégé</translation>
    </message>
    <message>
        <source>protected-mode is off and the server listens beyond loopback (bind %1).</source>
        <translation>protected-mode est désactivé et le serveur écoute au-delà de la boucle locale (bind %1).</translation>
    </message>
    <message>
        <source>protected-mode is %1; bind %2.</source>
        <translation>protected-mode vaut %1 ; bind %2.</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>Limite mémoire</translation>
    </message>
    <message>
        <source>maxmemory is 0: Redis grows until the machine runs out of memory and the kernel kills it, and no eviction policy ever applies.</source>
        <translation>maxmemory vaut 0 : Redis grossit jusqu’à épuiser la mémoire de la machine et se faire tuer par le noyau, et aucune politique d’éviction ne s’applique jamais.</translation>
    </message>
    <message>
        <source>maxmemory is %1.</source>
        <translation>maxmemory vaut %1.</translation>
    </message>
    <message>
        <source>Eviction policy</source>
        <translation>Politique d’éviction</translation>
    </message>
    <message>
        <source>maxmemory-policy is %1.</source>
        <translation>maxmemory-policy vaut %1.</translation>
    </message>
    <message>
        <source>maxmemory-policy is %1 but only %2 of the keys have a TTL: the others are never evicted, and once memory is full writes fail with OOM.</source>
        <translation>maxmemory-policy vaut %1 mais seules %2 des clés ont un TTL : les autres ne sont jamais évincées, et une fois la mémoire pleine les écritures échouent avec OOM.</translation>
    </message>
    <message>
        <source>maxmemory-policy is noeviction but %1 of the keys have a TTL, like a cache: when memory is full, writes fail instead of evicting cache entries.</source>
        <translation>maxmemory-policy vaut noeviction mais %1 des clés ont un TTL, comme un cache : quand la mémoire est pleine, les écritures échouent au lieu d’évincer des entrées de cache.</translation>
    </message>
    <message>
        <source>Append-only file</source>
        <translation>Fichier append-only (AOF)</translation>
    </message>
    <message>
        <source>AOF is on.</source>
        <translation>L’AOF est activé.</translation>
    </message>
    <message>
        <source>AOF is off: after a crash, writes since the last RDB snapshot are lost.</source>
        <translation>L’AOF est désactivé : après un plantage, les écritures depuis le dernier instantané RDB sont perdues.</translation>
    </message>
    <message>
        <source>RDB snapshots</source>
        <translation>Instantanés RDB</translation>
    </message>
    <message>
        <source>save is “%1”.</source>
        <translation>save vaut « %1 ».</translation>
    </message>
    <message>
        <source>RDB snapshots are disabled (save &quot;&quot;): no point-in-time backup, and a full resync of a replica has to create one anyway.</source>
        <translation>Les instantanés RDB sont désactivés (save &quot;&quot;) : pas de sauvegarde ponctuelle, et une resynchronisation complète d’une réplique doit en créer un de toute façon.</translation>
    </message>
    <message>
        <source>Last background save</source>
        <translation>Dernière sauvegarde en arrière-plan</translation>
    </message>
    <message>
        <source>The last BGSAVE failed: with stop-writes-on-bgsave-error (the default) Redis refuses writes until a save succeeds. The server log says why (disk full, permissions).</source>
        <translation>Le dernier BGSAVE a échoué : avec stop-writes-on-bgsave-error (par défaut), Redis refuse les écritures jusqu’à ce qu’une sauvegarde réussisse. Le journal du serveur dit pourquoi (disque plein, permissions).</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Réplication</translation>
    </message>
    <message>
        <source>This replica is connected to its primary.</source>
        <translation>Cette réplique est connectée à son primaire.</translation>
    </message>
    <message>
        <source>This replica has lost its primary (master_link_status down): it serves stale data.</source>
        <translation>Cette réplique a perdu son primaire (master_link_status down) : elle sert des données périmées.</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s) connected.</source>
        <translation>
            <numerusform>%n réplique connectée.</numerusform>
            <numerusform>%n répliques connectées.</numerusform>
        </translation>
    </message>
    <message>
        <source>No replica is connected: if this server should have one, it is missing and there is no failover.</source>
        <translation>Aucune réplique n’est connectée : si ce serveur doit en avoir une, elle manque et aucune bascule n’est possible.</translation>
    </message>
    <message>
        <source>Memory use</source>
        <translation>Utilisation mémoire</translation>
    </message>
    <message>
        <source>%1 of maxmemory in use.</source>
        <translation>%1 de maxmemory utilisés.</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>%1 of lookups find their key, below %2: the cache saves less load than it could (keys expire too soon, or are evicted).</source>
        <translation>%1 des lectures trouvent leur clé, sous %2 : le cache épargne moins de charge qu’il ne pourrait (clés expirées trop tôt, ou évincées).</translation>
    </message>
    <message>
        <source>%1 of lookups find their key.</source>
        <translation>%1 des lectures trouvent leur clé.</translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation>Fragmentation</translation>
    </message>
    <message>
        <source>mem_fragmentation_ratio is %1.</source>
        <translation>mem_fragmentation_ratio vaut %1.</translation>
    </message>
    <message>
        <source>Rejected connections</source>
        <translation>Connexions refusées</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) were refused since the last check: maxclients is reached.</source>
        <translation>
            <numerusform>%n connexion a été refusée depuis la dernière vérification : maxclients est atteint.</numerusform>
            <numerusform>%n connexions ont été refusées depuis la dernière vérification : maxclients est atteint.</numerusform>
        </translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>Évictions</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) were evicted since the last check: memory is full and keys are being dropped.</source>
        <translation>
            <numerusform>%n clé a été évincée depuis la dernière vérification : la mémoire est pleine et des clés sont abandonnées.</numerusform>
            <numerusform>%n clés ont été évincées depuis la dernière vérification : la mémoire est pleine et des clés sont abandonnées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>INFO failed: %1</source>
        <translation>Échec de INFO : %1</translation>
    </message>
</context>
<context>
    <name>HealthChecksPanel</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>Health advisor</source>
        <translation>Conseiller santé</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Select a check to read why it matters and how to fix it.</source>
        <translation>Sélectionnez une vérification pour lire pourquoi elle compte et comment corriger.</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>Tous les nœuds</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Correction : %1</translation>
    </message>
    <message>
        <source>Health checks</source>
        <translation>Vérifications de santé</translation>
    </message>
    <message>
        <source>A row is one check with its status; beneath it, why and the fix</source>
        <translation>Une ligne par vérification avec son état ; en dessous, la raison et le correctif</translation>
    </message>
    <message>
        <source>Selected check&apos;s details</source>
        <translation>Détails de la vérification sélectionnée</translation>
    </message>
</context>
<context>
    <name>HealthDashboardPage</name>
    <message>
        <source>every %1 s</source>
        <translation>toutes les %1 s</translation>
    </message>
    <message>
        <source>last 5 min</source>
        <translation>5 dernières min</translation>
    </message>
    <message>
        <source>last 15 min</source>
        <translation>15 dernières min</translation>
    </message>
    <message>
        <source>last hour</source>
        <translation>dernière heure</translation>
    </message>
    <message>
        <source>last 6 h</source>
        <translation>6 dernières h</translation>
    </message>
    <message>
        <source>last 24 h</source>
        <translation>24 dernières h</translation>
    </message>
    <message>
        <source>Pause (then drag and zoom)</source>
        <translation>Pause (puis glisser et zoomer)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exporter en PNG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>Mio</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>connexions</translation>
    </message>
    <message>
        <source>Cache hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>kB/s</source>
        <translation>ko/s</translation>
    </message>
    <message>
        <source>Latency (PING)</source>
        <translation>Latence (PING)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Evictions, expirations, rejections</source>
        <translation>Évictions, expirations, refus</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>clés</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>Exporter les graphiques</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Export series</source>
        <translation>Exporter les séries</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>%1 ops/s</source>
        <translation>%1 ops/s</translation>
    </message>
    <message>
        <source>hit ratio %1%</source>
        <translation>taux de succès %1 %</translation>
    </message>
    <message>
        <source>p99 %1 ms</source>
        <translation>p99 %1 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>Tous les nœuds</translation>
    </message>
    <message>
        <source>%1 per node</source>
        <translation>%1 par nœud</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ops/s in all</source>
        <translation>%1 ops/s au total</translation>
    </message>
    <message>
        <source>highest p99 %1 ms (%2)</source>
        <translation>p99 le plus élevé %1 ms (%2)</translation>
    </message>
    <message>
        <source>node</source>
        <translation>nœud</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import connections</source>
        <translation>Importer des connexions</translation>
    </message>
    <message>
        <source>Choose a file exported by RedisInsight, Another Redis Desktop Manager, RESP.app (connections.json), Tiny RDM (connections.yaml), Keyscope, or a list of redis:// URLs.</source>
        <translation>Choisissez un fichier exporté par RedisInsight, Another Redis Desktop Manager, RESP.app (connections.json), Tiny RDM (connections.yaml), Keyscope, ou une liste d’URL redis://.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Doublon de</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Connections to import</source>
        <translation>Connexions à importer</translation>
    </message>
    <message>
        <source>A row is one connection found in the file; tick the ones to import</source>
        <translation>Une ligne par connexion trouvée dans le fichier ; cochez celles à importer</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Connection files (*.json *.yaml *.yml *.txt *.ardm);;All files (*)</source>
        <translation>Fichiers de connexions (*.json *.yaml *.yml *.txt *.ardm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Sentinel</source>
        <translation>Sentinel</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Standalone</source>
        <translation>Autonome</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>in the file: to the keychain</source>
        <translation>dans le fichier : vers le trousseau</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n connection(s)</source>
        <translation>
            <numerusform>%1 (%2) : %n connexion</numerusform>
            <numerusform>%1 (%2) : %n connexions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already saved (unticked)</source>
        <translation>
            <numerusform>, %n déjà enregistrée (décochée)</numerusform>
            <numerusform>, %n déjà enregistrées (décochées)</numerusform>
        </translation>
    </message>
    <message>
        <source>; skipped: %1</source>
        <translation> ; ignorés : %1</translation>
    </message>
    <message numerus="yes">
        <source>Import %n connection(s)</source>
        <translation>
            <numerusform>Importer %n connexion</numerusform>
            <numerusform>Importer %n connexions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InfoPoller</name>
    <message>
        <source>INFO failed: %1</source>
        <translation>Échec de INFO : %1</translation>
    </message>
</context>
<context>
    <name>InfoSample</name>
    <message>
        <source>ops/s</source>
        <translation>ops/s</translation>
    </message>
    <message>
        <source>commands/s</source>
        <translation>commandes/s</translation>
    </message>
    <message>
        <source>used memory</source>
        <translation>mémoire utilisée</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>maxmemory</source>
        <translation>maxmemory</translation>
    </message>
    <message>
        <source>fragmentation</source>
        <translation>fragmentation</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>blocked clients</source>
        <translation>clients bloqués</translation>
    </message>
    <message>
        <source>hit ratio</source>
        <translation>taux de succès (hit ratio)</translation>
    </message>
    <message>
        <source>network in kB/s</source>
        <translation>réseau entrant ko/s</translation>
    </message>
    <message>
        <source>network out kB/s</source>
        <translation>réseau sortant ko/s</translation>
    </message>
    <message>
        <source>evicted keys/s</source>
        <translation>clés évincées/s</translation>
    </message>
    <message>
        <source>expired keys/s</source>
        <translation>clés expirées/s</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>clés</translation>
    </message>
    <message>
        <source>rejected connections/s</source>
        <translation>connexions refusées/s</translation>
    </message>
    <message>
        <source>latency p50 ms</source>
        <translation>latence p50 ms</translation>
    </message>
    <message>
        <source>latency p95 ms</source>
        <translation>latence p95 ms</translation>
    </message>
    <message>
        <source>latency p99 ms</source>
        <translation>latence p99 ms</translation>
    </message>
</context>
<context>
    <name>KeyBrowserPage</name>
    <message>
        <source>Filter: a glob pattern such as app:user:* (empty: every key)</source>
        <translation>Filtre : un motif glob comme app:user:* (vide : toutes les clés)</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Parcourir</translation>
    </message>
    <message>
        <source>Scan again with this filter (F5)</source>
        <translation>Parcourir à nouveau avec ce filtre (F5)</translation>
    </message>
    <message>
        <source>Go to key…</source>
        <translation>Aller à la clé…</translation>
    </message>
    <message>
        <source>Open one key by its exact name, without scanning</source>
        <translation>Ouvrir une clé par son nom exact, sans parcours SCAN</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Charger plus</translation>
    </message>
    <message>
        <source>Load all</source>
        <translation>Tout charger</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Delimiters</source>
        <translation>Délimiteurs</translation>
    </message>
    <message>
        <source>Each character splits key names into folders, e.g. :/</source>
        <translation>Chaque caractère découpe les noms de clés en dossiers, par ex. :/</translation>
    </message>
    <message>
        <source>Flat list</source>
        <translation>Liste à plat</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>Show key names as hexadecimal bytes</source>
        <translation>Afficher les noms de clés en octets hexadécimaux</translation>
    </message>
    <message>
        <source>New key…</source>
        <translation>Nouvelle clé…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Copier le nom</translation>
    </message>
    <message>
        <source>Refresh folder</source>
        <translation>Actualiser le dossier</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>Parcourir à nouveau</translation>
    </message>
    <message>
        <source>Delete keys matching a pattern…</source>
        <translation>Supprimer les clés correspondant à un motif…</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>%1 keys loaded</source>
        <translation>%1 clés chargées</translation>
    </message>
    <message>
        <source>%1 matching keys loaded (the database holds %2)</source>
        <translation>%1 clés correspondantes chargées (la base en contient %2)</translation>
    </message>
    <message>
        <source>%1 of %2 keys loaded</source>
        <translation>%1 clés chargées sur %2</translation>
    </message>
    <message>
        <source> — scanning…</source>
        <translation> — parcours en cours…</translation>
    </message>
    <message>
        <source> — complete</source>
        <translation> — terminé</translation>
    </message>
    <message>
        <source> — building the tree…</source>
        <translation> — construction de l’arbre…</translation>
    </message>
    <message>
        <source>Type a key name (\xHH for bytes that are not text).</source>
        <translation>Saisissez un nom de clé (\xHH pour les octets qui ne sont pas du texte).</translation>
    </message>
    <message>
        <source>Could not look up the key: %1</source>
        <translation>Impossible de rechercher la clé : %1</translation>
    </message>
    <message>
        <source>No key named “%1” in db%2.</source>
        <translation>Aucune clé nommée « %1 » dans db%2.</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Supprimer la clé</translation>
    </message>
    <message>
        <source>Delete the key “%1”? This cannot be undone.</source>
        <translation>Supprimer la clé « %1 » ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>« %1 » supprimée.</translation>
    </message>
    <message>
        <source>not connected: %1</source>
        <translation>non connecté : %1</translation>
    </message>
    <message>
        <source>The filter is not valid: \xHH needs two hex digits, and a \ must be followed by a character.</source>
        <translation>Le filtre n’est pas valide : \xHH demande deux chiffres hexadécimaux, et un \ doit être suivi d’un caractère.</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>Key filter (glob pattern)</source>
        <translation>Filtre des clés (motif glob)</translation>
    </message>
    <message>
        <source>Go to key</source>
        <translation>Aller à la clé</translation>
    </message>
    <message>
        <source>A row is a folder of keys or one key: type, TTL, memory</source>
        <translation>Une ligne est un dossier de clés ou une clé : type, TTL, mémoire</translation>
    </message>
</context>
<context>
    <name>KeyDetailsPanel</name>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Select a key to see its details.</source>
        <translation>Sélectionnez une clé pour voir ses détails.</translation>
    </message>
    <message>
        <source>%1* — %2 keys loaded</source>
        <translation>%1* — %2 clés chargées</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not read the key: %1</source>
        <translation>Impossible de lire la clé : %1</translation>
    </message>
    <message>
        <source>This key no longer exists (deleted or expired).</source>
        <translation>Cette clé n’existe plus (supprimée ou expirée).</translation>
    </message>
    <message>
        <source>unavailable (%1)</source>
        <translation>indisponible (%1)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln element(s)</source>
        <translation>
            <numerusform>%Ln élément</numerusform>
            <numerusform>%Ln éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Set or remove the expiry (EXPIRE, PERSIST …)</source>
        <translation>Définir ou retirer l’expiration (EXPIRE, PERSIST …)</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
</context>
<context>
    <name>KeyOperations</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not create “%1”: %2</source>
        <translation>Impossible de créer « %1 » : %2</translation>
    </message>
    <message>
        <source>A key named “%1” already exists.</source>
        <translation>Une clé nommée « %1 » existe déjà.</translation>
    </message>
    <message>
        <source>“%1” no longer exists.</source>
        <translation>« %1 » n’existe plus.</translation>
    </message>
    <message>
        <source>Could not rename “%1”: %2</source>
        <translation>Impossible de renommer « %1 » : %2</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>Suppression impossible : %1</translation>
    </message>
    <message>
        <source>Could not change the TTL of “%1”: %2</source>
        <translation>Impossible de modifier le TTL de « %1 » : %2</translation>
    </message>
    <message>
        <source>Could not change the TTL: “%1” no longer exists.</source>
        <translation>Impossible de modifier le TTL : « %1 » n’existe plus.</translation>
    </message>
</context>
<context>
    <name>KeyScanner</name>
    <message>
        <source>The connection to a node was closed during the scan.</source>
        <translation>La connexion à un nœud a été fermée pendant le parcours.</translation>
    </message>
    <message>
        <source>SCAN failed: %1</source>
        <translation>Échec de SCAN : %1</translation>
    </message>
    <message>
        <source>SCAN returned an unexpected reply.</source>
        <translation>SCAN a renvoyé une réponse inattendue.</translation>
    </message>
</context>
<context>
    <name>KeyTreeModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message numerus="yes">
        <source>%1* — %n key(s)</source>
        <translation>
            <numerusform>%1* — %n clé</numerusform>
            <numerusform>%1* — %n clés</numerusform>
        </translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(supprimée)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
</context>
<context>
    <name>LocalServerActions</name>
    <message>
        <source>3 masters and 3 replicas of the local redis-server, then connect to it</source>
        <translation>3 maîtres et 3 répliques du redis-server local, puis s’y connecter</translation>
    </message>
    <message>
        <source>A master, a replica and 3 sentinels of the local redis-server; connect to the master through the sentinels and follow its failovers</source>
        <translation>Un maître, une réplique et 3 sentinelles du redis-server local ; se connecter au maître via les sentinelles et suivre ses bascules</translation>
    </message>
    <message>
        <source>The local server failed: %1</source>
        <translation>Échec du serveur local : %1</translation>
    </message>
    <message>
        <source>The local cluster failed: %1</source>
        <translation>Échec du cluster local : %1</translation>
    </message>
    <message>
        <source>The local Sentinel setup failed: %1</source>
        <translation>Échec du dispositif Sentinel local : %1</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <source>Starting the local redis-server…</source>
        <translation>Démarrage du redis-server local…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Starting a local cluster of 6 redis-server nodes…</source>
        <translation>Démarrage d’un cluster local de 6 nœuds redis-server…</translation>
    </message>
    <message>
        <source>Starting a master, a replica and 3 sentinels…</source>
        <translation>Démarrage d’un maître, d’une réplique et de 3 sentinelles…</translation>
    </message>
    <message>
        <source>Running on %1
Data directory: %2</source>
        <translation>En service sur %1
Répertoire de données : %2</translation>
    </message>
    <message>
        <source>Local cluster formed in %1 s.</source>
        <translation>Cluster local formé en %1 s.</translation>
    </message>
    <message>
        <source>Local Sentinel setup ready in %1 s.</source>
        <translation>Dispositif Sentinel local prêt en %1 s.</translation>
    </message>
    <message>
        <source>Stop local server</source>
        <translation>Arrêter le serveur local</translation>
    </message>
    <message>
        <source>Start local server</source>
        <translation>Démarrer le serveur local</translation>
    </message>
    <message>
        <source>Stop local cluster</source>
        <translation>Arrêter le cluster local</translation>
    </message>
    <message>
        <source>Start local cluster (6 nodes)</source>
        <translation>Démarrer un cluster local (6 nœuds)</translation>
    </message>
    <message>
        <source>Stop local Sentinel setup</source>
        <translation>Arrêter le dispositif Sentinel local</translation>
    </message>
    <message>
        <source>Start local Sentinel setup</source>
        <translation>Démarrer un dispositif Sentinel local</translation>
    </message>
</context>
<context>
    <name>LocalServers</name>
    <message>
        <source>Local (embedded)</source>
        <translation>Local (intégré)</translation>
    </message>
    <message>
        <source>Local cluster (embedded)</source>
        <translation>Cluster local (intégré)</translation>
    </message>
    <message>
        <source>Local Sentinel setup (embedded)</source>
        <translation>Dispositif Sentinel local (intégré)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keyscope</source>
        <translation>Keyscope</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Not connected.

Double-click a connection on the left, or add one with New profile.</source>
        <translation>Non connecté.

Double-cliquez sur une connexion à gauche, ou ajoutez-en une avec Nouveau profil.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Keyscope</source>
        <translation>À &amp;propos de Keyscope</translation>
    </message>
    <message>
        <source>Keychain: %1. Passwords are kept for this session only.</source>
        <translation>Trousseau : %1. Les mots de passe ne sont conservés que pour cette session.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Déconnecter</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Nouveau profil…</translation>
    </message>
    <message>
        <source>&amp;Edit profile…</source>
        <translation>&amp;Modifier le profil…</translation>
    </message>
    <message>
        <source>De&amp;lete profile…</source>
        <translation>&amp;Supprimer le profil…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>C&amp;onnexion</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Double-click a connection to open it.</source>
        <translation>Double-cliquez sur une connexion pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Reading the password of %1…</source>
        <translation>Lecture du mot de passe de %1…</translation>
    </message>
    <message>
        <source>The local server stopped.</source>
        <translation>Le serveur local s’est arrêté.</translation>
    </message>
    <message>
        <source>%1 — Keyscope</source>
        <translation>%1 — Keyscope</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Mot de passe pour %1 :</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation>Onglet %1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>%1 (embedded, %2)</source>
        <translation>%1 (intégré, %2)</translation>
    </message>
    <message>
        <source>%1 (on %2)</source>
        <translation>%1 (sur %2)</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Fenêtre principale</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Open the selected connection in a tab of its own</source>
        <translation></translation>
    </message>
    <message>
        <source>Close the connection shown; the others stay open</source>
        <translation>Fermer la connexion affichée ; les autres restent ouvertes</translation>
    </message>
    <message>
        <source>Next connection</source>
        <translation>Connexion suivante</translation>
    </message>
    <message>
        <source>Previous connection</source>
        <translation>Connexion précédente</translation>
    </message>
    <message>
        <source>Saved profiles and open connections; a row is one connection</source>
        <translation>Profils enregistrés et connexions ouvertes ; une ligne par connexion</translation>
    </message>
    <message>
        <source>&amp;Import connections…</source>
        <translation>&amp;Importer des connexions…</translation>
    </message>
    <message>
        <source>&amp;Export connections…</source>
        <translation>&amp;Exporter les connexions…</translation>
    </message>
</context>
<context>
    <name>MessagePack</name>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>nested deeper than %1</source>
        <translation>imbriqué sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>malformed at byte %1</source>
        <translation>mal formé à l’octet %1</translation>
    </message>
    <message>
        <source>ends early, at byte %1</source>
        <translation>se termine trop tôt, à l’octet %1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) follow the value</source>
        <translation>
            <numerusform>%n octet suit la valeur</numerusform>
            <numerusform>%n octets suivent la valeur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewKeyDialog</name>
    <message>
        <source>New key</source>
        <translation>Nouvelle clé</translation>
    </message>
    <message>
        <source>app:user:42 (\xHH for any byte)</source>
        <translation>app:user:42 (\xHH pour n’importe quel octet)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Chaîne (string)</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste (list)</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Ensemble (set)</translation>
    </message>
    <message>
        <source>Sorted set</source>
        <translation>Ensemble trié (zset)</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Champ :</translation>
    </message>
    <message>
        <source>&amp;Score:</source>
        <translation>&amp;Score :</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Sans expiration</translation>
    </message>
    <message>
        <source>T&amp;TL:</source>
        <translation>T&amp;TL :</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur :</translation>
    </message>
    <message>
        <source>First &amp;element:</source>
        <translation>Premier &amp;élément :</translation>
    </message>
    <message>
        <source>First &amp;member:</source>
        <translation>Premier &amp;membre :</translation>
    </message>
    <message>
        <source>Enter a key name.</source>
        <translation>Saisissez un nom de clé.</translation>
    </message>
    <message>
        <source>The name has a malformed escape (use \xHH).</source>
        <translation>Le nom contient un échappement mal formé (utilisez \xHH).</translation>
    </message>
    <message>
        <source>The field or value has a malformed escape (use \xHH).</source>
        <translation>Le champ ou la valeur contient un échappement mal formé (utilisez \xHH).</translation>
    </message>
    <message>
        <source>Enter a field name.</source>
        <translation>Saisissez un nom de champ.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
</context>
<context>
    <name>PgConfig</name>
    <message>
        <source>No TLS: passwords and data cross the network in the clear.</source>
        <translation>Pas de TLS : les mots de passe et les données circulent en clair sur le réseau.</translation>
    </message>
    <message>
        <source>Plain first, TLS only if the server insists. Not protected.</source>
        <translation>En clair d’abord, TLS seulement si le serveur l’exige. Non protégé.</translation>
    </message>
    <message>
        <source>TLS when the server offers it, plain otherwise; the certificate is not checked (default).</source>
        <translation>TLS si le serveur le propose, en clair sinon ; le certificat n’est pas vérifié (par défaut).</translation>
    </message>
    <message>
        <source>Always TLS, but the certificate is not checked: protects against eavesdropping, not against an impostor.</source>
        <translation>Toujours TLS, mais le certificat n’est pas vérifié : protège contre l’écoute, pas contre un imposteur.</translation>
    </message>
    <message>
        <source>Always TLS, and the certificate must be signed by the CA in sslrootcert (any host name).</source>
        <translation>Toujours TLS, et le certificat doit être signé par l’AC de sslrootcert (quel que soit le nom d’hôte).</translation>
    </message>
    <message>
        <source>Always TLS, the certificate must be signed by the CA in sslrootcert and name this host: the only mode that proves you reached the right server. Use it over the internet (Supabase, RDS).</source>
        <translation>Toujours TLS, le certificat doit être signé par l’AC de sslrootcert et porter le nom de cet hôte : le seul mode qui prouve que vous avez joint le bon serveur. Utilisez-le sur Internet (Supabase, RDS).</translation>
    </message>
    <message>
        <source>Cannot read the connection string: %1</source>
        <translation>Impossible de lire la chaîne de connexion : %1</translation>
    </message>
    <message>
        <source>Cannot read the connection string: out of memory.</source>
        <translation>Impossible de lire la chaîne de connexion : mémoire insuffisante.</translation>
    </message>
    <message>
        <source>Unknown sslmode &quot;%1&quot;: use disable, allow, prefer, require, verify-ca or verify-full.</source>
        <translation>sslmode « %1 » inconnu : utilisez disable, allow, prefer, require, verify-ca ou verify-full.</translation>
    </message>
    <message>
        <source>connect_timeout must be a number of seconds, not &quot;%1&quot;.</source>
        <translation>connect_timeout doit être un nombre de secondes, pas « %1 ».</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>socket local</translation>
    </message>
</context>
<context>
    <name>PgConnection</name>
    <message>
        <source>The server cancelled the query (statement_timeout): %1</source>
        <translation>Le serveur a annulé la requête (statement_timeout) : %1</translation>
    </message>
    <message>
        <source>Refused: this connection is read-only (%1).</source>
        <translation>Refusé : cette connexion est en lecture seule (%1).</translation>
    </message>
    <message>
        <source>The query failed: %1 (SQLSTATE %2)</source>
        <translation>La requête a échoué : %1 (SQLSTATE %2)</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>La connexion a été fermée.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Host %1 not found: %2</source>
        <translation>Hôte %1 introuvable : %2</translation>
    </message>
    <message>
        <source>libpq is out of memory.</source>
        <translation>libpq manque de mémoire.</translation>
    </message>
    <message>
        <source>libpq has no socket.</source>
        <translation>libpq n’a pas de socket.</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>La connexion au serveur a été perdue.</translation>
    </message>
    <message>
        <source>No connection within %1 s (connect_timeout).</source>
        <translation>Pas de connexion en %1 s (connect_timeout).</translation>
    </message>
    <message>
        <source>No answer from the server within %1 s: the connection is dropped and opened again.</source>
        <translation>Pas de réponse du serveur en %1 s : la connexion est abandonnée puis rouverte.</translation>
    </message>
    <message>
        <source>Cannot send the query.</source>
        <translation>Impossible d’envoyer la requête.</translation>
    </message>
    <message>
        <source>Refused: this read-only connection runs only SELECT, WITH, VALUES, TABLE and SHOW statements, not &quot;%1&quot;.</source>
        <translation>Refusé : cette connexion en lecture seule n’exécute que des instructions SELECT, WITH, VALUES, TABLE et SHOW, pas « %1 ».</translation>
    </message>
    <message>
        <source>libpq cannot pipeline queries.</source>
        <translation>libpq ne sait pas envoyer les requêtes en pipeline.</translation>
    </message>
</context>
<context>
    <name>PgError</name>
    <message>
        <source>Server said: %1</source>
        <translation>Réponse du serveur : %1</translation>
    </message>
    <message>
        <source>The server refuses new connections: every connection slot is in use (SQLSTATE 53300, too many clients).</source>
        <translation>Le serveur refuse les nouvelles connexions : tous les emplacements de connexion sont occupés (SQLSTATE 53300, too many clients).</translation>
    </message>
    <message>
        <source>Authentication failed: the server refused the password. %1</source>
        <translation>Échec de l’authentification : le serveur a refusé le mot de passe. %1</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Échec de l’authentification : %1</translation>
    </message>
    <message>
        <source>Authentication failed: the server asks for a password and the profile has none.</source>
        <translation>Échec de l’authentification : le serveur demande un mot de passe et le profil n’en a pas.</translation>
    </message>
    <message>
        <source>The server&apos;s pg_hba.conf has no rule that lets this user connect from here (or with this TLS mode). %1</source>
        <translation>Le pg_hba.conf du serveur n’a aucune règle qui autorise cet utilisateur à se connecter d’ici (ou avec ce mode TLS). %1</translation>
    </message>
    <message>
        <source>Authentication failed: no such role on the server. %1</source>
        <translation>Échec de l’authentification : ce rôle n’existe pas sur le serveur. %1</translation>
    </message>
    <message>
        <source>The database does not exist on the server. %1</source>
        <translation>La base de données n’existe pas sur le serveur. %1</translation>
    </message>
    <message>
        <source>TLS failed: the server does not accept TLS connections, but the profile&apos;s sslmode requires TLS.</source>
        <translation>Échec TLS : le serveur n’accepte pas les connexions TLS, mais le sslmode du profil exige TLS.</translation>
    </message>
    <message>
        <source>TLS verification failed: the server&apos;s certificate is for another host name. %1</source>
        <translation>Échec de la vérification TLS : le certificat du serveur est établi pour un autre nom d’hôte. %1</translation>
    </message>
    <message>
        <source>TLS verification needs a root certificate (sslrootcert) to check the server against. %1</source>
        <translation>La vérification TLS demande un certificat racine (sslrootcert) pour contrôler le serveur. %1</translation>
    </message>
    <message>
        <source>TLS verification failed: the server&apos;s certificate is not signed by a trusted authority. %1</source>
        <translation>Échec de la vérification TLS : le certificat du serveur n’est pas signé par une autorité de confiance. %1</translation>
    </message>
    <message>
        <source>TLS failed. %1</source>
        <translation>Échec TLS. %1</translation>
    </message>
    <message>
        <source>Connection refused: nothing listens on that host and port (is PostgreSQL running and listening on TCP?).</source>
        <translation>Connexion refusée : rien n’écoute sur cet hôte et ce port (PostgreSQL tourne-t-il, et écoute-t-il en TCP ?).</translation>
    </message>
    <message>
        <source>Host not found. %1</source>
        <translation>Hôte introuvable. %1</translation>
    </message>
    <message>
        <source>The connection timed out. %1</source>
        <translation>Délai de connexion dépassé. %1</translation>
    </message>
    <message>
        <source>The server cannot accept connections now. %1</source>
        <translation>Le serveur ne peut pas accepter de connexions pour le moment. %1</translation>
    </message>
    <message>
        <source>The server closed the connection. %1</source>
        <translation>Le serveur a fermé la connexion. %1</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
</context>
<context>
    <name>PgHealthPoller</name>
    <message>
        <source>The server refuses new connections: %1 of %2 used (SQLSTATE 53300, too many clients). Retrying.</source>
        <translation>Le serveur refuse les nouvelles connexions : %1 sur %2 utilisées (SQLSTATE 53300, too many clients). Nouvelle tentative.</translation>
    </message>
    <message>
        <source>The server refuses new connections: every slot is used (SQLSTATE 53300, too many clients). Retrying.</source>
        <translation>Le serveur refuse les nouvelles connexions : tous les emplacements sont occupés (SQLSTATE 53300, too many clients). Nouvelle tentative.</translation>
    </message>
</context>
<context>
    <name>PgSample</name>
    <message>
        <source>The statistics query returned an unexpected shape (%1 results).</source>
        <translation>La requête de statistiques a renvoyé un résultat de forme inattendue (%1 résultats).</translation>
    </message>
    <message>
        <source>(not visible)</source>
        <translation>(non visible)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>(local socket)</source>
        <translation>(socket local)</translation>
    </message>
    <message numerus="yes">
        <source>%n deadlock(s) in database %1 since the last sample: two transactions took the same locks in opposite orders.</source>
        <translation>
            <numerusform>%n interblocage (deadlock) dans la base %1 depuis le dernier échantillon : deux transactions ont pris les mêmes verrous dans des ordres opposés.</numerusform>
            <numerusform>%n interblocages (deadlocks) dans la base %1 depuis le dernier échantillon : deux transactions ont pris les mêmes verrous dans des ordres opposés.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 usable connections are in use (over %3%): the next pool to grow will hit &quot;too many clients&quot;. Lower the pools&apos; maximum size, or put a pooler (PgBouncer, Supavisor) in front.</source>
        <translation>%1 des %2 connexions utilisables sont occupées (plus de %3 %) : le prochain pool qui grandira se heurtera à « too many clients ». Réduisez la taille maximale des pools, ou placez un pooler (PgBouncer, Supavisor) devant.</translation>
    </message>
    <message>
        <source>%1 sessions have been idle in transaction for %2 s or more: each holds its connection, its locks and old row versions until it ends. Find the code path that does not commit, and set idle_in_transaction_session_timeout.</source>
        <translation>%1 sessions sont dans l’état idle in transaction depuis %2 s ou plus : chacune garde sa connexion, ses verrous et d’anciennes versions de lignes jusqu’à sa fin. Trouvez le chemin de code qui ne valide pas (COMMIT), et définissez idle_in_transaction_session_timeout.</translation>
    </message>
</context>
<context>
    <name>PhpSerialized</name>
    <message>
        <source>nested deeper than %1</source>
        <translation>imbriqué sur plus de %1 niveaux</translation>
    </message>
    <message>
        <source>malformed at byte %1</source>
        <translation>mal formé à l’octet %1</translation>
    </message>
    <message>
        <source>ends early, at byte %1</source>
        <translation>se termine trop tôt, à l’octet %1</translation>
    </message>
    <message>
        <source>malformed session entry</source>
        <translation>entrée de session mal formée</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) follow the value</source>
        <translation>
            <numerusform>%n octet suit la valeur</numerusform>
            <numerusform>%n octets suivent la valeur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostgresPage</name>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>idle</translation>
    </message>
    <message>
        <source>idle in transaction</source>
        <translation>idle in transaction</translation>
    </message>
    <message>
        <source>idle in transaction (aborted)</source>
        <translation>idle in transaction (aborted)</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>transactions/s</source>
        <translation>transactions/s</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>toutes les %1 s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Long query after</source>
        <translation>Requête longue après</translation>
    </message>
    <message>
        <source>Long idle in transaction after</source>
        <translation>Idle in transaction long après</translation>
    </message>
    <message>
        <source>Advise when idle in transaction ≥</source>
        <translation>Conseiller si idle in transaction ≥</translation>
    </message>
    <message>
        <source>Connections by state</source>
        <translation>Connexions par état</translation>
    </message>
    <message>
        <source>Waiting sessions</source>
        <translation>Sessions en attente</translation>
    </message>
    <message>
        <source>Transactions per second</source>
        <translation>Transactions par seconde</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>connexions</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>sessions</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>par seconde</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Client address</source>
        <translation>Adresse du client</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Wait type</source>
        <translation>Type d’attente</translation>
    </message>
    <message>
        <source>Wait event</source>
        <translation>Événement d’attente</translation>
    </message>
    <message>
        <source>Waiting (s)</source>
        <translation>Attente (s)</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Bloquée par</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>For (s)</source>
        <translation>Depuis (s)</translation>
    </message>
    <message>
        <source>Long-running</source>
        <translation>Longue durée</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>Transactions/s</source>
        <translation>Transactions/s</translation>
    </message>
    <message>
        <source>Tuples returned/s</source>
        <translation>Lignes renvoyées/s</translation>
    </message>
    <message>
        <source>Tuples fetched/s</source>
        <translation>Lignes récupérées/s</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>Interblocages (deadlocks)</translation>
    </message>
    <message>
        <source>Temp files</source>
        <translation>Fichiers temporaires</translation>
    </message>
    <message>
        <source>Temp bytes</source>
        <translation>Octets temporaires</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Bases de données</translation>
    </message>
    <message>
        <source>Select a waiting or long-running session to read its whole query.</source>
        <translation>Sélectionnez une session en attente ou de longue durée pour lire sa requête entière.</translation>
    </message>
    <message>
        <source>PostgreSQL %1.%2 at %3</source>
        <translation>PostgreSQL %1.%2 sur %3</translation>
    </message>
    <message>
        <source>no TLS</source>
        <translation>sans TLS</translation>
    </message>
    <message>
        <source>TLS %1</source>
        <translation>TLS %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Retrying %1…</source>
        <translation>Nouvelle tentative vers %1…</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Non connecté à %1</translation>
    </message>
    <message>
        <source>Connections: %1 of %2 usable (max_connections %3, %4 reserved for superusers)</source>
        <translation>Connexions : %1 sur %2 utilisables (max_connections %3, dont %4 réservées aux superutilisateurs)</translation>
    </message>
    <message>
        <source>nobody waiting</source>
        <translation>personne en attente</translation>
    </message>
    <message>
        <source>%1 waiting, longest %2 s (pid %3, %4)</source>
        <translation>%1 en attente, la plus longue depuis %2 s (pid %3, %4)</translation>
    </message>
    <message>
        <source>%1 transactions/s</source>
        <translation>%1 transactions/s</translation>
    </message>
    <message>
        <source>query</source>
        <translation>requête</translation>
    </message>
    <message>
        <source>%1 (%2 for %3 s)</source>
        <translation>%1 (%2 depuis %3 s)</translation>
    </message>
    <message>
        <source>Long query after (seconds)</source>
        <translation>Requête longue après (secondes)</translation>
    </message>
    <message>
        <source>Long idle in transaction after (seconds)</source>
        <translation>Inactif en transaction trop longtemps après (secondes)</translation>
    </message>
    <message>
        <source>Advise when this many sessions are idle in transaction</source>
        <translation>Conseiller quand autant de sessions sont inactives en transaction</translation>
    </message>
    <message>
        <source>Sessions by state</source>
        <translation>Sessions par état</translation>
    </message>
    <message>
        <source>Sessions by application</source>
        <translation>Sessions par application</translation>
    </message>
    <message>
        <source>Sessions by client address</source>
        <translation>Sessions par adresse client</translation>
    </message>
    <message>
        <source>Long-running sessions</source>
        <translation>Sessions longues</translation>
    </message>
    <message>
        <source>Selected session&apos;s query</source>
        <translation>Requête de la session sélectionnée</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <source>New connection profile</source>
        <translation>Nouveau profil de connexion</translation>
    </message>
    <message>
        <source>Edit connection profile</source>
        <translation>Modifier le profil de connexion</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>Supprimer le profil</translation>
    </message>
    <message>
        <source>Delete the profile “%1”? Its saved password is deleted too.</source>
        <translation>Supprimer le profil « %1 » ? Son mot de passe enregistré sera supprimé aussi.</translation>
    </message>
    <message>
        <source>Import connections</source>
        <translation>Importer des connexions</translation>
    </message>
    <message>
        <source>Connection files (*.json *.yaml *.yml *.txt *.ardm);;All files (*)</source>
        <translation>Fichiers de connexions (*.json *.yaml *.yml *.txt *.ardm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Export connections</source>
        <translation>Exporter les connexions</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Write the passwords into the file too? They would be stored there in clear text.</source>
        <translation>Écrire aussi les mots de passe dans le fichier ? Ils y seraient stockés en clair.</translation>
    </message>
    <message>
        <source>Leave passwords out</source>
        <translation>Sans les mots de passe</translation>
    </message>
    <message>
        <source>Include passwords</source>
        <translation>Avec les mots de passe</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Profil de connexion</translation>
    </message>
    <message>
        <source>host:port</source>
        <translation>hôte:port</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>No system keychain: the password is kept for this session only and will be asked again next time</source>
        <translation>Pas de trousseau système : le mot de passe n’est conservé que pour cette session et sera redemandé la prochaine fois</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base :</translation>
    </message>
    <message>
        <source>No colour</source>
        <translation>Sans couleur</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>Rouge</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>Colour tag:</source>
        <translation>Couleur :</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>Utiliser TLS</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>Certificat d’AC :</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Certificats du système</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client :</translation>
    </message>
    <message>
        <source>Same as host</source>
        <translation>Identique à l’hôte</translation>
    </message>
    <message>
        <source>Server name (SNI):</source>
        <translation>Nom du serveur (SNI) :</translation>
    </message>
    <message>
        <source>Verify server certificate and hostname</source>
        <translation>Vérifier le certificat et le nom d’hôte du serveur</translation>
    </message>
    <message>
        <source>Without verification anyone on the network path can pose as this server and read the password and every value.</source>
        <translation>Sans vérification, n’importe qui sur le chemin réseau peut se faire passer pour ce serveur et lire le mot de passe et toutes les valeurs.</translation>
    </message>
    <message>
        <source>Read-only: send only commands that cannot change data</source>
        <translation>Lecture seule : n’envoyer que des commandes qui ne modifient pas les données</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Enter a host name or address.</source>
        <translation>Saisissez un nom d’hôte ou une adresse.</translation>
    </message>
    <message>
        <source>Connected: Redis %1 (%2), %3</source>
        <translation>Connecté : Redis %1 (%2), %3</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Paste a redis://, rediss:// or redis+sentinel:// URL</source>
        <translation>Collez une URL redis://, rediss:// ou redis+sentinel://</translation>
    </message>
    <message>
        <source>Through Sentinel</source>
        <translation>Via Sentinel</translation>
    </message>
    <message>
        <source>The sentinels name the current master, and the session follows its failovers. The master is reached with the username, password, database and TLS settings of this profile; host and port are not used.</source>
        <translation>Les sentinelles indiquent le maître actuel, et la session suit ses bascules. Le maître est joint avec l’utilisateur, le mot de passe, la base et les réglages TLS de ce profil ; l’hôte et le port ne sont pas utilisés.</translation>
    </message>
    <message>
        <source>10.0.0.1:26379, 10.0.0.2:26379, 10.0.0.3:26379</source>
        <translation>10.0.0.1:26379, 10.0.0.2:26379, 10.0.0.3:26379</translation>
    </message>
    <message>
        <source>Sentinels:</source>
        <translation>Sentinelles :</translation>
    </message>
    <message>
        <source>mymaster</source>
        <translation>mymaster</translation>
    </message>
    <message>
        <source>Master name:</source>
        <translation>Nom du maître :</translation>
    </message>
    <message>
        <source>Sentinel username:</source>
        <translation>Utilisateur Sentinel :</translation>
    </message>
    <message>
        <source>Sentinel password:</source>
        <translation>Mot de passe Sentinel :</translation>
    </message>
    <message>
        <source>Enter at least one sentinel as host:port (port 26379 when left out), several separated by commas.</source>
        <translation>Saisissez au moins une sentinelle sous la forme hôte:port (port 26379 s’il est omis), plusieurs séparées par des virgules.</translation>
    </message>
    <message>
        <source>Enter the name of the master the sentinels monitor (the name in “sentinel monitor”).</source>
        <translation>Saisissez le nom du maître que surveillent les sentinelles (le nom dans « sentinel monitor »).</translation>
    </message>
    <message>
        <source>Asking the sentinels for master “%1”…</source>
        <translation>Interrogation des sentinelles sur le maître « %1 »…</translation>
    </message>
    <message>
        <source>Connecting to master %1…</source>
        <translation>Connexion au maître %1…</translation>
    </message>
    <message>
        <source>master %1: %2</source>
        <translation>maître %1 : %2</translation>
    </message>
    <message>
        <source>Connected through Sentinel to master %1: Redis %2 (%3), %4</source>
        <translation>Connecté via Sentinel au maître %1 : Redis %2 (%3), %4</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>The system keychain cannot be used (%1). Passwords are kept for this session only and will be asked for again next time.</source>
        <translation>Le trousseau système est inutilisable (%1). Les mots de passe ne sont conservés que pour cette session et seront redemandés la prochaine fois.</translation>
    </message>
</context>
<context>
    <name>PubSubDetailsPanel</name>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>Show payload as</source>
        <translation>Afficher le contenu en</translation>
    </message>
    <message>
        <source>Auto: JSON, or MessagePack (Socket.IO adapter packets), else text</source>
        <translation>Auto : JSON, ou MessagePack (paquets de l’adaptateur Socket.IO), sinon texte</translation>
    </message>
    <message>
        <source>Selected message&apos;s payload</source>
        <translation>Contenu du message sélectionné</translation>
    </message>
    <message>
        <source>
… (stopped here)</source>
        <translation>
… (arrêté ici)</translation>
    </message>
    <message>
        <source>(not a JSON object or array)</source>
        <translation>(pas un objet ou un tableau JSON)</translation>
    </message>
    <message>
        <source>(not MessagePack: %1)</source>
        <translation>(pas du MessagePack : %1)</translation>
    </message>
</context>
<context>
    <name>PubSubMessageModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Contenu</translation>
    </message>
</context>
<context>
    <name>PubSubOverview</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>PubSubOverviewPanel</name>
    <message>
        <source>Channels on the server (PUBSUB)</source>
        <translation>Canaux sur le serveur (PUBSUB)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Subscribers</source>
        <translation>Abonnés</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Pattern subscriptions: %1</source>
        <translation>Abonnements par motif : %1</translation>
    </message>
    <message>
        <source>shard channel</source>
        <translation>canal shardé</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canal</translation>
    </message>
    <message>
        <source>Channels on the server</source>
        <translation>Canaux sur le serveur</translation>
    </message>
    <message>
        <source>A row is one channel: kind, subscribers, node</source>
        <translation>Une ligne par canal : type, abonnés, nœud</translation>
    </message>
</context>
<context>
    <name>PubSubPage</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Shard channel</source>
        <translation>Canal shardé</translation>
    </message>
    <message>
        <source>SUBSCRIBE, PSUBSCRIBE or SSUBSCRIBE (Redis 7 and later)</source>
        <translation>SUBSCRIBE, PSUBSCRIBE ou SSUBSCRIBE (Redis 7 et ultérieur)</translation>
    </message>
    <message>
        <source>batch:123, socket.io#/#*, …</source>
        <translation>batch:123, socket.io#/#*, …</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>S’abonner</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>Se désabonner</translation>
    </message>
    <message>
        <source>No subscriber connection yet.</source>
        <translation>Pas encore de connexion d’abonné.</translation>
    </message>
    <message>
        <source>Filter messages (channel or payload text)</source>
        <translation>Filtrer les messages (canal ou texte du contenu)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>Latency (publish → subscriber)</source>
        <translation>Latence (publication → abonné)</translation>
    </message>
    <message>
        <source>Start probe</source>
        <translation>Lancer la sonde</translation>
    </message>
    <message>
        <source>Publishes a timestamped probe 5 times a second on its own channel.</source>
        <translation>Publie une sonde horodatée 5 fois par seconde sur son propre canal.</translation>
    </message>
    <message>
        <source>Type a channel or pattern (\xHH for any byte).</source>
        <translation>Saisissez un canal ou un motif (\xHH pour n’importe quel octet).</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>Exporter les messages</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Received %1 — in the buffer %2 of %3 — dropped %4</source>
        <translation>Reçus %1 — dans le tampon %2 sur %3 — perdus %4</translation>
    </message>
    <message>
        <source> — paused, %1 waiting</source>
        <translation> — en pause, %1 en attente</translation>
    </message>
    <message>
        <source>p50 %1 ms — p95 %2 ms — p99 %3 ms (last %4 probes)</source>
        <translation>p50 %1 ms — p95 %2 ms — p99 %3 ms (%4 dernières sondes)</translation>
    </message>
    <message>
        <source>Stop probe</source>
        <translation>Arrêter la sonde</translation>
    </message>
    <message>
        <source>Exported %1 messages to %2</source>
        <translation>%1 messages exportés vers %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>keep </source>
        <translation>garder </translation>
    </message>
    <message>
        <source>How many messages the buffer keeps; older ones are dropped and counted</source>
        <translation>Nombre de messages gardés dans le tampon ; les plus anciens sont abandonnés et comptés</translation>
    </message>
    <message>
        <source>Copy the selected payload</source>
        <translation>Copier le message sélectionné</translation>
    </message>
    <message>
        <source>%1 — on %2</source>
        <translation>%1 — sur %2</translation>
    </message>
    <message>
        <source>%1 — subscribing on %2…</source>
        <translation>%1 — abonnement sur %2…</translation>
    </message>
    <message>
        <source>%1 — waiting for the cluster map…</source>
        <translation>%1 — attente de la carte du cluster…</translation>
    </message>
    <message>
        <source>Hash slot %1, master %2</source>
        <translation>Hash slot %1, maître %2</translation>
    </message>
    <message numerus="yes">
        <source>Shard channels: %1 of %2 subscribed, on %n master(s).</source>
        <translation>
            <numerusform>Canaux shardés : %1 abonnés sur %2, répartis sur %n maître.</numerusform>
            <numerusform>Canaux shardés : %1 abonnés sur %2, répartis sur %n maîtres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shard channel %1: hash slot %2 on %3</source>
        <translation>Canal shardé %1 : hash slot %2 sur %3</translation>
    </message>
    <message>
        <source>Subscriber: %1</source>
        <translation>Abonné : %1</translation>
    </message>
    <message>
        <source>Pub/Sub</source>
        <translation>Pub/Sub</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Received messages by channel group</source>
        <translation>Messages reçus par groupe de canaux</translation>
    </message>
    <message>
        <source>One row per channel prefix or Socket.IO namespace and room: messages, messages per second, last payload</source>
        <translation>Une ligne par préfixe de canal ou par espace de noms et salle Socket.IO : messages, messages par seconde, dernier contenu</translation>
    </message>
    <message>
        <source>Received, by group</source>
        <translation>Reçus, par groupe</translation>
    </message>
    <message>
        <source>Channel or pattern to subscribe to</source>
        <translation>Canal ou motif auquel s’abonner</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Message filter</source>
        <translation>Filtre des messages</translation>
    </message>
    <message>
        <source>Messages kept in the buffer</source>
        <translation>Messages gardés dans le tampon</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>A row is one message: time, channel, pattern, payload</source>
        <translation>Une ligne par message : heure, canal, motif, contenu</translation>
    </message>
</context>
<context>
    <name>PubSubPublishPanel</name>
    <message>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Sharded (SPUBLISH)</source>
        <translation>Shardé (SPUBLISH)</translation>
    </message>
    <message>
        <source>Payload (\xHH for any byte)</source>
        <translation>Contenu (\xHH pour n’importe quel octet)</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>Depuis un fichier…</translation>
    </message>
    <message>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <source>max rate</source>
        <translation>débit max</translation>
    </message>
    <message>
        <source> msg/s</source>
        <translation> msg/s</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>This connection is read-only: publishing is off.</source>
        <translation>Cette connexion est en lecture seule : la publication est désactivée.</translation>
    </message>
    <message>
        <source>Published %1 of %2…</source>
        <translation>%1 publiés sur %2…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publication…</translation>
    </message>
    <message>
        <source>The payload has a malformed escape: use \xHH for a byte.</source>
        <translation>Le contenu a un échappement mal formé : utilisez \xHH pour un octet.</translation>
    </message>
    <message>
        <source>Type the channel to publish on.</source>
        <translation>Saisissez le canal sur lequel publier.</translation>
    </message>
    <message>
        <source>Payload from file</source>
        <translation>Contenu depuis un fichier</translation>
    </message>
    <message>
        <source>Cannot use %1 (unreadable, or larger than 64 MiB).</source>
        <translation>Impossible d’utiliser %1 (illisible, ou plus de 64 Mio).</translation>
    </message>
    <message>
        <source>(%1 from %2)</source>
        <translation>(%1 depuis %2)</translation>
    </message>
    <message numerus="yes">
        <source>Delivered to %n subscriber(s).</source>
        <translation>
            <numerusform>Remis à %n abonné.</numerusform>
            <numerusform>Remis à %n abonnés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Published %1 messages; the last reached %n subscriber(s).</source>
        <translation>
            <numerusform>%1 messages publiés ; le dernier a atteint %n abonné.</numerusform>
            <numerusform>%1 messages publiés ; le dernier a atteint %n abonnés.</numerusform>
        </translation>
    </message>
    <message>
        <source>(In a cluster PUBLISH counts the subscribers of the node that took it; every node forwards it to its own.)</source>
        <translation>(Dans un cluster, PUBLISH compte les abonnés du nœud qui l’a reçu ; chaque nœud le transmet aux siens.)</translation>
    </message>
</context>
<context>
    <name>PubSubRatePlot</name>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>msg/s</translation>
    </message>
    <message>
        <source>Messages per second by channel</source>
        <translation>Messages par seconde et par canal</translation>
    </message>
</context>
<context>
    <name>PubSubWorker</name>
    <message>
        <source>The server may have dropped this subscriber for reading too slowly: Redis closes a subscriber whose output buffer exceeds client-output-buffer-limit pubsub (by default 32mb, or 8mb for 60 s), and logs “scheduled to be closed ASAP for overcoming of output buffer limits”. Keyscope reconnects and subscribes again; messages published meanwhile are lost.</source>
        <translation>Le serveur a peut-être coupé cet abonné parce qu’il lisait trop lentement : Redis ferme un abonné dont le tampon de sortie dépasse client-output-buffer-limit pubsub (par défaut 32mb, ou 8mb pendant 60 s), et journalise « scheduled to be closed ASAP for overcoming of output buffer limits ». Keyscope se reconnecte et se réabonne ; les messages publiés entre-temps sont perdus.</translation>
    </message>
    <message>
        <source>The server refused a subscription: %1</source>
        <translation>Le serveur a refusé un abonnement : %1</translation>
    </message>
</context>
<context>
    <name>Publisher</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>RedisConnection</name>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>La connexion à %1 a été fermée.</translation>
    </message>
    <message>
        <source>TLS is not available: Qt found no TLS backend (%1).</source>
        <translation>TLS indisponible : Qt n’a trouvé aucun backend TLS (%1).</translation>
    </message>
    <message>
        <source>Cannot read a PEM certificate from the CA file %1.</source>
        <translation>Impossible de lire un certificat PEM dans le fichier d’AC %1.</translation>
    </message>
    <message>
        <source>Cannot read the client certificate %1 (PEM expected).</source>
        <translation>Impossible de lire le certificat client %1 (PEM attendu).</translation>
    </message>
    <message>
        <source>Cannot read the client key %1 (unencrypted PEM, RSA or EC, expected).</source>
        <translation>Impossible de lire la clé client %1 (PEM non chiffré, RSA ou EC, attendu).</translation>
    </message>
    <message>
        <source>the default user</source>
        <translation>l’utilisateur par défaut</translation>
    </message>
    <message>
        <source>user “%1”</source>
        <translation>l’utilisateur « %1 »</translation>
    </message>
    <message>
        <source>%1 requires a password (NOAUTH): set one in the connection profile.</source>
        <translation>%1 exige un mot de passe (NOAUTH) : renseignez-le dans le profil de connexion.</translation>
    </message>
    <message>
        <source>Authentication as %1 failed: wrong user name or password (%2).</source>
        <translation>Échec de l’authentification en tant que %1 : nom d’utilisateur ou mot de passe incorrect (%2).</translation>
    </message>
    <message>
        <source>Cannot select database %1: %2</source>
        <translation>Impossible de sélectionner la base %1 : %2</translation>
    </message>
    <message>
        <source>Empty command.</source>
        <translation>Commande vide.</translation>
    </message>
    <message>
        <source>%1 is refused: this connection is read-only.</source>
        <translation>Commande %1 refusée : cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Non connecté à %1.</translation>
    </message>
    <message>
        <source>Protocol error: %1 sent a reply nobody asked for.</source>
        <translation>Erreur de protocole : %1 a envoyé une réponse que personne n’a demandée.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 a échoué : %2</translation>
    </message>
    <message>
        <source>TLS handshake with %1 timed out: the server does not seem to speak TLS on this port (use a redis:// URL for a plain connection).</source>
        <translation>Délai dépassé pour la négociation TLS avec %1 : le serveur ne semble pas parler TLS sur ce port (utilisez une URL redis:// pour une connexion en clair).</translation>
    </message>
    <message>
        <source>Could not connect to %1 within %2 s.</source>
        <translation>Impossible de se connecter à %1 en %2 s.</translation>
    </message>
    <message>
        <source>%1 timed out while connecting to %2.</source>
        <translation>Délai dépassé pour %1 pendant la connexion à %2.</translation>
    </message>
    <message>
        <source>%1 got no reply from %2 in time; the connection was reset.</source>
        <translation>%1 n’a pas reçu de réponse de %2 à temps ; la connexion a été réinitialisée.</translation>
    </message>
    <message>
        <source>Connection refused by %1: is Redis running there, and is the port right?</source>
        <translation>Connexion refusée par %1 : Redis y tourne-t-il, et le port est-il le bon ?</translation>
    </message>
    <message>
        <source>Host “%1” not found (DNS lookup failed): check the host name.</source>
        <translation>Hôte « %1 » introuvable (échec de la résolution DNS) : vérifiez le nom d’hôte.</translation>
    </message>
    <message>
        <source>Network timeout talking to %1.</source>
        <translation>Délai réseau dépassé avec %1.</translation>
    </message>
    <message>
        <source>TLS certificate verification of %1 failed: %2. Check the CA file and server name, or (only for testing) turn verification off in the profile.</source>
        <translation>Échec de la vérification du certificat TLS de %1 : %2. Vérifiez le fichier d’AC et le nom du serveur, ou (pour des tests uniquement) désactivez la vérification dans le profil.</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2. Does the server speak TLS on this port, and does it require a client certificate?</source>
        <translation>Échec de la négociation TLS avec %1 : %2. Le serveur parle-t-il TLS sur ce port, et exige-t-il un certificat client ?</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>Erreur réseau avec %1 : %2</translation>
    </message>
    <message>
        <source>%1 closed the connection during the TLS session set-up: it may require a client certificate, or not speak TLS on this port.</source>
        <translation>%1 a fermé la connexion pendant l’établissement de la session TLS : il exige peut-être un certificat client, ou ne parle pas TLS sur ce port.</translation>
    </message>
    <message>
        <source>%1 closed the connection during set-up: if it expects TLS, use a rediss:// URL.</source>
        <translation>%1 a fermé la connexion pendant son établissement : s’il attend TLS, utilisez une URL rediss://.</translation>
    </message>
    <message>
        <source>%1 closed the connection.</source>
        <translation>%1 a fermé la connexion.</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Authenticating…</source>
        <translation>Authentification…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
</context>
<context>
    <name>RedisUrl</name>
    <message>
        <source>The URL is empty: enter e.g. redis://localhost:6379.</source>
        <translation>L’URL est vide : saisissez par exemple redis://localhost:6379.</translation>
    </message>
    <message>
        <source>The URL has no scheme: start it with redis:// or rediss:// (TLS), e.g. redis://%1.</source>
        <translation>L’URL n’a pas de schéma : commencez-la par redis:// ou rediss:// (TLS), par exemple redis://%1.</translation>
    </message>
    <message>
        <source>The URL has no scheme before “://”: start it with redis:// or rediss:// (TLS).</source>
        <translation>L’URL n’a pas de schéma avant « :// » : commencez-la par redis:// ou rediss:// (TLS).</translation>
    </message>
    <message>
        <source>Unknown scheme “%1://”: use redis:// or rediss:// (TLS).</source>
        <translation>Schéma « %1:// » inconnu : utilisez redis:// ou rediss:// (TLS).</translation>
    </message>
    <message>
        <source>The user name has an invalid percent-encoding “%1”: write a literal % as %25.</source>
        <translation>Le nom d’utilisateur contient un encodage-pourcent invalide « %1 » : écrivez un % littéral sous la forme %25.</translation>
    </message>
    <message>
        <source>The user name is percent-encoded, but its bytes are not UTF-8 text.</source>
        <translation>Le nom d’utilisateur est encodé-pourcent, mais ses octets ne sont pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>The password has an invalid percent-encoding “%1”: write a literal % as %25.</source>
        <translation>Le mot de passe contient un encodage-pourcent invalide « %1 » : écrivez un % littéral sous la forme %25.</translation>
    </message>
    <message>
        <source>The password is percent-encoded, but its bytes are not UTF-8 text.</source>
        <translation>Le mot de passe est encodé-pourcent, mais ses octets ne sont pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>The IPv6 host “%1” is missing its closing “]”.</source>
        <translation>Il manque le « ] » fermant de l’hôte IPv6 « %1 ».</translation>
    </message>
    <message>
        <source>The host is missing between “[” and “]”.</source>
        <translation>L’hôte manque entre « [ » et « ] ».</translation>
    </message>
    <message>
        <source>The host “[%1]” is not a valid IPv6 address.</source>
        <translation>L’hôte « [%1] » n’est pas une adresse IPv6 valide.</translation>
    </message>
    <message>
        <source>Unexpected “%1” after the IPv6 host: a port goes after “:”.</source>
        <translation>« %1 » inattendu après l’hôte IPv6 : le port se place après « : ».</translation>
    </message>
    <message>
        <source>The host “%1” looks like an IPv6 address: put it in brackets, e.g. %2://[::1]:6379.</source>
        <translation>L’hôte « %1 » ressemble à une adresse IPv6 : mettez-le entre crochets, par exemple %2://[::1]:6379.</translation>
    </message>
    <message>
        <source>The host is missing: write it after “%1://”, e.g. %1://localhost:6379.</source>
        <translation>L’hôte manque : écrivez-le après « %1:// », par exemple %1://localhost:6379.</translation>
    </message>
    <message>
        <source>The host “%1” contains “%2”, which is not allowed in a host name.</source>
        <translation>L’hôte « %1 » contient « %2 », interdit dans un nom d’hôte.</translation>
    </message>
    <message>
        <source>The port after “:” is missing: leave out the “:” for the default port 6379.</source>
        <translation>Le port manque après « : » : omettez le « : » pour le port par défaut 6379.</translation>
    </message>
    <message>
        <source>The port “%1” is not a number.</source>
        <translation>Le port « %1 » n’est pas un nombre.</translation>
    </message>
    <message>
        <source>The port %1 is out of range: use 1 to 65535.</source>
        <translation>Le port %1 est hors limites : utilisez une valeur de 1 à 65535.</translation>
    </message>
    <message>
        <source>The database “%1” is not a non-negative integer.</source>
        <translation>La base « %1 » n’est pas un entier positif ou nul.</translation>
    </message>
    <message>
        <source>The database number %1 is too large.</source>
        <translation>Le numéro de base %1 est trop grand.</translation>
    </message>
    <message>
        <source>Unexpected “%1” in the path after the database number: the path is only /db.</source>
        <translation>« %1 » inattendu dans le chemin après le numéro de base : le chemin se limite à /db.</translation>
    </message>
    <message>
        <source>Unknown query parameter “%1”: only db is supported (e.g. ?db=3).</source>
        <translation>Paramètre de requête « %1 » inconnu : seul db est pris en charge (par exemple ?db=3).</translation>
    </message>
    <message>
        <source>The database is given twice in the query (db=%1 and db=%2).</source>
        <translation>La base est indiquée deux fois dans la requête (db=%1 et db=%2).</translation>
    </message>
    <message>
        <source>The database is given twice: /%1 in the path and db=%2 in the query.</source>
        <translation>La base est indiquée deux fois : /%1 dans le chemin et db=%2 dans la requête.</translation>
    </message>
    <message>
        <source>The sentinel “%1” looks like an IPv6 address: put it in brackets, e.g. [::1]:26379.</source>
        <translation>La sentinelle « %1 » ressemble à une adresse IPv6 : mettez-la entre crochets, par exemple [::1]:26379.</translation>
    </message>
    <message>
        <source>The host of the sentinel “%1” is missing: write it before the port, e.g. localhost:26379.</source>
        <translation>L’hôte de la sentinelle « %1 » manque : écrivez-le avant le port, par exemple localhost:26379.</translation>
    </message>
    <message>
        <source>The port after “%1:” is missing: leave out the “:” for the default port %2.</source>
        <translation>Le port manque après « %1: » : omettez le « : » pour le port par défaut %2.</translation>
    </message>
    <message>
        <source>The sentinels are missing: write them after “%1://”, e.g. %1://10.0.0.1:26379,10.0.0.2:26379/mymaster.</source>
        <translation>Les sentinelles manquent : écrivez-les après « %1:// », par exemple %1://10.0.0.1:26379,10.0.0.2:26379/mymaster.</translation>
    </message>
    <message>
        <source>A sentinel is missing between two commas or at the end of “%1”.</source>
        <translation>Il manque une sentinelle entre deux virgules ou à la fin de « %1 ».</translation>
    </message>
    <message>
        <source>The master name is missing: write it after the sentinels, e.g. %1://%2/mymaster.</source>
        <translation>Le nom du maître manque : écrivez-le après les sentinelles, par exemple %1://%2/mymaster.</translation>
    </message>
    <message>
        <source>The master name has an invalid percent-encoding “%1”: write a literal % as %25.</source>
        <translation>Le nom du maître contient un encodage-pourcent invalide « %1 » : écrivez un % littéral sous la forme %25.</translation>
    </message>
    <message>
        <source>The master name is percent-encoded, but its bytes are not UTF-8 text.</source>
        <translation>Le nom du maître est encodé-pourcent, mais ses octets ne sont pas du texte UTF-8.</translation>
    </message>
</context>
<context>
    <name>RenameKeyDialog</name>
    <message>
        <source>Rename key</source>
        <translation>Renommer la clé</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Nouveau nom :</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Enter a key name.</source>
        <translation>Saisissez un nom de clé.</translation>
    </message>
    <message>
        <source>The name has a malformed escape (use \xHH).</source>
        <translation>Le nom contient un échappement mal formé (utilisez \xHH).</translation>
    </message>
    <message>
        <source>The new name is the current name.</source>
        <translation>Le nouveau nom est identique au nom actuel.</translation>
    </message>
    <message>
        <source>Overwrite key</source>
        <translation>Écraser la clé</translation>
    </message>
    <message>
        <source>A key named “%1” already exists. Overwrite it? Its current value will be lost.</source>
        <translation>Une clé nommée « %1 » existe déjà. L’écraser ? Sa valeur actuelle sera perdue.</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Écraser</translation>
    </message>
    <message>
        <source>Not renamed: “%1” already exists.</source>
        <translation>Pas renommée : « %1 » existe déjà.</translation>
    </message>
</context>
<context>
    <name>ReplyFormatter</name>
    <message>
        <source>… (1 more byte not shown)</source>
        <translation>… (1 octet de plus non affiché)</translation>
    </message>
    <message>
        <source>… (%1 more bytes not shown)</source>
        <translation>… (%1 octets de plus non affichés)</translation>
    </message>
    <message>
        <source>… 1 more element not shown</source>
        <translation>… 1 élément de plus non affiché</translation>
    </message>
    <message>
        <source>… %1 more elements not shown</source>
        <translation>… %1 éléments de plus non affichés</translation>
    </message>
</context>
<context>
    <name>RespReader</name>
    <message>
        <source>The reply is nested deeper than the RESP parser supports (%1). Ask for a narrower reply, e.g. COMMAND DOCS &lt;command&gt;.</source>
        <translation>La réponse est imbriquée plus profondément que ne le permet l’analyseur RESP (%1). Demandez une réponse plus ciblée, par exemple COMMAND DOCS &lt;commande&gt;.</translation>
    </message>
    <message>
        <source>Protocol error: %1</source>
        <translation>Erreur de protocole : %1</translation>
    </message>
    <message>
        <source>Protocol error: a reply array of %1 elements is larger than Keyscope accepts (%2).</source>
        <translation>Erreur de protocole : un tableau de réponse de %1 éléments dépasse ce que Keyscope accepte (%2).</translation>
    </message>
</context>
<context>
    <name>SentinelClient</name>
    <message>
        <source>No sentinel is configured.</source>
        <translation>Aucune sentinelle n’est configurée.</translation>
    </message>
    <message>
        <source>The master of %1 is not known yet.</source>
        <translation>Le maître de %1 n’est pas encore connu.</translation>
    </message>
    <message>
        <source>sentinel %1: %2</source>
        <translation>sentinelle %1 : %2</translation>
    </message>
    <message>
        <source>sentinel %1 does not know master %2.</source>
        <translation>la sentinelle %1 ne connaît pas le maître %2.</translation>
    </message>
    <message>
        <source>The sentinel client is not started.</source>
        <translation>Le client sentinelle n’est pas démarré.</translation>
    </message>
    <message>
        <source>The sentinel client was stopped.</source>
        <translation>Le client sentinelle a été arrêté.</translation>
    </message>
    <message>
        <source>No sentinel gave the address of master %1: %2</source>
        <translation>Aucune sentinelle n’a donné l’adresse du maître %1 : %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a master (ROLE says %2).</source>
        <translation>%1 n’est pas un maître (ROLE indique %2).</translation>
    </message>
</context>
<context>
    <name>SentinelPage</name>
    <message>
        <source>Following master “%1” at %2:%3 through %4 sentinel(s); failovers announced by %5.</source>
        <translation>Suivi du maître « %1 » sur %2:%3 via %4 sentinelle(s) ; bascules annoncées par %5.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucune pour l’instant</translation>
    </message>
    <message>
        <source>Sentinel</source>
        <translation>Sentinel</translation>
    </message>
</context>
<context>
    <name>SentinelState</name>
    <message>
        <source>The sentinel&apos;s answer is not a list of fields and values.</source>
        <translation>La réponse de la sentinelle n’est pas une liste de champs et de valeurs.</translation>
    </message>
    <message>
        <source>The sentinel&apos;s answer has no valid address (ip %1, port %2).</source>
        <translation>La réponse de la sentinelle ne contient pas d’adresse valide (ip %1, port %2).</translation>
    </message>
    <message>
        <source>The sentinel&apos;s answer is not a list.</source>
        <translation>La réponse de la sentinelle n’est pas une liste.</translation>
    </message>
    <message>
        <source>SENTINEL MASTERS: %1</source>
        <translation>SENTINEL MASTERS : %1</translation>
    </message>
    <message>
        <source>SENTINEL REPLICAS: %1</source>
        <translation>SENTINEL REPLICAS : %1</translation>
    </message>
    <message>
        <source>SENTINEL SENTINELS: %1</source>
        <translation>SENTINEL SENTINELS : %1</translation>
    </message>
</context>
<context>
    <name>SentinelView</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Last good ping</source>
        <translation>Dernier ping réussi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Masters (%1)</source>
        <translation>Maîtres (%1)</translation>
    </message>
    <message>
        <source>Replicas of %1 (%2)</source>
        <translation>Répliques de %1 (%2)</translation>
    </message>
    <message>
        <source>Other sentinels (%1)</source>
        <translation>Autres sentinelles (%1)</translation>
    </message>
    <message>
        <source>%1 ms ago</source>
        <translation>il y a %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s)</source>
        <translation>
            <numerusform>%n réplique</numerusform>
            <numerusform>%n répliques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other sentinel(s)</source>
        <translation>
            <numerusform>%n autre sentinelle</numerusform>
            <numerusform>%n autres sentinelles</numerusform>
        </translation>
    </message>
    <message>
        <source>quorum %1</source>
        <translation>quorum %1</translation>
    </message>
    <message>
        <source>failover: %1</source>
        <translation>bascule : %1</translation>
    </message>
    <message>
        <source>link %1</source>
        <translation>lien %1</translation>
    </message>
    <message>
        <source>objectively down (o_down)</source>
        <translation>objectivement indisponible (o_down)</translation>
    </message>
    <message>
        <source>subjectively down (s_down)</source>
        <translation>subjectivement indisponible (s_down)</translation>
    </message>
    <message>
        <source>failover in progress</source>
        <translation>bascule en cours</translation>
    </message>
    <message>
        <source>The sentinels do not monitor a master named %1.</source>
        <translation>Les sentinelles ne surveillent aucun maître nommé %1.</translation>
    </message>
    <message>
        <source>No sentinel state yet.</source>
        <translation>Pas encore d’état des sentinelles.</translation>
    </message>
    <message numerus="yes">
        <source>%n replica(s) down</source>
        <translation>
            <numerusform>%n réplique indisponible</numerusform>
            <numerusform>%n répliques indisponibles</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>master %1</source>
        <translation>maître %1</translation>
    </message>
    <message>
        <source>Master %1 at %2</source>
        <translation>Maître %1 sur %2</translation>
    </message>
</context>
<context>
    <name>ServerAdminPage</name>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Set value…</source>
        <translation>Modifier la valeur…</translation>
    </message>
    <message>
        <source>CONFIG SET on the running server (asks first)</source>
        <translation>CONFIG SET sur le serveur en cours d’exécution (demande d’abord)</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Duration (µs)</source>
        <translation>Durée (µs)</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>Réinitialiser…</translation>
    </message>
    <message>
        <source>SLOWLOG RESET (asks first)</source>
        <translation>SLOWLOG RESET (demande d’abord)</translation>
    </message>
    <message>
        <source>Slow log</source>
        <translation>Slow log</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Age (s)</source>
        <translation>Âge (s)</translation>
    </message>
    <message>
        <source>Idle (s)</source>
        <translation>Inactif (s)</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Last command</source>
        <translation>Dernière commande</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Kill…</source>
        <translation>Déconnecter…</translation>
    </message>
    <message>
        <source>CLIENT KILL ID (asks first)</source>
        <translation>CLIENT KILL ID (demande d’abord)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>%1 of %2 entries; commands slower than %3 µs are logged</source>
        <translation>%1 entrées sur %2 ; les commandes de plus de %3 µs sont journalisées</translation>
    </message>
    <message>
        <source>Disabled: this connection is read-only</source>
        <translation>Désactivé : cette connexion est en lecture seule</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>Modifier la configuration</translation>
    </message>
    <message>
        <source>Set “%1” from “%2” to “%3” on %4?

CONFIG SET changes the running server at once; it is lost at restart unless the configuration file is rewritten (CONFIG REWRITE).</source>
        <translation>Passer « %1 » de « %2 » à « %3 » sur %4 ?

CONFIG SET modifie immédiatement le serveur en cours d’exécution ; la valeur est perdue au redémarrage si le fichier de configuration n’est pas réécrit (CONFIG REWRITE).</translation>
    </message>
    <message>
        <source>Set value</source>
        <translation>Modifier la valeur</translation>
    </message>
    <message>
        <source>New value of “%1”:</source>
        <translation>Nouvelle valeur de « %1 » :</translation>
    </message>
    <message>
        <source>Reset slow log</source>
        <translation>Réinitialiser le slow log</translation>
    </message>
    <message>
        <source>Delete every slow log entry on %1? This cannot be undone.</source>
        <translation>Supprimer toutes les entrées du slow log sur %1 ? Cette action est irréversible.</translation>
    </message>
    <message>
        <source>%1 (%2, name “%3”)</source>
        <translation>%1 (%2, nom « %3 »)</translation>
    </message>
    <message>
        <source>Disconnect client %1? Its connection is closed at once.</source>
        <translation>Déconnecter le client %1 ? Sa connexion est fermée immédiatement.</translation>
    </message>
    <message>
        <source>This is Keyscope&apos;s own connection: it will reconnect.</source>
        <translation>C’est la connexion de Keyscope elle-même : elle se reconnectera.</translation>
    </message>
    <message>
        <source>Kill client</source>
        <translation>Déconnecter le client</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>Nœud :</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Search %1</source>
        <translation>Rechercher dans %1</translation>
    </message>
</context>
<context>
    <name>ServerInfo</name>
    <message>
        <source>Standalone</source>
        <translation>Autonome</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Sentinel</source>
        <translation>Sentinel</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>Primaire</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation>Réplica</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>ServerLogView</name>
    <message>
        <source>The local server has not logged anything yet.</source>
        <translation>Le serveur local n’a encore rien journalisé.</translation>
    </message>
</context>
<context>
    <name>ServerOverviewPage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Temps de fonctionnement</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Mémoire utilisée</translation>
    </message>
    <message>
        <source>Connected clients</source>
        <translation>Clients connectés</translation>
    </message>
    <message>
        <source>Operations per second</source>
        <translation>Opérations par seconde</translation>
    </message>
    <message>
        <source>Keyspace hit ratio</source>
        <translation>Taux de succès du cache</translation>
    </message>
    <message>
        <source>Memory used (MiB)</source>
        <translation>Mémoire utilisée (Mio)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>With expiry</source>
        <translation>Avec expiration</translation>
    </message>
    <message>
        <source>Average TTL</source>
        <translation>TTL moyen</translation>
    </message>
    <message>
        <source>INFO field</source>
        <translation>Champ INFO</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>INFO failed: %1</source>
        <translation>Échec de INFO : %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Not connected to %1.</source>
        <translation>Non connecté à %1.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 (no limit)</source>
        <translation>%1 (sans limite)</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Keyspace by database</source>
        <translation>Espace de clés par base</translation>
    </message>
    <message>
        <source>INFO fields by section</source>
        <translation>Champs INFO par section</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected (read-only)</source>
        <translation>Connecté (lecture seule)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnexion…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster : %1</translation>
    </message>
    <message>
        <source>Sentinel master “%1”</source>
        <translation>Maître Sentinel « %1 »</translation>
    </message>
    <message>
        <source>Sentinel: %1</source>
        <translation>Sentinel : %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>No such node</source>
        <translation>Nœud inconnu</translation>
    </message>
    <message>
        <source>not a count</source>
        <translation>pas un nombre</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <source>Colour tag of the connection shown</source>
        <translation>Étiquette de couleur de la connexion affichée</translation>
    </message>
    <message>
        <source>Colour tag</source>
        <translation>Étiquette de couleur</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>Version du serveur</translation>
    </message>
    <message>
        <source>Server mode</source>
        <translation>Mode du serveur</translation>
    </message>
    <message>
        <source>Replication role</source>
        <translation>Rôle de réplication</translation>
    </message>
    <message>
        <source>Selected database</source>
        <translation>Base sélectionnée</translation>
    </message>
    <message>
        <source>Round trip of PING, every two seconds</source>
        <translation>Aller-retour d’un PING, toutes les deux secondes</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Redis %1</source>
        <translation>Redis %1</translation>
    </message>
    <message>
        <source>db%1</source>
        <translation>db%1</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <source>Server log</source>
        <translation>Journal du serveur</translation>
    </message>
    <message>
        <source>Failover followed: the master is now %1.</source>
        <translation>Bascule suivie : le maître est désormais %1.</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>Chargement des données de démonstration…</translation>
    </message>
    <message>
        <source>Demo data: %1 of %2 commands failed (first error: %3)</source>
        <translation>Données de démonstration : %1 commandes sur %2 en échec (première erreur : %3)</translation>
    </message>
    <message>
        <source>Demo data loaded (%1 commands).</source>
        <translation>Données de démonstration chargées (%1 commandes).</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Keys asked per SCAN call: larger is faster over the network, smaller keeps each call shorter on a busy server</source>
        <translation>Clés demandées par appel SCAN : plus grand va plus vite sur le réseau, plus petit garde chaque appel court sur un serveur chargé</translation>
    </message>
    <message>
        <source>SCAN COUNT</source>
        <translation>COUNT de SCAN</translation>
    </message>
    <message>
        <source>Characters that split key names into folders (&quot;:/&quot; for both), for connections opened from now on; empty for a flat list</source>
        <translation>Caractères qui découpent les noms de clés en dossiers (« :/ » pour les deux), pour les connexions ouvertes désormais ; vide pour une liste à plat</translation>
    </message>
    <message>
        <source>Namespace delimiters</source>
        <translation>Séparateurs d’espaces de noms</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Health poll interval</source>
        <translation>Intervalle d’interrogation (Santé)</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> messages</translation>
    </message>
    <message>
        <source>Pub/Sub buffer</source>
        <translation>Tampon Pub/Sub</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Strings longer than this show a 64 KiB preview; Save to file gets the whole value</source>
        <translation>Les chaînes plus longues n’affichent qu’un aperçu de 64 Kio ; Enregistrer dans un fichier récupère la valeur entière</translation>
    </message>
    <message>
        <source>String preview above</source>
        <translation>Aperçu des chaînes au-delà de</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>The language changes at the next start.</source>
        <translation>La langue change au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>ShardedSubscriber</name>
    <message numerus="yes">
        <source>%n shard channel(s) wait for the cluster map to name their master.</source>
        <translation>
            <numerusform>%n canal shardé attend que la carte du cluster désigne son maître.</numerusform>
            <numerusform>%n canaux shardés attendent que la carte du cluster désigne leur maître.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shard subscriber on %1 is not connected.</source>
        <translation>L’abonné aux canaux shardés sur %1 n’est pas connecté.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>StreamModel</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not read the stream: %1</source>
        <translation>Impossible de lire le stream : %1</translation>
    </message>
    <message>
        <source>An entry needs at least one field.</source>
        <translation>Une entrée a besoin d’au moins un champ.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non ajoutée : %1</translation>
    </message>
    <message>
        <source>No such entry.</source>
        <translation>Entrée introuvable.</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>Non supprimée : %1</translation>
    </message>
    <message>
        <source>Not deleted: the entry %1 no longer exists.</source>
        <translation>Non supprimée : l’entrée %1 n’existe plus.</translation>
    </message>
    <message>
        <source>Could not read the consumer groups: %1</source>
        <translation>Impossible de lire les groupes de consommateurs : %1</translation>
    </message>
    <message>
        <source>Could not read the consumers: %1</source>
        <translation>Impossible de lire les consommateurs : %1</translation>
    </message>
    <message>
        <source>Could not read the pending entries: %1</source>
        <translation>Impossible de lire les entrées en attente : %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
</context>
<context>
    <name>StreamValueEditor</name>
    <message>
        <source>Each line is a field name, a space, then the value (\xHH for any byte): “%1” is not.</source>
        <translation>Chaque ligne est un nom de champ, une espace, puis la valeur (\xHH pour n’importe quel octet) : « %1 » ne l’est pas.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>Ajouter une entrée…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Group / consumer</source>
        <translation>Groupe / consommateur</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consommateurs</translation>
    </message>
    <message>
        <source>Last delivered</source>
        <translation>Dernier livré</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Retard</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactif depuis</translation>
    </message>
    <message>
        <source>Pending ID</source>
        <translation>ID en attente</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consommateur</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>Groupes de consommateurs</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Cette connexion est en lecture seule.</translation>
    </message>
    <message>
        <source>%1 entries loaded</source>
        <translation>%1 entrées chargées</translation>
    </message>
    <message>
        <source>%1 of %2 entries loaded, newest first</source>
        <translation>%1 entrées chargées sur %2, les plus récentes d’abord</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID :</translation>
    </message>
    <message>
        <source>Fields, one per line: name value</source>
        <translation>Champs, un par ligne : nom valeur</translation>
    </message>
    <message>
        <source>Delete entry</source>
        <translation>Supprimer l’entrée</translation>
    </message>
    <message>
        <source>Delete the entry %1 from “%2”?</source>
        <translation>Supprimer l’entrée %1 de « %2 » ?</translation>
    </message>
    <message>
        <source>The entries were reloaded meanwhile: select the entry again.</source>
        <translation>Les entrées ont été rechargées entre-temps : sélectionnez à nouveau l’entrée.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Stream entries</source>
        <translation>Entrées du flux</translation>
    </message>
    <message>
        <source>A row is one entry: its ID and fields</source>
        <translation>Une ligne par entrée : son ID et ses champs</translation>
    </message>
    <message>
        <source>A row is one group, its consumers beneath it</source>
        <translation>Une ligne par groupe, ses consommateurs en dessous</translation>
    </message>
    <message>
        <source>Pending entries</source>
        <translation>Entrées en attente</translation>
    </message>
</context>
<context>
    <name>StringValue</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Could not read the value: %1</source>
        <translation>Impossible de lire la valeur : %1</translation>
    </message>
    <message>
        <source>This key no longer exists (deleted or expired).</source>
        <translation>Cette clé n’existe plus (supprimée ou expirée).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Not saved: the key is now a %1, no longer a string.</source>
        <translation>Non enregistré : la clé est maintenant de type %1, et non plus une chaîne (string).</translation>
    </message>
    <message>
        <source>Not saved: someone deleted this key since it was loaded.</source>
        <translation>Non enregistré : quelqu’un a supprimé cette clé depuis son chargement.</translation>
    </message>
    <message>
        <source>Not saved: someone changed this value since it was loaded.</source>
        <translation>Non enregistré : quelqu’un a modifié cette valeur depuis son chargement.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>The value changed while it was being saved; the file was not written.</source>
        <translation>La valeur a changé pendant l’enregistrement ; le fichier n’a pas été écrit.</translation>
    </message>
</context>
<context>
    <name>StringValueEditor</name>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <source>JSON (read-only)</source>
        <translation>JSON (lecture seule)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Write the value if nobody changed it since it was loaded (Ctrl+S)</source>
        <translation>Écrire la valeur si personne ne l’a modifiée depuis son chargement (Ctrl+S)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Enregistrer dans un fichier…</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>Charger depuis un fichier…</translation>
    </message>
    <message>
        <source>Decoded (read-only):</source>
        <translation>Décodé (lecture seule) :</translation>
    </message>
    <message>
        <source>Save value to file</source>
        <translation>Enregistrer la valeur dans un fichier</translation>
    </message>
    <message>
        <source>Replace value with a file</source>
        <translation>Remplacer la valeur par un fichier</translation>
    </message>
    <message>
        <source>Saving to file: %1 of %2</source>
        <translation>Enregistrement dans le fichier : %1 sur %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>The hex has a character that is not a hex digit, or an odd number of digits.</source>
        <translation>L’hexadécimal contient un caractère qui n’est pas un chiffre hexadécimal, ou un nombre impair de chiffres.</translation>
    </message>
    <message>
        <source>The text has a malformed escape: use \xHH for a byte and \\ for a backslash.</source>
        <translation>Le texte contient un échappement mal formé : utilisez \xHH pour un octet et \\ pour une barre oblique inverse.</translation>
    </message>
    <message>
        <source>This value is not a JSON object or array.</source>
        <translation>Cette valeur n’est pas un objet ou un tableau JSON.</translation>
    </message>
    <message>
        <source>Preview: the first %1 of %2 — read-only; use the file buttons</source>
        <translation>Aperçu : les premiers %1 sur %2 — lecture seule ; utilisez les boutons de fichier</translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message>
        <source> — shown escaped: \xHH is a byte, \\ a backslash</source>
        <translation> — affichée échappée : \xHH est un octet, \\ une barre oblique inverse</translation>
    </message>
    <message>
        <source> — modified</source>
        <translation> — modifiée</translation>
    </message>
    <message>
        <source>
… (stopped at %1)</source>
        <translation>
… (arrêté à %1)</translation>
    </message>
    <message>
        <source>%1 → JSON</source>
        <translation>%1 → JSON</translation>
    </message>
    <message>
        <source>Value changed on the server</source>
        <translation>Valeur modifiée sur le serveur</translation>
    </message>
    <message>
        <source>On the server now: %1. Yours: %2. The details show both.</source>
        <translation>Sur le serveur actuellement : %1. La vôtre : %2. Les détails montrent les deux.</translation>
    </message>
    <message>
        <source>The key no longer exists on the server. Yours: %1.</source>
        <translation>La clé n’existe plus sur le serveur. La vôtre : %1.</translation>
    </message>
    <message>
        <source>On the server now:
%1

Yours:
%2</source>
        <translation>Sur le serveur actuellement :
%1

La vôtre :
%2</translation>
    </message>
    <message>
        <source>Yours:
%1</source>
        <translation>La vôtre :
%1</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Écraser avec la mienne</translation>
    </message>
    <message>
        <source>Recreate with mine</source>
        <translation>Recréer avec la mienne</translation>
    </message>
    <message>
        <source>Load theirs (discard mine)</source>
        <translation>Charger la leur (abandonner la mienne)</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la modification</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 is larger than 512 MiB, the largest value Redis accepts.</source>
        <translation>%1 dépasse 512 Mio, la plus grande valeur acceptée par Redis.</translation>
    </message>
    <message>
        <source>
… (stopped here)</source>
        <translation>
… (arrêté ici)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Decoded value (read-only)</source>
        <translation>Valeur décodée (lecture seule)</translation>
    </message>
</context>
<context>
    <name>TtlAnalyzer</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>SCAN failed: %1</source>
        <translation>Échec de SCAN : %1</translation>
    </message>
    <message>
        <source>maxmemory-policy is %1, but %2% of the sampled keys have no TTL: those keys are never evicted, and once memory is full writes fail with OOM errors. Give cache keys a TTL, or use an allkeys-* policy if every key may be evicted.</source>
        <translation>maxmemory-policy vaut %1, mais %2 % des clés échantillonnées n’ont pas de TTL : ces clés ne sont jamais évincées, et une fois la mémoire pleine les écritures échouent avec des erreurs OOM. Donnez un TTL aux clés de cache, ou utilisez une politique allkeys-* si toute clé peut être évincée.</translation>
    </message>
    <message>
        <source>maxmemory-policy is noeviction on a cache-like keyspace (%1% of the sampled keys have a TTL): when maxmemory is reached, writes fail with OOM errors instead of evicting cache entries. Consider volatile-lru, or allkeys-lru if no key must survive.</source>
        <translation>maxmemory-policy vaut noeviction sur un espace de clés de type cache (%1 % des clés échantillonnées ont un TTL) : quand maxmemory est atteint, les écritures échouent avec des erreurs OOM au lieu d’évincer des entrées de cache. Envisagez volatile-lru, ou allkeys-lru si aucune clé ne doit survivre.</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(sans espace de noms)</translation>
    </message>
    <message>
        <source>maxmemory-policy is %1 and %2 hold lists or streams without TTL, like job queues: under memory pressure Redis may evict them and lose jobs. Keep queues on a noeviction instance, or use volatile-* with TTLs on the cache keys.</source>
        <translation>maxmemory-policy vaut %1 et %2 contiennent des listes ou des streams sans TTL, comme des files de tâches : sous pression mémoire, Redis peut les évincer et perdre des tâches. Gardez les files sur une instance en noeviction, ou utilisez volatile-* avec des TTL sur les clés de cache.</translation>
    </message>
</context>
<context>
    <name>TtlDialog</name>
    <message>
        <source>Change TTL</source>
        <translation>Modifier le TTL</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé : %1</translation>
    </message>
    <message>
        <source>Never expires (PERSIST)</source>
        <translation>N’expire jamais (PERSIST)</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Expire dans</translation>
    </message>
    <message>
        <source>milliseconds (PEXPIRE)</source>
        <translation>millisecondes (PEXPIRE)</translation>
    </message>
    <message>
        <source>seconds (EXPIRE)</source>
        <translation>secondes (EXPIRE)</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>Expires at (EXPIREAT)</source>
        <translation>Expire le (EXPIREAT)</translation>
    </message>
    <message>
        <source>Choose a time in the future (a past time deletes the key).</source>
        <translation>Choisissez un instant futur (un instant passé supprime la clé).</translation>
    </message>
</context>
<context>
    <name>TtlInspectorPage</name>
    <message>
        <source>no expiry</source>
        <translation>sans expiration</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt; 10 s</source>
        <translation>&lt; 10 s</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>&lt; 5 min</source>
        <translation>&lt; 5 min</translation>
    </message>
    <message>
        <source>&lt; 15 min</source>
        <translation>&lt; 15 min</translation>
    </message>
    <message>
        <source>&lt; 1 h</source>
        <translation>&lt; 1 h</translation>
    </message>
    <message>
        <source>&lt; 6 h</source>
        <translation>&lt; 6 h</translation>
    </message>
    <message>
        <source>&lt; 1 d</source>
        <translation>&lt; 1 j</translation>
    </message>
    <message>
        <source>&lt; 7 d</source>
        <translation>&lt; 7 j</translation>
    </message>
    <message>
        <source>≥ 7 d</source>
        <translation>≥ 7 j</translation>
    </message>
    <message>
        <source>no TTL</source>
        <translation>sans TTL</translation>
    </message>
    <message>
        <source>Keys to sample: a glob such as cache:* (\xHH for any byte)</source>
        <translation>Clés à échantillonner : un motif glob comme cache:* (\xHH pour n’importe quel octet)</translation>
    </message>
    <message>
        <source>depth </source>
        <translation>profondeur </translation>
    </message>
    <message>
        <source>How many leading segments of a key name make its namespace</source>
        <translation>Nombre de segments de tête d’un nom de clé qui forment son espace de noms</translation>
    </message>
    <message>
        <source>sample </source>
        <translation>échantillon </translation>
    </message>
    <message>
        <source>Keys sampled per node (SCAN + TYPE + PTTL for each)</source>
        <translation>Clés échantillonnées par nœud (SCAN + TYPE + PTTL pour chacune)</translation>
    </message>
    <message>
        <source>expiring within </source>
        <translation>expirant sous </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Analyze</source>
        <translation>Analyser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Press Analyze to sample the keyspace&apos;s TTLs.</source>
        <translation>Cliquez sur Analyser pour échantillonner les TTL de l’espace de clés.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
    </message>
    <message>
        <source>No TTL</source>
        <translation>Sans TTL</translation>
    </message>
    <message>
        <source>Min TTL</source>
        <translation>TTL min</translation>
    </message>
    <message>
        <source>Median TTL</source>
        <translation>TTL médian</translation>
    </message>
    <message>
        <source>Max TTL</source>
        <translation>TTL max</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expirent bientôt</translation>
    </message>
    <message>
        <source>keys</source>
        <translation>clés</translation>
    </message>
    <message>
        <source>TTL distribution</source>
        <translation>Répartition des TTL</translation>
    </message>
    <message>
        <source>Expected TTLs (first matching pattern wins; e.g. cache:dashboard:* → 10s, user:* → none):</source>
        <translation>TTL attendus (le premier motif correspondant l’emporte ; ex. cache:dashboard:* → 10s, user:* → none) :</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Expected TTL</source>
        <translation>TTL attendu</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Ajouter une règle</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Retirer la règle</translation>
    </message>
    <message>
        <source>Violations of the expected TTLs show here.</source>
        <translation>Les écarts aux TTL attendus s’affichent ici.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Attendu</translation>
    </message>
    <message>
        <source>The pattern is not valid: \xHH needs two hex digits.</source>
        <translation>Le motif n’est pas valide : \xHH demande deux chiffres hexadécimaux.</translation>
    </message>
    <message>
        <source>Rule %1 is not understood: the expected TTL is a duration such as 10s, 5m, 1h, 2d, 500ms, or “none”.</source>
        <translation>La règle %1 n’est pas comprise : le TTL attendu est une durée comme 10s, 5m, 1h, 2d, 500ms, ou « none ».</translation>
    </message>
    <message>
        <source>Sampling… %1 keys</source>
        <translation>Échantillonnage… %1 clés</translation>
    </message>
    <message>
        <source>Sampling…</source>
        <translation>Échantillonnage…</translation>
    </message>
    <message>
        <source>%1 keys sampled, %2 without TTL (%3%)</source>
        <translation>%1 clés échantillonnées, %2 sans TTL (%3 %)</translation>
    </message>
    <message>
        <source> — maxmemory-policy %1</source>
        <translation> — maxmemory-policy %1</translation>
    </message>
    <message>
        <source> — cancelled, partial</source>
        <translation> — annulé, partiel</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(sans espace de noms)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>au plus %1</translation>
    </message>
    <message>
        <source>No expected TTLs: add rules to check them.</source>
        <translation>Aucun TTL attendu : ajoutez des règles pour les vérifier.</translation>
    </message>
    <message>
        <source>%1 keys break the expected TTLs (the first %2 are listed).</source>
        <translation>%1 clés ne respectent pas les TTL attendus (les %2 premières sont listées).</translation>
    </message>
    <message>
        <source>%1 keys break the expected TTLs.</source>
        <translation>%1 clés ne respectent pas les TTL attendus.</translation>
    </message>
    <message>
        <source>Not connected yet; try again in a moment.</source>
        <translation></translation>
    </message>
    <message>
        <source>Keys to sample (glob pattern)</source>
        <translation>Clés à échantillonner (motif glob)</translation>
    </message>
    <message>
        <source>Namespace depth</source>
        <translation>Profondeur des espaces de noms</translation>
    </message>
    <message>
        <source>Keys sampled per node</source>
        <translation>Clés échantillonnées par nœud</translation>
    </message>
    <message>
        <source>Expiring within (seconds)</source>
        <translation>Expirant dans (secondes)</translation>
    </message>
    <message>
        <source>TTL by namespace</source>
        <translation>TTL par espace de noms</translation>
    </message>
    <message>
        <source>A row is one namespace: keys, keys without TTL, TTL spread, keys expiring soon</source>
        <translation>Une ligne par espace de noms : clés, clés sans TTL, répartition des TTL, clés expirant bientôt</translation>
    </message>
    <message>
        <source>Sampled keys by time to live</source>
        <translation>Clés échantillonnées par durée de vie</translation>
    </message>
    <message>
        <source>Keys by TTL</source>
        <translation>Clés par TTL</translation>
    </message>
    <message>
        <source>TTL rules</source>
        <translation>Règles de TTL</translation>
    </message>
    <message>
        <source>A row is one rule: key pattern and expected TTL</source>
        <translation>Une ligne par règle : motif de clé et TTL attendu</translation>
    </message>
    <message>
        <source>Keys breaking a TTL rule</source>
        <translation>Clés qui enfreignent une règle de TTL</translation>
    </message>
</context>
<context>
    <name>WidgetStyle</name>
    <message>
        <source>Clear %1</source>
        <translation>Effacer %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>keyscope: no connection within %1 s, no screenshot taken.</source>
        <translation>keyscope : pas de connexion en %1 s, aucune capture d’écran.</translation>
    </message>
    <message>
        <source>keyscope: %1</source>
        <translation>keyscope : %1</translation>
    </message>
    <message>
        <source>keyscope: cannot write the screenshot to %1.</source>
        <translation>keyscope : impossible d’écrire la capture d’écran dans %1.</translation>
    </message>
    <message>
        <source>Native desktop admin for Redis</source>
        <translation>Outil natif d’administration de Redis</translation>
    </message>
    <message>
        <source>Open an ad-hoc connection: redis://[user[:password]@]host[:port][/db] or rediss://…</source>
        <translation>Ouvrir une connexion ponctuelle : redis://[utilisateur[:mot_de_passe]@]hôte[:port][/db] ou rediss://…</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Once connected and loaded, save the window to FILE.png and quit (exit code 1 if the connection fails).</source>
        <translation>Une fois connecté et chargé, enregistrer la fenêtre dans FICHIER.png et quitter (code de sortie 1 si la connexion échoue).</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>FICHIER.png</translation>
    </message>
    <message>
        <source>Do not load the demo data into the local server.</source>
        <translation>Ne pas charger les données de démonstration dans le serveur local.</translation>
    </message>
    <message>
        <source>keyscope: --connect: %1</source>
        <translation>keyscope : --connect : %1</translation>
    </message>
    <message>
        <source>Show this tab first (its name as shown, e.g. Health).</source>
        <translation>Afficher d’abord cet onglet (son nom tel qu’affiché, par ex. Santé).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Wait this many seconds after loading before the screenshot (default 0.3), e.g. to let charts fill.</source>
        <translation>Attendre ce nombre de secondes après le chargement avant la capture (0,3 par défaut), par ex. pour laisser les graphiques se remplir.</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDES</translation>
    </message>
    <message>
        <source>keyscope: --screenshot-delay: expected seconds from 0 to 600, not “%1”.</source>
        <translation>keyscope : --screenshot-delay : un nombre de secondes de 0 à 600 est attendu, pas « %1 ».</translation>
    </message>
    <message>
        <source>Open the PostgreSQL panel on a postgres:// URL or key=value conninfo.</source>
        <translation>Ouvrir le panneau PostgreSQL sur une URL postgres:// ou une conninfo clé=valeur.</translation>
    </message>
    <message>
        <source>Start a local Redis Cluster (3 masters, 3 replicas) and open it.</source>
        <translation>Démarrer un Redis Cluster local (3 maîtres, 3 répliques) et l’ouvrir.</translation>
    </message>
    <message>
        <source>Start a local master, replica and 3 sentinels, and follow the master.</source>
        <translation>Démarrer un maître, une réplique et 3 sentinelles en local, et suivre le maître.</translation>
    </message>
</context>
</TS>
