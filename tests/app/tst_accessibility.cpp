#include "blockingcall.h"
#include "clusterpage.h"
#include "embeddedserver.h"
#include "keybrowserpage.h"
#include "mainwindow.h"
#include "redisconnection.h"
#include "session.h"
#include "sessionview.h"
#include "testserver.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <qcustomplot.h>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>

namespace {

// What a screen reader says a widget is, through the same QAccessible interface Orca reads over AT-SPI.
QString accessibleText(QWidget *widget, QAccessible::Text text)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(text).trimmed() : QString();
}

bool isInteractive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w) ||
           qobject_cast<const QTextEdit *>(w);
}

// Parts Qt builds inside another control, named through it (a spin box's line edit, a combo box's list,
// a table's corner button, a tab bar's scroll arrows, a header). A line edit's clear button is not one.
bool isInternalPart(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox *>(p) || qobject_cast<const QComboBox *>(p) ||
            qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QMenu *>(p) ||
            p->inherits("QTabBar") || p->inherits("QHeaderView"))
            return true;
    }
    return w->inherits("QHeaderView") || w->inherits("QTabBar") || w->parentWidget() == nullptr ||
           w->objectName().startsWith(QLatin1String("qt_"));
}

QString where(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p && path.size() < 4; p = p->parentWidget())
        path.prepend(QString::fromLatin1(p->metaObject()->className()) +
                     (p->objectName().isEmpty() ? QString() : QLatin1Char('#') + p->objectName()));
    QString hint;
    if (auto *edit = qobject_cast<const QLineEdit *>(w))
        hint = edit->placeholderText();
    if (hint.isEmpty())
        hint = w->toolTip();
    return path.join(QLatin1String(" > ")) + (hint.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(hint));
}

// Every interactive control without a name, every item view that keeps Tab for its cells, and every
// custom-painted view (charts, the slot bar) without a name or without figures in its description, under root.
QStringList problems(QWidget *root)
{
    QStringList out;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        auto *plot = qobject_cast<QCustomPlot *>(w);
        if (plot || w->objectName() == QLatin1String("coverageBar")) {
            // A chart with data, and the slot bar, read out figures; an empty chart says so.
            bool hasData = !plot;
            for (int i = 0; plot && i < plot->plottableCount(); ++i) {
                const QCPPlottableInterface1D *data = plot->plottable(i)->interface1D();
                hasData = hasData || (data && data->dataCount() > 0);
            }
            const QString description = accessibleText(w, QAccessible::Description);
            const bool figures = description.contains(QRegularExpression(QStringLiteral("\\d")));
            if (accessibleText(w, QAccessible::Name).isEmpty())
                out.append(QStringLiteral("custom view without a name: ") + where(w));
            else if (description.isEmpty() || (hasData && !figures))
                out.append(QStringLiteral("custom view without figures (\"%1\"): ").arg(description) +
                           where(w));
            continue;
        }
        if (!isInteractive(w) || isInternalPart(w))
            continue;
        if (accessibleText(w, QAccessible::Name).isEmpty())
            out.append(QStringLiteral("unnamed: ") + where(w));
        // Tab leaves a view (arrows move inside it): Tab from cell to cell through 100,000 rows is a trap.
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->tabKeyNavigation())
            out.append(QStringLiteral("Tab moves between cells: ") + where(w));
    }
    out.removeDuplicates();
    return out;
}

// The enabled, visible controls under page that Tab should reach.
QList<QWidget *> tabStops(QWidget *page)
{
    QList<QWidget *> out;
    for (QWidget *w : page->findChildren<QWidget *>()) {
        if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy() &&
            !isInternalPart(w))
            out.append(w);
    }
    return out;
}

// Presses Tab from first until focus comes back to it, stays put (a keyboard trap) or 400 presses; the
// controls focus went through.
QSet<QWidget *> tabThrough(QWidget *first)
{
    QSet<QWidget *> visited;
    first->setFocus(Qt::TabFocusReason);
    QWidget *focus = QApplication::focusWidget();
    for (int i = 0; i < 400 && focus; ++i) {
        visited.insert(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        QWidget *next = QApplication::focusWidget();
        if (!next || next == first || next == focus)
            break;
        focus = next;
    }
    return visited;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyControlIsNamed();
    void tabReachesEveryControl();

private:
    QTemporaryDir m_settingsDir;
};

void TestAccessibility::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("KeyscopeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accessibility"));
    if (EmbeddedServer::findExecutable().isEmpty())
        QSKIP("redis-server is not installed");
}

void TestAccessibility::everyControlIsNamed()
{
    TestServer server;
    QVERIFY(server.start());
    {
        auto admin = server.connect();
        QVERIFY(admin);
        blockingCall(*admin, {"SET", "a11y:string", "{\"ok\":true}"});
        blockingCall(*admin, {"HSET", "a11y:hash", "field", "value"});
        blockingCall(*admin, {"XADD", "a11y:stream", "*", "field", "value"});
        blockingCall(*admin, {"XGROUP", "CREATE", "a11y:stream", "readers", "0"});
    }
    MainWindow::Options options;
    options.persistState = false;
    options.connectTo = server.config();
    options.localCluster = true;
    options.postgres = QStringLiteral("postgres://127.0.0.1:1/none"); // the panel, even if nothing answers
    MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(window.views().size() == 2, 60000);
    for (SessionView *view : window.views())
        QTRY_VERIFY_WITH_TIMEOUT(view->session()->isReady(), 30000);
    QVERIFY(window.page<ClusterPage>() || window.views().last()->page<ClusterPage>());
    // Every page of both sessions shown once, as a person tabbing through would see them.
    for (SessionView *view : window.views()) {
        for (int i = 0; i < view->tabs()->count(); ++i) {
            view->tabs()->setCurrentIndex(i);
            QTest::qWait(50);
        }
    }
    QTest::qWait(1500); // charts draw and describe their first figures
    QStringList found = problems(&window);
    // Each kind of value editor, opened as a person would, by going to its key.
    SessionView *standalone = window.views().first();
    standalone->tabs()->setCurrentIndex(0);
    auto *keys = standalone->page<KeyBrowserPage>();
    const QList<std::pair<QString, QString>> editors = {
        {QStringLiteral("a11y:string"), QStringLiteral("valueEdit")},
        {QStringLiteral("a11y:hash"), QStringLiteral("elementFilter")},
        {QStringLiteral("a11y:stream"), QStringLiteral("streamError")}};
    for (const auto &[key, editor] : editors) {
        keys->goToKey(key);
        QTRY_VERIFY_WITH_TIMEOUT(keys->findChild<QWidget *>(editor), 10000);
        QTest::qWait(300);
        found += problems(&window);
    }
    found.removeDuplicates();
    for (const QString &problem : found)
        qWarning("%s", qPrintable(problem));
    QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1 problem(s), listed above").arg(found.size())));
}

void TestAccessibility::tabReachesEveryControl()
{
    TestServer server;
    QVERIFY(server.start());
    MainWindow::Options options;
    options.persistState = false;
    options.connectTo = server.config();
    MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    QApplication::setActiveWindow(&window);
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(!window.views().isEmpty() && window.views().first()->session()->isReady(),
                             30000);
    SessionView *view = window.views().first();
    QStringList missing;
    for (int i = 0; i < view->tabs()->count(); ++i) {
        view->tabs()->setCurrentIndex(i);
        QWidget *page = view->tabs()->widget(i);
        QTest::qWait(100);
        const QList<QWidget *> stops = tabStops(page);
        QVERIFY2(!stops.isEmpty(), qPrintable(view->tabs()->tabText(i)));
        const QSet<QWidget *> reached = tabThrough(stops.first());
        for (QWidget *w : stops) {
            if (!reached.contains(w))
                missing.append(view->tabs()->tabText(i) + QStringLiteral(": ") + where(w) +
                               QStringLiteral(" (") + accessibleText(w, QAccessible::Name) +
                               QLatin1Char(')'));
        }
    }
    for (const QString &m : missing)
        qWarning("not reached by Tab: %s", qPrintable(m));
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 control(s) Tab never reaches, listed above").arg(missing.size())));
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
