#include "stringvalueeditor.h"

#include "bytesescaper.h"
#include "valuedecoder.h"
#include "widgetstyle.h"

#include <memory>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPromise>
#include <QPushButton>
#include <QSplitter>
#include <QThreadPool>
#include <QVBoxLayout>

namespace {

constexpr qsizetype kConflictShownBytes = 4096;
constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024; // Redis' largest string

// Valid UTF-8 without control characters other than tab and line breaks: shown and typed as is.
bool isCleanText(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7f)
            return false;
    }
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

// Hex in lines of 16 bytes, so that a 1 MiB value is not one enormous line.
QString hexLines(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); i += 16) {
        if (i > 0)
            out += QLatin1Char('\n');
        out += QString::fromLatin1(bytes.mid(i, 16).toHex(' '));
    }
    return out;
}

std::optional<QByteArray> parseHex(const QString &text)
{
    QByteArray digits;
    digits.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace())
            continue;
        if (BytesEscaper::hexValue(c) < 0)
            return std::nullopt;
        digits += char(c.unicode());
    }
    if (digits.size() % 2 != 0)
        return std::nullopt;
    return QByteArray::fromHex(digits);
}

// "64 KiB", "1.5 MiB": no ".00" on round sizes.
QString dataSize(qint64 bytes)
{
    const QLocale locale;
    const QString one = locale.formattedDataSize(bytes, 1);
    return one.contains(locale.decimalPoint() + QLatin1Char('0') + QLatin1Char(' '))
               ? locale.formattedDataSize(bytes, 0)
               : one;
}

QString shown(const QByteArray &bytes)
{
    QString text = BytesEscaper::escape(bytes.left(kConflictShownBytes));
    if (bytes.size() > kConflictShownBytes)
        text += QStringLiteral(" …");
    return text;
}

} // namespace

StringValueEditor::StringValueEditor(RedisConnection *connection, QByteArray key, QWidget *parent,
                                     qint64 previewThreshold)
    : QWidget(parent), m_value(new StringValue(connection, std::move(key), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_modeCombo = new QComboBox(this);
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    m_modeCombo->addItem(tr("Text"), int(Mode::Text));
    m_modeCombo->addItem(tr("Hex"), int(Mode::Hex));
    m_modeCombo->addItem(tr("JSON (read-only)"), int(Mode::Json));
    bar->addWidget(m_modeCombo);
    bar->addStretch(1);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Write the value if nobody changed it since it was loaded (Ctrl+S)"));
    m_revert = new QPushButton(tr("Revert"), this);
    m_toFile = new QPushButton(tr("Save to file…"), this);
    m_fromFile = new QPushButton(tr("Load from file…"), this);
    for (QPushButton *button : {m_save, m_revert, m_toFile, m_fromFile})
        bar->addWidget(button);
    layout->addLayout(bar);
    // On a line of its own, wrapping: a long status never widens the editor over the key tree.
    m_info = WidgetStyle::plainLabel(this);
    layout->addWidget(m_info);

    m_error = WidgetStyle::errorLabel(this, QStringLiteral("valueError"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_editor = new QPlainTextEdit(splitter);
    m_editor->setTabChangesFocus(true); // Tab moves on (no keyboard trap); a tab character is \t when escaped
    m_editor->setObjectName(QStringLiteral("valueEdit"));
    WidgetStyle::setAccessible(m_editor, tr("Value"));
    // Wrapping at word boundaries is quadratic on long lines without spaces (compact JSON, escaped
    // binary): 256 KiB took 4.6 s here; wrapping anywhere is linear (0.5 s for 1 MiB).
    m_editor->setWordWrapMode(QTextOption::WrapAnywhere);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_decodedBox = new QWidget(splitter);
    auto *decodedLayout = new QVBoxLayout(m_decodedBox);
    decodedLayout->setContentsMargins(0, 0, 0, 0);
    auto *decodedBar = new QHBoxLayout;
    auto *decodedLabel = new QLabel(tr("Decoded (read-only):"), m_decodedBox);
    decodedLabel->setTextFormat(Qt::PlainText);
    m_decodedCombo = new QComboBox(m_decodedBox);
    decodedBar->addWidget(decodedLabel);
    decodedBar->addWidget(m_decodedCombo, 1);
    decodedLayout->addLayout(decodedBar);
    m_decoded = new QPlainTextEdit(m_decodedBox);
    m_decoded->setReadOnly(true);
    WidgetStyle::setAccessible(m_decoded, tr("Decoded value (read-only)"));
    m_decoded->setWordWrapMode(QTextOption::WrapAnywhere);
    m_decoded->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    decodedLayout->addWidget(m_decoded);
    m_decodedBox->hide();
    layout->addWidget(splitter, 1);

    connect(m_modeCombo, &QComboBox::activated, this, [this](int index) {
        if (!setMode(Mode(m_modeCombo->itemData(index).toInt())))
            m_modeCombo->setCurrentIndex(m_modeCombo->findData(int(m_mode)));
    });
    connect(m_decodedCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_decoded->setPlainText(m_decodedTexts.value(index)); });
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &StringValueEditor::updateState);
    connect(m_save, &QPushButton::clicked, this, &StringValueEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &StringValueEditor::revert);
    connect(m_toFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save value to file"));
        if (!path.isEmpty())
            saveToFile(path);
    });
    connect(m_fromFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Replace value with a file"));
        if (!path.isEmpty())
            loadFromFile(path);
    });
    connect(m_value, &StringValue::loaded, this, &StringValueEditor::onLoaded);
    connect(m_value, &StringValue::loadFailed, this, &StringValueEditor::setError);
    connect(m_value, &StringValue::fileProgress, this, [this](qint64 written, qint64 total) {
        m_info->setText(tr("Saving to file: %1 of %2").arg(dataSize(written), dataSize(total)));
    });
    connect(m_value, &StringValue::fileSaved, this, [this](const QString &path) {
        updateState();
        m_info->setText(tr("Saved to %1").arg(path));
    });
    connect(m_value, &StringValue::fileFailed, this, [this](const QString &message) {
        updateState();
        setError(message);
    });
    updateState();
    m_value->setPreviewThreshold(previewThreshold);
    m_value->load();
}

StringValueEditor::~StringValueEditor() = default;

QString StringValueEditor::infoText() const
{
    return m_info->text();
}

QString StringValueEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QStringList StringValueEditor::decodingLabels() const
{
    QStringList labels;
    for (int i = 0; i < m_decodedCombo->count(); ++i)
        labels.append(m_decodedCombo->itemText(i));
    return labels;
}

QString StringValueEditor::decodedText(int index) const
{
    return m_decodedTexts.value(index);
}

bool StringValueEditor::isModified() const
{
    return m_editor->document()->isModified();
}

void StringValueEditor::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void StringValueEditor::onLoaded()
{
    setError({});
    showValue(m_value->value());
    startDecoding(m_value->isPreview() ? QByteArray() : m_value->value());
}

void StringValueEditor::showValue(const QByteArray &bytes)
{
    if (m_mode == Mode::Json && ValueDecoder::prettyJson(bytes).isEmpty())
        m_mode = Mode::Text;
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(int(m_mode)));
    render(bytes);
    m_editor->document()->setModified(false);
    updateState();
}

void StringValueEditor::render(const QByteArray &bytes)
{
    m_escaped = false;
    switch (m_mode) {
    case Mode::Text:
        m_escaped = !isCleanText(bytes);
        m_editor->setPlainText(m_escaped ? BytesEscaper::escape(bytes) : QString::fromUtf8(bytes));
        break;
    case Mode::Hex:
        m_editor->setPlainText(hexLines(bytes));
        break;
    case Mode::Json:
        m_editor->setPlainText(ValueDecoder::prettyJson(bytes));
        break;
    }
    m_shown = bytes;
}

std::optional<QByteArray> StringValueEditor::editedBytes()
{
    if (!m_editor->document()->isModified() || m_mode == Mode::Json)
        return m_shown;
    const QString text = m_editor->toPlainText();
    std::optional<QByteArray> bytes;
    if (m_mode == Mode::Hex) {
        bytes = parseHex(text);
        if (!bytes)
            setError(tr("The hex has a character that is not a hex digit, or an odd number of digits."));
    } else if (m_escaped) {
        bytes = BytesEscaper::unescape(text);
        if (!bytes)
            setError(tr("The text has a malformed escape: use \\xHH for a byte and \\\\ for a backslash."));
    } else {
        bytes = text.toUtf8();
    }
    return bytes;
}

bool StringValueEditor::setMode(Mode mode)
{
    if (mode == m_mode)
        return true;
    const auto bytes = editedBytes();
    if (!bytes)
        return false;
    if (mode == Mode::Json && ValueDecoder::prettyJson(*bytes).isEmpty()) {
        setError(tr("This value is not a JSON object or array."));
        return false;
    }
    setError({});
    const bool modified = isModified();
    m_mode = mode;
    render(*bytes);
    m_editor->document()->setModified(modified);
    updateState();
    return true;
}

void StringValueEditor::updateState()
{
    const bool loaded = m_value->isLoaded();
    const bool preview = m_value->isPreview();
    m_editor->setReadOnly(!loaded || preview || m_mode == Mode::Json || m_busy);
    m_save->setEnabled(loaded && !preview && !m_busy && isModified());
    m_revert->setEnabled(loaded && !m_busy && isModified());
    m_toFile->setEnabled(loaded && !m_busy);
    m_fromFile->setEnabled(loaded && !m_busy);
    m_modeCombo->setEnabled(loaded && !m_busy);
    if (!loaded)
        return;
    const QLocale locale;
    QString info = preview ? tr("Preview: the first %1 of %2 — read-only; use the file buttons")
                                 .arg(dataSize(m_value->value().size()), dataSize(m_value->length()))
                           : tr("%Ln byte(s)", nullptr, int(m_value->length()));
    if (m_mode == Mode::Text && m_escaped)
        info += tr(" — shown escaped: \\xHH is a byte, \\\\ a backslash");
    if (isModified())
        info += tr(" — modified");
    m_info->setText(info);
}

void StringValueEditor::startDecoding(const QByteArray &bytes)
{
    const quint64 generation = ++m_decodeGeneration;
    m_decodedBox->hide();
    m_decodedCombo->clear();
    m_decodedTexts.clear();
    if (bytes.isEmpty()) {
        emit decodingsReady();
        return;
    }
    // Inflating can take a while (up to 16 MiB out): on a pool thread, handed back as a value.
    auto promise = std::make_shared<QPromise<QList<ValueDecoder::Decoding>>>();
    auto *watcher = new QFutureWatcher<QList<ValueDecoder::Decoding>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_decodeGeneration || watcher->future().resultCount() == 0)
            return;
        const QList<ValueDecoder::Decoding> decodings = watcher->future().result();
        for (const ValueDecoder::Decoding &d : decodings) {
            QString text = !d.reading.isEmpty()      ? d.reading
                           : !d.prettyJson.isEmpty() ? d.prettyJson
                           : isCleanText(d.bytes)    ? QString::fromUtf8(d.bytes)
                                                     : BytesEscaper::escape(d.bytes);
            if (d.truncated)
                text += d.reading.isEmpty() ? tr("\n… (stopped at %1)").arg(dataSize(d.bytes.size()))
                                            : tr("\n… (stopped here)");
            m_decodedTexts.append(text);
            m_decodedCombo->addItem(d.prettyJson.isEmpty() || d.label == QLatin1String("JSON")
                                        ? d.label
                                        : tr("%1 → JSON").arg(d.label));
        }
        m_decodedBox->setVisible(!decodings.isEmpty());
        // The innermost decoding (base64 → gzip → JSON rather than base64) is the useful one.
        m_decodedCombo->setCurrentIndex(int(decodings.size()) - 1);
        emit decodingsReady();
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, bytes] {
        promise->start();
        promise->addResult(ValueDecoder::decode(bytes));
        promise->finish();
    });
}

void StringValueEditor::save()
{
    if (m_busy || !m_value->isLoaded() || m_value->isPreview())
        return;
    const auto bytes = editedBytes();
    if (!bytes)
        return;
    setError({});
    m_busy = true;
    updateState();
    m_value->replace(*bytes, this,
                     [this, mine = *bytes](const WriteResult &result) { onReplaced(mine, result); });
}

void StringValueEditor::revert()
{
    setError({});
    showValue(m_value->value());
}

void StringValueEditor::onReplaced(const QByteArray &mine, const WriteResult &result)
{
    m_busy = false;
    switch (result.outcome) {
    case WriteResult::Outcome::Done:
        setError({});
        showValue(m_value->value());
        startDecoding(m_value->isPreview() ? QByteArray() : m_value->value());
        emit savedToServer();
        return;
    case WriteResult::Outcome::AlreadyExists:
    case WriteResult::Outcome::Missing:
    case WriteResult::Outcome::Failed:
        setError(result.message); // the edit stays in the editor
        updateState();
        return;
    case WriteResult::Outcome::Conflict:
        break;
    }
    updateState();
    setError(result.message);
    const QLocale locale;
    m_conflict = WidgetStyle::messageBox(this, QMessageBox::Warning, tr("Value changed on the server"),
                                         result.message);
    m_conflict->setObjectName(QStringLiteral("conflictQuestion"));
    m_conflict->setInformativeText(
        result.currentExists
            ? tr("On the server now: %1. Yours: %2. The details show both.")
                  .arg(dataSize(result.currentLength), dataSize(mine.size()))
            : tr("The key no longer exists on the server. Yours: %1.").arg(dataSize(mine.size())));
    m_conflict->setDetailedText(
        result.currentExists
            ? tr("On the server now:\n%1\n\nYours:\n%2").arg(shown(result.current), shown(mine))
            : tr("Yours:\n%1").arg(shown(mine)));
    QPushButton *overwrite = m_conflict->addButton(
        result.currentExists ? tr("Overwrite with mine") : tr("Recreate with mine"), QMessageBox::AcceptRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    QPushButton *theirs = nullptr;
    if (result.currentExists) {
        theirs = m_conflict->addButton(tr("Load theirs (discard mine)"), QMessageBox::DestructiveRole);
        theirs->setObjectName(QStringLiteral("theirsButton"));
    }
    QPushButton *keep = m_conflict->addButton(tr("Keep editing"), QMessageBox::RejectRole);
    m_conflict->setDefaultButton(keep);
    connect(m_conflict, &QMessageBox::finished, this,
            [this, result, mine, box = m_conflict.data(), overwrite, theirs] {
                if (box->clickedButton() == overwrite) {
                    m_value->adopt(result);
                    m_busy = true;
                    updateState();
                    m_value->replace(mine, this,
                                     [this, mine](const WriteResult &again) { onReplaced(mine, again); });
                } else if (theirs && box->clickedButton() == theirs) {
                    m_value->adopt(result);
                    setError({});
                    showValue(m_value->value());
                    startDecoding(m_value->isPreview() ? QByteArray() : m_value->value());
                }
            });
    m_conflict->open();
}

void StringValueEditor::saveToFile(const QString &path)
{
    setError({});
    m_value->saveToFile(path);
}

void StringValueEditor::loadFromFile(const QString &path)
{
    if (m_busy || !m_value->isLoaded())
        return;
    setError({});
    m_busy = true;
    updateState();
    m_info->setText(tr("Reading %1…").arg(path));
    // Reading up to 512 MiB from disk: on a pool thread.
    using Read = std::pair<QByteArray, QString>; // bytes, error
    auto promise = std::make_shared<QPromise<Read>>();
    auto *watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Read read = watcher->future().result();
        if (!read.second.isEmpty()) {
            m_busy = false;
            updateState();
            setError(read.second);
            return;
        }
        m_value->replace(read.first, this,
                         [this, mine = read.first](const WriteResult &result) { onReplaced(mine, result); });
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, path] {
        promise->start();
        QFile file(path);
        Read read;
        if (!file.open(QIODevice::ReadOnly))
            read.second = tr("Cannot read %1: %2").arg(path, file.errorString());
        else if (file.size() > kMaxFileBytes)
            read.second = tr("%1 is larger than 512 MiB, the largest value Redis accepts.").arg(path);
        else
            read.first = file.readAll();
        promise->addResult(read);
        promise->finish();
    });
}
