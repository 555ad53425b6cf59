#pragma once

#include "gui_metatypes.h"

#include <QString>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSlider;
class QSpinBox;

namespace parlab::gui {

class ParameterForm;
class RunOptionsBox;
struct RequestProblem;

/// What the controls show, for remembering between launches.
struct ControlsState {
    QString workload;
    ParameterValues parameters;
    QString backend;
    int workers = 0;
    QString sweep;
};

/// The left-hand panel: workload and its parameters, backend and worker options, Run / Sweep /
/// Cancel and the progress bar. It builds run requests; it never runs anything itself.
class ControlsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlsPanel(QWidget* parent = nullptr);

    /// The request the controls describe, checked by core's plan_sweep before anything runs, or
    /// nothing (with core's reason shown beside the control it refused) when it would not run.
    std::optional<RunRequest> request(bool sweep);

    void setRunning(bool running);
    void setProgress(const SweepProgress& progress);
    void showMessage(const QString& message);
    /// The backend's worker limit may have changed (a hostfile with other slots): the slider and
    /// the box follow it.
    void refreshWorkerLimit() { backendChanged(); }

    [[nodiscard]] ControlsState state() const;
    void setState(const ControlsState& state);

    // For tests and the launch options: the controls themselves.
    void setWorkload(const QString& name);
    void setBackend(const QString& name);
    void setWorkers(int workers);
    void setSweepRange(const QString& text);
    void setParameters(const ParameterValues& values);
    [[nodiscard]] RunOptionsBox* runOptions() const { return m_options; }

Q_SIGNALS:
    void runRequested(const parlab::gui::RunRequest& request);
    void cancelRequested();

private:
    void workloadChanged();
    /// The worker limit and the options of the backend chosen, from its registry entry.
    void backendChanged();
    /// The registry name of the backend chosen ("cluster"; the list shows "cluster (MPI)").
    [[nodiscard]] QString backendName() const;
    void clearMessages();
    void requestRun(bool sweep);
    void showProblem(const RequestProblem& problem, bool sweep);

    QComboBox* m_workload;
    QLabel* m_summary;
    ParameterForm* m_parameters;
    QComboBox* m_backend;
    QSlider* m_workerSlider;
    QSpinBox* m_workers;
    QLabel* m_workersError;
    QSpinBox* m_chunk;
    QLabel* m_chunkError;
    QComboBox* m_schedule;
    QSpinBox* m_repeats;
    QLabel* m_repeatsError;
    QLineEdit* m_sweep;
    QLabel* m_sweepError;
    QCheckBox* m_shipInputs;
    QComboBox* m_shipVia = nullptr; ///< beside m_shipInputs: the socket or shared memory
    RunOptionsBox* m_options;
    QPushButton* m_run;
    QPushButton* m_sweepButton;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_message;
    QWidget* m_fields; ///< the two boxes, in m_fieldsScroll
    QScrollArea* m_fieldsScroll;
};

} // namespace parlab::gui
