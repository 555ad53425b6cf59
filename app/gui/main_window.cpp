#include "main_window.h"

#include "controls_panel.h"
#include "costs_view.h"
#include "export_bundle.h"
#include "plot_exporter.h"
#include "points_csv.h"
#include "run_controller.h"
#include "session_file.h"
#include "settings.h"
#include "speedup_view.h"

#if __has_include("core_load_view.h")
#include "core_load_view.h"
#endif
#if __has_include("trends_view.h")
#include "trends_view.h"
#endif
#if __has_include("timeline_view.h")
#include "timeline_view.h"
#endif

#include "analysis/amdahl.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include <qcustomplot.h>

#include <memory>

namespace parlab::gui {

namespace {

constexpr double presentation_scale = 1.6;

// On a desk the window uses most of a large screen; on a projector it fills 1280x720.
QSize defaultSize()
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen)
        return {1280, 720};
    const QSize available = screen->availableGeometry().size();
    if (available.width() <= 1280 || available.height() <= 720)
        return available.boundedTo(QSize(1280, 720));
    return (available * 0.9).expandedTo(QSize(1280, 720));
}

QString describe(const RunRequest& request)
{
    const auto& s = request.sweep;
    return QStringLiteral("%1 %2 on %3, workers %4")
        .arg(request.is_sweep ? QStringLiteral("Sweeping") : QStringLiteral("Running"),
             QString::fromStdString(s.workload), QString::fromStdString(s.backend),
             QString::fromStdString(s.workers.text()));
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_controls(new ControlsPanel), m_tabs(new QTabWidget), m_speedup(new SpeedupView),
      m_controller(new RunController(this))
{
    setWindowTitle(QStringLiteral("parlab"));
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(340);
    auto* splitter = new QSplitter;
    splitter->addWidget(scroll);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    setCentralWidget(splitter);

    addView(m_speedup, tr("Speedup"));
#if __has_include("core_load_view.h")
    addView(new CoreLoadView(this), tr("Core load"));
#endif
#if __has_include("trends_view.h")
    addView(new TrendsView(this), tr("Dennard scaling"));
#endif
#if __has_include("timeline_view.h")
    auto* timeline = new TimelineView(this);
    m_timeline = timeline;
    addView(timeline, tr("Timeline"));
    connect(m_controller, &RunController::taskEvents, timeline, &TimelineView::addEvents);
    connect(m_controller, &RunController::finished, timeline,
            [timeline](const SweepResult& result) { timeline->setTrace(result.last_run.trace); });
#endif

    auto* costs = new CostsView(this);
    addView(costs, tr("Costs"));

    connect(m_controls, &ControlsPanel::runRequested, this, &MainWindow::startRun);
    connect(m_controls, &ControlsPanel::cancelRequested, m_controller, &RunController::cancel);
    connect(m_controller, &RunController::progress, m_controls, &ControlsPanel::setProgress);
    connect(m_controller, &RunController::baselineReady, this, [this](const Point& point) {
        m_runs.back().serial = point;
        m_runs.back().has_serial = true;
    });
    connect(m_controller, &RunController::pointReady, this, [this](const Point& point) {
        m_runs.back().points.push_back(point);
        m_speedup->addPoint(point);
    });
    // After the two above, so the session's runs already hold the new point.
    connect(m_controller, &RunController::baselineReady, costs, [this, costs] { costs->setRuns(m_runs); });
    connect(m_controller, &RunController::pointReady, costs, [this, costs] { costs->setRuns(m_runs); });
    connect(m_controller, &RunController::finished, this, [this](const SweepResult& result) {
        m_lastRun = result.last_run;
        const double s = result.amdahl.serial_fraction;
        const double most = result.points.empty() ? 1.0 : static_cast<double>(result.points.back().workers);
        statusBar()->showMessage(
            tr("Done: %1 · %2, Amdahl serial fraction s = %3; Gustafson (work grown with %4 processors): %5x")
                .arg(QString::fromStdString(result.serial.workload), QString::fromStdString(result.last_run.backend))
                .arg(s, 0, 'f', 3)
                .arg(most)
                .arg(gustafson_speedup(s, most), 0, 'f', 2));
    });
    connect(m_controller, &RunController::cancelled, this,
            [this] { statusBar()->showMessage(tr("Cancelled; the points measured so far are kept.")); });
    connect(m_controller, &RunController::failed, this, &MainWindow::runFailed);
    connect(m_controller, &RunController::idle, this, [this] { m_controls->setRunning(false); });

    buildMenus();
    const WindowState state = Settings::load();
    m_controls->setState(state.controls);
    m_zoom = state.scale > 0.3 && state.scale < 4.0 ? state.scale : 1.0;
    if (!state.geometry.isEmpty())
        restoreGeometry(state.geometry);
    else
        resize(defaultSize());
    if (!state.tab.isEmpty())
        showTab(state.tab);
    applyScale();
    statusBar()->showMessage(tr("Pick a workload and press Run (F5) or Sweep (Shift+F5)."));
}

MainWindow::~MainWindow() = default;

void MainWindow::addView(PlotView* view, const QString& title)
{
    m_views.push_back(view);
    // A plot's own minimum follows its largest text; left alone it would widen the window past
    // a 1280-pixel projector in presentation mode.
    view->plot()->setMinimumSize(320, 240);
    m_tabs->addTab(view, title);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Export plot…"), this, &MainWindow::exportPlot);
    file->addAction(tr("Export CSV…"), this, &MainWindow::exportCsv);
    file->addAction(tr("Export bundle…"), this, &MainWindow::exportBundle);
    file->addSeparator();
    file->addAction(tr("Save session…"), QKeySequence::Save, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save session"), QStringLiteral("session.json"),
                                                          tr("parlab session (*.json)"));
        if (!path.isEmpty())
            statusBar()->showMessage(saveSession(path));
    });
    file->addAction(tr("Load session…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load session"), {}, tr("parlab session (*.json)"));
        if (path.isEmpty())
            return;
        const QString error = loadSession(path);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Load session"), error);
    });
    file->addSeparator();
    file->addAction(tr("Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(tr("Run"), QKeySequence(Qt::Key_F5), this, [this] {
        if (auto request = m_controls->request(false))
            startRun(*request);
    });
    run->addAction(tr("Sweep"), QKeySequence(Qt::SHIFT | Qt::Key_F5), this, [this] {
        if (auto request = m_controls->request(true))
            startRun(*request);
    });
    run->addAction(tr("Cancel"), QKeySequence(Qt::Key_Escape), m_controller, &RunController::cancel);
    run->addAction(tr("Clear plot"), this, [this] {
        m_runs.clear();
        showAllRuns();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* presentation = view->addAction(tr("Presentation mode"));
    presentation->setCheckable(true);
    presentation->setShortcut(QKeySequence(Qt::Key_F11));
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentation);
    view->addAction(tr("Larger"), QKeySequence(Qt::CTRL | Qt::Key_Equal), this, [this] { zoom(1.15); });
    view->addAction(tr("Smaller"), QKeySequence(Qt::CTRL | Qt::Key_Minus), this, [this] { zoom(1 / 1.15); });
    // Ctrl++ on keyboards where = needs Shift.
    new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus), this, [this] { zoom(1.15); });

    menuBar()->addMenu(tr("&Help"))->addAction(tr("About parlab"), this, &MainWindow::about);
}

void MainWindow::startRun(const RunRequest& request)
{
    if (m_controller->isRunning()) {
        statusBar()->showMessage(tr("A run is in progress: cancel it (Esc) before starting another."));
        return;
    }
    m_runs.push_back({request.sweep, false, {}, {}});
    m_controls->setRunning(true);
    m_controls->showMessage({});
    m_controller->start(request);
    statusBar()->showMessage(describe(request) + QStringLiteral("…"));
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

void MainWindow::setPresentation(bool on)
{
    m_presentation = on;
    if (on)
        showFullScreen();
    else
        showNormal();
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
    // The controls grow less than the plots: at full plot scale they would no longer fit 720 rows.
    const double controlsScale = 1.0 + 0.5 * (scale - 1.0);
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * controlsScale * 1.1);
    m_controls->setFont(font);
    m_tabs->tabBar()->setFont(font);
    statusBar()->setFont(font);
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

void MainWindow::showAllRuns()
{
    m_speedup->clear();
    for (const auto& run : m_runs)
        for (const auto& point : run.points)
            m_speedup->addPoint(point);
    if (auto* costs = findChild<CostsView*>())
        costs->setRuns(m_runs);
}

QString MainWindow::loadSession(const QString& path)
{
    if (m_controller->isRunning())
        return tr("A run is in progress: cancel it before loading a session.");
    try {
        m_runs = SessionFile::load(path);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    m_lastRun.reset();
    showAllRuns();
    statusBar()->showMessage(tr("Loaded %1 runs from %2").arg(m_runs.size()).arg(path));
    return {};
}

QString MainWindow::saveSession(const QString& path) const
{
    try {
        SessionFile::save(path, m_runs);
        return tr("Saved the session to %1").arg(path);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
}

void MainWindow::exportPlot()
{
    auto* view = qobject_cast<PlotView*>(m_tabs->currentWidget());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), view->exportName() + ".png",
                                                      tr("Images (*.png *.svg *.pdf)"));
    if (path.isEmpty())
        return;
    try {
        PlotExporter::save(view->plot(), path);
        statusBar()->showMessage(tr("Wrote %1").arg(path));
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Export plot"), QString::fromStdString(error.what()));
    }
}

void MainWindow::exportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("points.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes = QByteArray::fromStdString(PointsCsv::write(ExportBundle::allPoints(m_runs)));
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        statusBar()->showMessage(tr("Wrote %1").arg(path));
    else
        QMessageBox::warning(this, tr("Export CSV"), tr("Could not write %1: %2").arg(path, file.errorString()));
}

void MainWindow::exportBundle()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export bundle into folder"));
    if (folder.isEmpty())
        return;
    try {
        const QStringList files = ExportBundle::write(folder, m_views, m_runs, m_lastRun);
        statusBar()->showMessage(tr("Wrote %1 files to %2").arg(files.size()).arg(folder));
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Export bundle"), QString::fromStdString(error.what()));
    }
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About parlab"),
                       tr("<h3>parlab %1</h3><p>A classroom laboratory for parallel computing: threads, "
                          "processes, speedup, Amdahl's law.</p><p>Data: Karl Rupp, \"Microprocessor Trend Data\" "
                          "(github.com/karlrupp/microprocessor-trend-data), CC BY 4.0. Original data up to 2010 "
                          "collected by M. Horowitz, F. Labonte, O. Shacham, K. Olukotun, L. Hammond, and C. Batten; "
                          "data for 2010-2021 collected by K. Rupp.</p>")
                           .arg(QStringLiteral(PARLAB_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_controller->cancel();
    Settings::save({m_controls->state(), m_zoom, saveGeometry(),
                    qobject_cast<PlotView*>(m_tabs->currentWidget())
                        ? qobject_cast<PlotView*>(m_tabs->currentWidget())->exportName()
                        : QString()});
    QMainWindow::closeEvent(event);
}

} // namespace parlab::gui
