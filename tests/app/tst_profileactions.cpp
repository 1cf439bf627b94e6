#include "connectionimport.h"
#include "importdialog.h"
#include "profileactions.h"
#include "profilestore.h"

#include <algorithm>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

// The import preview and the export, on a real ProfileStore (settings in a temporary ini file; passwords
// in the keychain when the machine has one, else in this session's memory).
class TestProfileActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void previewThenImportTheTicked();
    void aBrokenFileSaysWhyAndImportsNothing();
    void exportReadsBackWithPasswordsOnlyWhenAsked();

private:
    QTemporaryDir m_dir;
};

void TestProfileActions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("KeyscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profileactions"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
}

void TestProfileActions::init()
{
    QSettings().clear();
}

void TestProfileActions::previewThenImportTheTicked()
{
    ProfileStore store;
    ConnectionConfig mine;
    mine.name = QStringLiteral("Local (mine)");
    mine.host = QStringLiteral("127.0.0.1");
    mine.port = 6379;
    mine.db = 3;
    store.save(mine);

    ImportDialog dialog(&store);
    dialog.load(QFINDTESTDATA("../settings/imports/tinyrdm-connections.yaml"));
    QVERIFY2(dialog.statusText().startsWith("tinyrdm-connections.yaml (Tiny RDM): 4 connection(s), 1 already "
                                            "saved (unticked)"),
             qPrintable(dialog.statusText()));
    QTableWidget *preview = dialog.preview();
    QCOMPARE(preview->rowCount(), 4);
    QCOMPARE(preview->item(0, ImportDialog::ImportColumn)->text(), QString("Local"));
    QCOMPARE(preview->item(0, ImportDialog::DuplicateColumn)->text(), QString("Local (mine)"));
    QCOMPARE(preview->item(0, ImportDialog::ImportColumn)->checkState(), Qt::Unchecked);
    QCOMPARE(preview->item(2, ImportDialog::KindColumn)->text(), QString("Sentinel"));
    QCOMPARE(preview->item(2, ImportDialog::ServerColumn)->text(), QString("cache @ 10.1.1.1:26379"));
    QCOMPARE(preview->item(3, ImportDialog::SshColumn)->text(), QString("ops@bastion.work.example:22"));
    QVERIFY(preview->item(3, ImportDialog::NotesColumn)->text().contains("SSH tunnel not taken over"));
    QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    const auto importButton = std::find_if(buttons.begin(), buttons.end(),
                                           [](QPushButton *b) { return b->text().startsWith("Import "); });
    QVERIFY(importButton != buttons.end());
    QCOMPARE((*importButton)->text(), QString("Import 3 connection(s)"));
    preview->item(1, ImportDialog::ImportColumn)->setCheckState(Qt::Unchecked);
    QCOMPARE((*importButton)->text(), QString("Import 2 connection(s)"));

    const QStringList ids = dialog.importTicked();
    QCOMPARE(ids.size(), 2);
    QCOMPARE(store.profiles().size(), 3);
    QCOMPARE(store.profile(ids[0])->name, QString("Work sentinel"));
    QCOMPARE(store.profile(ids[1])->name, QString("Work cluster via bastion"));
    // The password went to the keychain (or this session's memory), never into the settings file.
    bool found = false;
    QString password;
    bool called = false;
    store.fetchPassword(ids[0], this, [&](bool f, const QString &p) {
        called = true;
        found = f;
        password = p;
    });
    QTRY_VERIFY_WITH_TIMEOUT(called, 30000);
    QVERIFY(found);
    QCOMPARE(password, QString("data-pass"));
    QFile settings(QSettings().fileName());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains("data-pass"));
}

void TestProfileActions::aBrokenFileSaysWhyAndImportsNothing()
{
    ProfileStore store;
    ImportDialog dialog(&store);
    dialog.loadBytes("[{\"host\": ", QStringLiteral("broken.json"));
    QVERIFY2(dialog.statusText().startsWith("broken.json: The JSON is malformed at byte"),
             qPrintable(dialog.statusText()));
    QCOMPARE(dialog.preview()->rowCount(), 0);
    QVERIFY(dialog.importTicked().isEmpty());
    dialog.load(m_dir.filePath("missing.json"));
    QVERIFY2(dialog.statusText().startsWith("Cannot read "), qPrintable(dialog.statusText()));
    QVERIFY(store.profiles().isEmpty());
}

void TestProfileActions::exportReadsBackWithPasswordsOnlyWhenAsked()
{
    ProfileStore store;
    QWidget window;
    ProfileActions actions(&store, &window);
    ConnectionConfig prod;
    prod.name = QStringLiteral("Prod");
    prod.host = QStringLiteral("cache.example.com");
    prod.password = QStringLiteral("pw-export-1");
    prod.tls = true;
    store.save(prod);

    for (const bool withPasswords : {false, true}) {
        const QString path = m_dir.filePath(withPasswords ? "with.json" : "without.json");
        bool written = false;
        actions.exportTo(path, withPasswords, [&](bool ok) { written = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(bytes.contains("pw-export-1"), withPasswords);
        const ConnectionImport::Result back = ConnectionImport::read(bytes);
        QCOMPARE(back.format, ConnectionImport::Format::Keyscope);
        QCOMPARE(back.entries.size(), 1);
        QCOMPARE(back.entries[0].config.host, prod.host);
        QVERIFY(back.entries[0].config.tls);
        QCOMPARE(back.entries[0].config.password, withPasswords ? prod.password : QString());
    }
}

QTEST_MAIN(TestProfileActions)
#include "tst_profileactions.moc"
