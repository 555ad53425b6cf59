#include "main_window.h"

#include "controls/controls_panel.h"
#include "demo_sweeps.h"
#include "export/export_actions.h"
#include "lessons/lecture_tools.h"
#include "run_controller.h"
#include "session/session.h"
#include "settings.h"
#include "views/comparison_view.h"
#include "views/core_load_view.h"
#include "views/costs_view.h"
#include "views/hostfile_editor.h"
#include "views/hosts_view.h"
#include "views/speedup_view.h"
#include "views/timeline_view.h"
#include "views/trends_view.h"
#include "window_texts.h"
#include "worker_tabs.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

namespace parlab::gui {
MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new Session(this)), m_controls(new ControlsPanel),
      m_tabs(new QTabWidget), m_speedup(new SpeedupView), m_controller(new RunController(this)),
      m_demo(new DemoSweeps(m_controls, m_controller, this))
{
    setWindowTitle(QStringLiteral("parlab"));
    auto* splitter = new QSplitter;
    splitter->addWidget(m_controls);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);
    addView(m_speedup, tr("Speedup"));
    auto* coreLoad = new CoreLoadView(this);
    addView(coreLoad, tr("Core load"));
    addView(new TrendsView(this), tr("Dennard scaling"));
    auto* timeline = new TimelineView(this);
    addView(timeline, tr("Timeline"));
    // Grouped by host from the moment the ranks join, while the run is live.
    connect(m_controller, &RunController::ranksJoined, timeline, &TimelineView::setJoinedRanks);
    addView(new CostsView(this), tr("Costs"));
    m_workerTabs = new WorkerTabs(m_session, m_controller, m_tabs, m_speedup, coreLoad, statusBar(), this);
    connect(m_workerTabs->hosts()->editor(), &HostfileEditor::hostfileChanged, m_controls,
            &ControlsPanel::refreshWorkerLimit);
    addView(m_workerTabs->comparison(), tr("Compare"));
    wireRuns();
    buildMenus();
    m_lessons = install_lecture_tools(this);

    const WindowState state = Settings::load();
    m_controls->setState(state.controls);
    m_zoom = state.scale > 0.3 && state.scale < 4.0 ? state.scale : 1.0;
    if (!state.geometry.isEmpty())
        restoreGeometry(state.geometry);
    else
        resize(Settings::defaultSize());
    if (!state.tab.isEmpty())
        showTab(state.tab);
    applyScale();
    statusBar()->showMessage(tr("Pick a workload and press Run (F5) or Sweep (Shift+F5)."));
}

MainWindow::~MainWindow() = default;

void MainWindow::addView(PlotView* view, const QString& title)
{
    m_views.push_back(view);
    view->setSession(m_session);
    m_tabs->addTab(view, title);
}

void MainWindow::wireRuns()
{
    connect(m_controls, &ControlsPanel::runRequested, this, &MainWindow::startRun);
    connect(m_demo, &DemoSweeps::runRequested, this, &MainWindow::startRun);
    connect(m_controls, &ControlsPanel::cancelRequested, m_controller, &RunController::cancel);
    connect(m_controller, &RunController::progress, m_controls, &ControlsPanel::setProgress);
    connect(m_controller, &RunController::baselineReady, m_session, &Session::addBaseline);
    connect(m_controller, &RunController::pointReady, m_session, &Session::addPoint);
    connect(m_controller, &RunController::taskEvents, m_session, &Session::addLiveEvents);
    connect(m_controller, &RunController::finished, this, [this](const SweepResult& result) {
        m_session->setLastRun(result.last_run);
        statusBar()->showMessage(finishedText(result));
    });
    connect(m_controller, &RunController::cancelled, this,
            [this] { statusBar()->showMessage(tr("Cancelled; the points measured so far are kept.")); });
    connect(m_controller, &RunController::failed, this, &MainWindow::runFailed);
    connect(m_controller, &RunController::idle, this, [this] { m_controls->setRunning(false); });
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    (new ExportActions(m_session, m_tabs, m_views, statusBar(), this))->addTo(file);
    file->addSeparator();
    file->addAction(tr("Save session…"), QKeySequence::Save, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save session"), QStringLiteral("session.json"), tr("parlab session (*.json)"));
        if (!path.isEmpty())
            statusBar()->showMessage(saveSession(path));
    });
    file->addAction(tr("Load session…"), QKeySequence::Open, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Load session"), {}, tr("parlab session (*.json)"));
        const QString error = path.isEmpty() ? QString() : loadSession(path);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Load session"), error);
    });
    file->addSeparator();
    file->addAction(tr("Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    for (const bool sweep : {false, true}) {
        run->addAction(sweep ? tr("Sweep") : tr("Run"),
                       sweep ? QKeySequence(Qt::SHIFT | Qt::Key_F5) : QKeySequence(Qt::Key_F5), this,
                       [this, sweep] {
                           if (auto request = m_controls->request(sweep))
                               startRun(*request);
                       });
    }
    run->addAction(tr("Cancel"), QKeySequence(Qt::Key_Escape), m_controller, &RunController::cancel);
    run->addAction(tr("Clear plot"), this, [this] { m_session->replaceRuns({}); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* presentation = view->addAction(tr("Presentation mode"));
    presentation->setCheckable(true);
    presentation->setShortcut(QKeySequence(Qt::Key_F11));
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentation);
    view->addAction(tr("Larger"), QKeySequence(Qt::CTRL | Qt::Key_Equal), this, [this] { zoom(1.15); });
    view->addAction(tr("Smaller"), QKeySequence(Qt::CTRL | Qt::Key_Minus), this, [this] { zoom(1 / 1.15); });
    // Ctrl++ on keyboards where = needs Shift.
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus), this, [this] { zoom(1.15); });

    menuBar()->addMenu(tr("&Help"))->addAction(tr("About parlab"), this, [this] { showAbout(this); });
}

void MainWindow::startRun(const RunRequest& request)
{
    if (m_controller->isRunning()) {
        statusBar()->showMessage(tr("A run is in progress: cancel it (Esc) before starting another."));
        return;
    }
    m_session->beginRun(request.sweep);
    m_controls->setRunning(true);
    m_controls->showMessage({});
    m_controller->start(request);
    statusBar()->showMessage(startedText(request) + QStringLiteral("…"));
}

void MainWindow::runFailed(const QString& message)
{
    statusBar()->showMessage(tr("The run failed: %1").arg(message));
    m_controls->showMessage(message);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("The run failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::startDemoSweep()
{
    if (currentView() && currentView()->exportName() == QStringLiteral("costs"))
        m_demo->startCosts();
    else
        m_demo->startSweep();
}

void MainWindow::setPresentation(bool on)
{
    m_presentation = on;
    on ? showFullScreen() : showNormal();
    applyScale();
}

void MainWindow::zoom(double factor)
{
    m_zoom = std::clamp(m_zoom * factor, 0.5, 3.0);
    applyScale();
}

void MainWindow::applyScale()
{
    const double scale = m_zoom * (m_presentation ? presentation_scale : 1.0);
    for (PlotView* view : m_views)
        view->setScale(scale);
    m_workerTabs->setScale(scale);
    m_lessons->setScale(scale);
    // The controls grow less than the plots: at full plot scale they would no longer fit 720 rows.
    const double controlsScale = 1.0 + 0.5 * (scale - 1.0);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * controlsScale * 1.1);
    m_controls->setFont(font);
    m_tabs->tabBar()->setFont(font);
    statusBar()->setFont(font);
}

PlotView* MainWindow::currentView() const
{
    return qobject_cast<PlotView*>(m_tabs->currentWidget());
}

bool MainWindow::showTab(const QString& name)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto* view = qobject_cast<PlotView*>(m_tabs->widget(i));
        if ((view && view->exportName().compare(name, Qt::CaseInsensitive) == 0) ||
            m_tabs->tabText(i).compare(name, Qt::CaseInsensitive) == 0) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool MainWindow::chooseTab(const QString& name)
{
    if (!showTab(name))
        return false;
    m_workerTabs->keepCurrentTab();
    return true;
}

QString MainWindow::loadSession(const QString& path)
{
    if (m_controller->isRunning())
        return tr("A run is in progress: cancel it before loading a session.");
    const QString error = m_session->load(path);
    if (error.isEmpty())
        statusBar()->showMessage(tr("Loaded %1 runs from %2").arg(m_session->runs().size()).arg(path));
    return error;
}

QString MainWindow::saveSession(const QString& path) const
{
    const QString error = m_session->save(path);
    return error.isEmpty() ? tr("Saved the session to %1").arg(path) : error;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_controller->cancel();
    Settings::save({m_controls->state(), m_zoom, saveGeometry(),
                    currentView() ? currentView()->exportName() : QString()});
    QMainWindow::closeEvent(event);
}

} // namespace parlab::gui
