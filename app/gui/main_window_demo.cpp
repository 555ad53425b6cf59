// The demo sweeps a teacher can start at launch (--demo-sweep), so the window shows data at once.
#include "main_window.h"

#include "controls_panel.h"
#include "plot_view.h"
#include "run_controller.h"
#include "run_request.h"

#include <QTabWidget>

#include <memory>
#include <vector>

namespace parlab::gui {

void MainWindow::startDemoSweep()
{
    auto* view = qobject_cast<PlotView*>(m_tabs->currentWidget());
    if (view && view->exportName() == QStringLiteral("costs")) {
        startCostsDemo();
        return;
    }
    m_controls->setWorkload(QStringLiteral("coffee"));
    m_controls->setParameters({{"students", "30"}, {"seconds", "0.02"}, {"mode", "work"}});
    m_controls->setBackend(QStringLiteral("threads"));
    if (auto request = m_controls->request(true))
        startRun(*request);
}

void MainWindow::startCostsDemo()
{
    // Matrices worth shipping, swept with threads, then processes recomputing their inputs, then
    // processes receiving them: one sweep after the other, until one is cancelled.
    m_controls->setWorkload(QStringLiteral("eigen"));
    m_controls->setParameters({{"matrices", "400"}, {"dim", "64"}});
    m_controls->setBackend(QStringLiteral("threads"));
    m_controls->setSweepRange(QStringLiteral("1:4:*2"));
    const auto threads = m_controls->request(true);
    if (!threads)
        return;
    auto queue = std::make_shared<std::vector<RunRequest>>(2, *threads);
    for (std::size_t i = 0; i < queue->size(); ++i) {
        (*queue)[i].sweep.backend = "processes";
        (*queue)[i].sweep.ship_inputs = i == 0;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_controller, &RunController::idle, this, [this, queue, connection] {
        if (queue->empty())
            return void(disconnect(*connection));
        startRun(queue->back());
        queue->pop_back();
    });
    connect(m_controller, &RunController::cancelled, this, [queue] { queue->clear(); });
    startRun(*threads);
}

} // namespace parlab::gui
