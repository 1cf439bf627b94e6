#pragma once

#include <functional>
#include <QByteArray>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Asks for one or two byte strings, typed escaped (\xHH for any byte), e.g. a hash field and its value,
// and hands them to a submit function that writes them. The dialog closes only when the write
// succeeded; otherwise it stays open with the error and the user's input.
class ElementDialog : public QDialog
{
    Q_OBJECT
public:
    // done(error): an empty error accepts the dialog.
    using Submit = std::function<void(const QByteArray &first, const QByteArray &second,
                                      std::function<void(const QString &error)> done)>;

    // firstLabel empty: only the second field. secondLabel empty: only the first field.
    ElementDialog(const QString &title, const QString &firstLabel, const QString &secondLabel, Submit submit,
                  QWidget *parent = nullptr);

    void setValues(const QByteArray &first, const QByteArray &second);
    // The first field shown but not editable (e.g. the field of a hash value being edited).
    void setFirstReadOnly(bool readOnly);
    // The second field is handed over as typed (UTF-8, escapes left in place) for the submit function
    // to parse, e.g. one "name value" pair per line.
    void setSecondRaw(bool raw) { m_secondRaw = raw; }
    QString errorText() const;

    void accept() override;

private:
    Submit m_submit;
    QLineEdit *m_first = nullptr;
    QPlainTextEdit *m_second = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
    bool m_secondRaw = false;
};
