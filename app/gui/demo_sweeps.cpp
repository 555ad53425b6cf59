#include "demo_sweeps.h"

#include "backend_traits.h"
#include "controls/controls_panel.h"
#include "run_controller.h"

#include "executors/executor_registry.h"

namespace parlab::gui {

DemoSweeps::DemoSweeps(ControlsPanel* controls, RunController* controller, QObject* parent)
    : QObject(parent), m_controls(controls), m_controller(controller)
{
}

void DemoSweeps::startSweep()
{
    m_controls->setWorkload(QStringLiteral("coffee"));
    m_controls->setParameters({{"students", "30"}, {"seconds", "0.02"}, {"mode", "work"}});
    m_controls->setBackend(QString::fromStdString(default_backend()));
    if (auto request = m_controls->request(true))
        Q_EMIT runRequested(*request);
}

void DemoSweeps::startCosts()
{
    // Matrices worth shipping: the shipping run shows what sending them costs.
    m_controls->setWorkload(QStringLiteral("eigen"));
    m_controls->setParameters({{"matrices", "400"}, {"dim", "64"}});
    m_controls->setBackend(QString::fromStdString(default_backend()));
    m_controls->setSweepRange(QStringLiteral("1:4:*2"));
    const auto first = m_controls->request(true);
    if (!first)
        return;
    // Taken from the back: recomputing the inputs first, then shipping them over the socket, then
    // (where the backend can) through shared memory, so copying and sharing sit side by side.
    const std::string backend = shipping_backend();
    const bool shm = ExecutorRegistry::find(backend).traits.ships_via_shm;
    auto queue = std::make_shared<std::vector<RunRequest>>(shm ? 3 : 2, *first);
    for (std::size_t i = 0; i < queue->size(); ++i) {
        (*queue)[i].sweep.backend = backend;
        (*queue)[i].sweep.ship_inputs = i + 1 < queue->size();
        (*queue)[i].sweep.ship_via = shm && i == 0 ? ShipVia::Shm : ShipVia::Socket;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_controller, &RunController::idle, this, [this, queue, connection] {
        if (queue->empty())
            return void(disconnect(*connection));
        const RunRequest next = queue->back();
        queue->pop_back();
        Q_EMIT runRequested(next);
    });
    connect(m_controller, &RunController::cancelled, this, [queue] { queue->clear(); });
    Q_EMIT runRequested(*first);
}

} // namespace parlab::gui
