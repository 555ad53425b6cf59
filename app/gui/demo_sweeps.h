#pragma once

#include "run_request.h"

#include <QObject>

#include <memory>
#include <vector>

namespace parlab::gui {

class ControlsPanel;
class RunController;

/// The demo sweeps a teacher can start at launch (--demo-sweep), so the window shows data at
/// once. It sets the controls as a teacher would and asks for the runs; the window starts them.
class DemoSweeps : public QObject {
    Q_OBJECT
public:
    DemoSweeps(ControlsPanel* controls, RunController* controller, QObject* parent = nullptr);

    /// A small coffee sweep on the default backend.
    void startSweep();
    /// eigen swept on the default backend, then on one that ships inputs, first recomputing the
    /// inputs and then receiving them: one sweep after the other, until one is cancelled.
    void startCosts();

Q_SIGNALS:
    void runRequested(const parlab::gui::RunRequest& request);

private:
    ControlsPanel* m_controls;
    RunController* m_controller;
};

} // namespace parlab::gui
