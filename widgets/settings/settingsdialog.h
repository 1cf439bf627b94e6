#pragma once

#include "appsettings.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

// Edits AppSettings: scan COUNT, delimiters, Health poll interval, Pub/Sub buffer, string preview
// threshold, language and theme. The caller saves and applies what settings() returns on accept.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);

    AppSettings settings() const;
    void setValues(const AppSettings &settings);

private:
    QSpinBox *m_scanCount = nullptr;
    QLineEdit *m_delimiters = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
    QSpinBox *m_buffer = nullptr;
    QDoubleSpinBox *m_preview = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
};
