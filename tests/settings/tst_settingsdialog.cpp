#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void editsEveryPreference();
    void restoreDefaults();
};

void TestSettingsDialog::editsEveryPreference()
{
    AppSettings start;
    start.language = "fr";
    start.theme = AppSettings::Theme::Light;
    SettingsDialog dialog(start);
    QCOMPARE(dialog.settings(), start); // shown as given, read back unchanged
    QCOMPARE(dialog.findChild<QComboBox *>("language")->currentText(), QString("Français"));

    dialog.findChild<QSpinBox *>("scanCount")->setValue(2500);
    dialog.findChild<QLineEdit *>("delimiters")->setText(":/");
    dialog.findChild<QDoubleSpinBox *>("healthInterval")->setValue(2.5);
    dialog.findChild<QSpinBox *>("pubsubBuffer")->setValue(30000);
    dialog.findChild<QDoubleSpinBox *>("previewThreshold")->setValue(0.25);
    auto *language = dialog.findChild<QComboBox *>("language");
    language->setCurrentIndex(language->findData(QString()));
    auto *theme = dialog.findChild<QComboBox *>("theme");
    theme->setCurrentIndex(theme->findText("Dark"));

    const AppSettings s = dialog.settings();
    QCOMPARE(s.scanCount, 2500);
    QCOMPARE(s.delimiters, QString(":/"));
    QCOMPARE(s.healthIntervalMs, 2500);
    QCOMPARE(s.pubsubBuffer, 30000);
    QCOMPARE(s.previewThreshold, qint64(256 * 1024));
    QVERIFY(s.language.isEmpty());
    QCOMPARE(s.theme, AppSettings::Theme::Dark);
}

void TestSettingsDialog::restoreDefaults()
{
    AppSettings changed;
    changed.scanCount = 50;
    changed.pubsubBuffer = 2000;
    changed.theme = AppSettings::Theme::Dark;
    SettingsDialog dialog(changed);
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(dialog.settings(), AppSettings{});
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
