#include "lessons/lesson_dock.h"

#include "controls/controls_panel.h"
#include "lessons/lesson_panel.h"
#include "main_window.h"
#include "run_controller.h"
#include "session/session.h"

#include <QFileDialog>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>

namespace parlab::gui {

LessonDock::LessonDock(MainWindow* window)
    : QDockWidget(tr("Lesson"), window), m_window(window), m_panel(new LessonPanel),
      m_menu(new QMenu(tr("&Lessons"), window))
{
    // Before Help, which stays last.
    const QList<QAction*> menus = window->menuBar()->actions();
    window->menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.back(), m_menu);
    setObjectName(QStringLiteral("lesson_dock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(scroll);
    window->addDockWidget(Qt::LeftDockWidgetArea, this);
    hide();
    // The lesson drives the runs: while it is shown, its text takes the controls' place.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        for (QWidget* w = m_window->controls(); w && w != m_window; w = w->parentWidget()) {
            if (auto* controlsScroll = qobject_cast<QScrollArea*>(w)) {
                controlsScroll->setVisible(!visible);
                break;
            }
        }
        if (visible)
            m_window->resizeDocks({this}, {m_window->width() * 45 / 100}, Qt::Horizontal);
    });

    RunController* controller = window->controller();
    connect(m_panel, &LessonPanel::runRequested, window, &MainWindow::startRun);
    connect(m_panel, &LessonPanel::clearRequested, window, [window] { window->session()->replaceRuns({}); });
    connect(m_panel, &LessonPanel::trendsRequested, window,
            [window] { window->showTab(QStringLiteral("trends")); });
    connect(controller, &RunController::finished, m_panel, &LessonPanel::sweepFinished);
    connect(controller, &RunController::failed, m_panel, &LessonPanel::sweepStopped);
    connect(controller, &RunController::cancelled, m_panel,
            [this] { m_panel->sweepStopped(tr("cancelled")); });
    // Queued: the window's own idle handler runs first, so the next sweep finds the controls free.
    connect(controller, &RunController::idle, m_panel, &LessonPanel::controllerIdle, Qt::QueuedConnection);
    connect(m_panel, &LessonPanel::lessonRevealed, window, [this] {
        if (m_panel->lesson() && m_panel->lesson()->trends.empty())
            m_window->showTab(QStringLiteral("speedup"));
    });
    loadFolder(defaultFolder());
}

QString LessonDock::defaultFolder()
{
    const QByteArray env = qgetenv("PARLAB_LESSONS");
    return env.isEmpty() ? QStringLiteral(PARLAB_LESSONS_DIR) : QString::fromLocal8Bit(env);
}

void LessonDock::loadFolder(const QString& folder)
{
    const QStringList problems = m_panel->loadFolder(folder);
    rebuildMenu();
    if (!problems.isEmpty())
        m_window->statusBar()->showMessage(
            tr("%n lesson file(s) skipped: %1", nullptr, static_cast<int>(problems.size()))
                .arg(problems.join(QStringLiteral("; "))));
}

void LessonDock::rebuildMenu()
{
    m_menu->clear();
    for (const Lesson& lesson : m_panel->library().lessons) {
        const QString name = QString::fromStdString(lesson.name);
        m_menu->addAction(QString::fromStdString(lesson.title), this, [this, name] { openLesson(name); });
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("Open folder…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a folder of lessons"));
        if (!folder.isEmpty()) {
            loadFolder(folder);
            show();
        }
    });
}

bool LessonDock::openLesson(const QString& name)
{
    if (!m_panel->openLesson(name))
        return false;
    show();
    return true;
}

void LessonDock::setScale(double scale)
{
    m_panel->setScale(scale);
}

} // namespace parlab::gui
