#pragma once

#include <QMainWindow>

#include <vector>

class QTabWidget;

namespace parlab::gui {

class ControlsPanel;
class DemoSweeps;
class LessonDock;
class PlotView;
class RunController;
class Session;
class SpeedupView;
class WorkerTabs;
struct RunRequest;

/// The classroom window: controls on the left, the plot views in tabs on the right. It builds
/// the window and wires the parts: the session holds the runs, the views draw from it.
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
    /// Shows that tab and keeps it in front for this launch (`parlab --tab NAME`): a coffee run or
    /// a cluster's joining ranks no longer bring their own tabs forward.
    bool chooseTab(const QString& name);
    /// A small sweep, so the window shows data right after launch (on the Costs tab, the costs demo).
    void startDemoSweep();
    /// Starts a run through the one controller (the controls, the demo and the lessons ask here).
    void startRun(const RunRequest& request);

    /// Replaces the session's runs with the file's, or changes nothing and returns why not.
    QString loadSession(const QString& path);
    QString saveSession(const QString& path) const;

    [[nodiscard]] ControlsPanel* controls() const { return m_controls; }
    [[nodiscard]] SpeedupView* speedupView() const { return m_speedup; }
    [[nodiscard]] RunController* controller() const { return m_controller; }
    [[nodiscard]] Session* session() const { return m_session; }
    [[nodiscard]] WorkerTabs* workerTabs() const { return m_workerTabs; }
    [[nodiscard]] LessonDock* lessons() const { return m_lessons; }
    [[nodiscard]] const std::vector<PlotView*>& views() const { return m_views; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    /// How much larger everything is in presentation mode, on top of the zoom.
    static constexpr double presentation_scale = 1.6;

    void wireRuns();
    void buildMenus();
    void addView(PlotView* view, const QString& title);
    void runFailed(const QString& message);
    void applyScale();
    [[nodiscard]] PlotView* currentView() const;

    Session* m_session;
    ControlsPanel* m_controls;
    QTabWidget* m_tabs;
    SpeedupView* m_speedup;
    RunController* m_controller;
    DemoSweeps* m_demo;
    WorkerTabs* m_workerTabs = nullptr;
    LessonDock* m_lessons = nullptr;
    std::vector<PlotView*> m_views;
    double m_zoom = 1.0;
    bool m_presentation = false;
};

} // namespace parlab::gui
