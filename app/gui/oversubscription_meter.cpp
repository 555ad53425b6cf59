#include "oversubscription_meter.h"

#include "run_controller.h"

#include "machine/machine_facts.h"
#include "machine/runnable_threads.h"

#include <QCoreApplication>

#include <algorithm>
#include <string>

namespace parlab::gui {

OversubscriptionMeter::OversubscriptionMeter(RunController* controller, QWidget* parent)
    : QLabel(parent), m_cpus(std::max<std::size_t>(1, machine_facts().logical_cpus))
{
    setObjectName(QStringLiteral("oversubscription"));
    setToolTip(tr("Threads asked for (workers × inner threads) and threads runnable now (state R in /proc), "
                  "against the %1 logical CPUs: more runnable threads than CPUs wait for each other")
                   .arg(m_cpus));
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &OversubscriptionMeter::sample);
    connect(controller, &RunController::started, this, &OversubscriptionMeter::begin);
    connect(controller, &RunController::idle, this, &OversubscriptionMeter::end);
    updateText();
}

std::size_t OversubscriptionMeter::plannedThreads(const SweepRequest& request, std::size_t cpus)
{
    std::size_t workers = 1;
    try {
        const SweepPlan plan = plan_sweep(request);
        if (!plan.workers.empty())
            workers = plan.workers.back();
    } catch (const std::exception&) {
        return 0;
    }
    std::size_t inner = 1;
    const auto threads = request.parameters.find("inner_threads");
    const auto level = request.parameters.find("inner");
    const bool tbb = level != request.parameters.end() && level->second == "tbb";
    if (threads != request.parameters.end() && !tbb) {
        try {
            inner = threads->second == "auto" ? cpus : std::stoul(threads->second);
        } catch (const std::exception&) {
            inner = 1;
        }
    }
    return workers * std::max<std::size_t>(1, inner);
}

void OversubscriptionMeter::begin(const RunRequest& request)
{
    m_planned = plannedThreads(request.sweep, m_cpus);
    m_peak = 0;
    m_now = 0;
    m_running = true;
    m_timer.start();
    sample();
}

void OversubscriptionMeter::end()
{
    m_timer.stop();
    m_running = false;
    updateText();
}

void OversubscriptionMeter::sample()
{
    const auto pid = static_cast<int>(QCoreApplication::applicationPid());
    m_now = count_runnable_threads(pid).runnable;
    m_peak = std::max(m_peak, m_now);
    updateText();
}

bool OversubscriptionMeter::oversubscribed() const
{
    return m_planned > m_cpus || m_peak > m_cpus;
}

void OversubscriptionMeter::updateText()
{
    if (m_planned == 0) {
        setText(tr("%1 CPUs").arg(m_cpus));
        return;
    }
    const QString runnable = m_running ? tr("runnable now %1, peak %2").arg(m_now).arg(m_peak)
                                       : tr("runnable peak %1").arg(m_peak);
    setText(tr("threads %1 · %2 · on %3 CPUs").arg(m_planned).arg(runnable).arg(m_cpus));
    setStyleSheet(oversubscribed() ? QStringLiteral("color: white; background: #C0392B; padding: 0 6px;")
                                   : QStringLiteral("padding: 0 6px;"));
}

} // namespace parlab::gui
