#pragma once

#include "run_record.h"

#include <QMainWindow>

#include <optional>
#include <vector>

class QTabWidget;

namespace parlab::gui {

class ControlsPanel;
class PlotView;
class RunController;
class SpeedupView;
struct RunRequest;

/// The classroom window: controls on the left, the plot views in tabs on the right. It wires
/// the parts together and keeps the session's runs; the parts do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void setPresentation(bool on);
    /// Multiplies every plot's and the controls' scale (Ctrl+= / Ctrl+-).
    void zoom(double factor);
    /// Shows the tab whose view exports as `name` ("speedup", "trends", …) or is titled so.
    bool showTab(const QString& name);
    /// A small sweep, so the window shows data right after launch (on the Costs tab, startCostsDemo).
    void startDemoSweep();
    /// Sweeps eigen with threads, processes and processes shipping their inputs, one after another.
    void startCostsDemo();

    /// Replaces the session's runs with the file's, or changes nothing and returns why not.
    QString loadSession(const QString& path);
    QString saveSession(const QString& path) const;

    [[nodiscard]] ControlsPanel* controls() const { return m_controls; }
    [[nodiscard]] SpeedupView* speedupView() const { return m_speedup; }
    [[nodiscard]] RunController* controller() const { return m_controller; }
    [[nodiscard]] const std::vector<RunRecord>& runs() const { return m_runs; }
    [[nodiscard]] const std::vector<PlotView*>& views() const { return m_views; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void addView(PlotView* view, const QString& title);
    void startRun(const RunRequest& request);
    void runFailed(const QString& message);
    void applyScale();
    void showAllRuns();
    void exportPlot();
    void exportCsv();
    void exportBundle();
    void about();

    ControlsPanel* m_controls;
    QTabWidget* m_tabs;
    SpeedupView* m_speedup;
    RunController* m_controller;
    QWidget* m_timeline = nullptr;
    std::vector<PlotView*> m_views;
    std::vector<RunRecord> m_runs;
    std::optional<Run> m_lastRun;
    double m_zoom = 1.0;
    bool m_presentation = false;
};

} // namespace parlab::gui
