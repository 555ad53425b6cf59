#include "worker_tabs.h"

#include "backend_traits.h"

#include "executors/cluster/cluster_executor.h"
#include "run_controller.h"
#include "session/session.h"
#include "views/coffee_bar_view.h"
#include "views/coffee_scene.h"
#include "views/comparison_view.h"
#include "views/core_load_view.h"
#include "views/hostfile_editor.h"
#include "views/hosts_view.h"
#include "views/live_speedup_marker.h"
#include "views/speedup_view.h"
#include "views/topology_view.h"

#include "sweep/sweep.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace parlab::gui {

WorkerTabs::WorkerTabs(Session* session, RunController* controller, QTabWidget* tabs, SpeedupView* speedup,
                       CoreLoadView* coreLoad, QStatusBar* status, QObject* parent)
    : QObject(parent), m_session(session), m_tabs(tabs), m_status(status), m_coffee(new CoffeeBarView),
      m_topology(new TopologyView), m_hosts(new HostsView), m_comparison(new ComparisonView),
      m_live(new LiveSpeedupMarker(speedup->plot(), this)), m_pickA(new QComboBox), m_pickB(new QComboBox)
{
    m_coffee->setObjectName(QStringLiteral("coffee"));
    m_topology->setObjectName(QStringLiteral("topology"));
    m_tabs->addTab(m_coffee, tr("Coffee bar"));
    m_tabs->addTab(m_topology, tr("Machine"));
    m_hosts->setObjectName(QStringLiteral("hosts"));
    m_tabs->addTab(m_hosts, tr("Hosts"));

    // The two pickers sit above the comparison's plot, inside its view, so the tab stays a plot
    // view that exports as one image.
    auto* pickers = new QHBoxLayout;
    pickers->addWidget(new QLabel(tr("Top:")));
    pickers->addWidget(m_pickA, 1);
    pickers->addWidget(new QLabel(tr("Bottom:")));
    pickers->addWidget(m_pickB, 1);
    if (auto* layout = qobject_cast<QVBoxLayout*>(m_comparison->layout()))
        layout->insertLayout(0, pickers);
    m_pickA->setToolTip(tr("A finished run of this session"));
    m_pickB->setToolTip(m_pickA->toolTip());
    for (QComboBox* box : {m_pickA, m_pickB})
        connect(box, &QComboBox::activated, this,
                [this] { compare(m_pickA->currentIndex(), m_pickB->currentIndex()); });

    connect(session, &Session::runBegun, this, &WorkerTabs::runBegun);
    // The serial reference from the baseline's first repeat on, then its final median: the live
    // speedup and the coffee clock work in a sweep's first rounds too.
    const auto setSerial = [this](const Point& point) {
        m_live->setSerial(point.tasks, point.wall_s);
        m_coffee->setSerialSeconds(point.wall_s);
        m_serialS = point.wall_s;
    };
    connect(session, &Session::baselineAdded, this, setSerial);
    connect(controller, &RunController::baselineRefined, this, setSerial);
    connect(session, &Session::liveEventsAdded, this, [this](const std::vector<TraceEvent>& events) {
        m_coffee->addEvents(events);
        m_live->addEvents(events);
    });
    connect(session, &Session::lastRunChanged, this, &WorkerTabs::lastRunChanged);
    // Every worker count of a sweep can be compared, not only its last run.
    connect(controller, &RunController::runKept, this, &WorkerTabs::keep);
    // A task clicked in the timeline or the comparison: the coffee bar rings its student.
    connect(m_comparison, &ComparisonView::taskClicked, session, &Session::selectTask);
    connect(session, &Session::taskSelected, this, [this](std::uint32_t task) {
        m_coffee->markTask(task);
        // Students are numbered from 1 and may stand for several tasks: say which one to look for.
        const int student = m_coffee->scene()->markedStudent();
        m_status->showMessage(student < 0 ? tr("Task %1 is not in the coffee bar's run").arg(task)
                                          : tr("Task %1 is ringed in the coffee bar: the student numbered %2")
                                                .arg(task)
                                                .arg(m_coffee->scene()->studentLabel(student)));
    });
    connect(controller, &RunController::progress, this, &WorkerTabs::progress);
    connect(controller, &RunController::ranksJoined, this, [this](const std::vector<RankInfo>& ranks) {
        m_hosts->setRanks(ranks);
        if (!m_hostsShown && !m_tabKept && m_tabs->currentWidget() != m_coffee)
            m_tabs->setCurrentWidget(m_hosts);
        m_hostsShown = true;
    });
    connect(controller, &RunController::started, this, [this] { m_hosts->editor()->setRunning(true); });
    connect(controller, &RunController::idle, this, [this] { m_hosts->editor()->setRunning(false); });
    // Each repeat's point as it comes, refined by the next: the first point shows early.
    connect(controller, &RunController::pointRefined, session, &Session::refinePoint);
    connect(controller, &RunController::idle, m_live, &LiveSpeedupMarker::end);
    connect(m_live, &LiveSpeedupMarker::textChanged, this, [this](const QString& text) {
        if (!text.isEmpty())
            m_status->showMessage(text);
    });
    connect(coreLoad, &CoreLoadView::sampled, this, [this](const CpuSample& sample) {
        std::vector<double> busy;
        busy.reserve(sample.cpus.size());
        for (const CpuLoad& load : sample.cpus)
            busy.push_back(load.busy_percent());
        m_topology->setLoads(busy);
    });
}

void WorkerTabs::runBegun(const SweepRequest& request)
{
    m_live->begin();
    m_hostsShown = false;
    if (request.backend == ClusterExecutor::backend_traits.name)
        m_hosts->waitForRanks();
    m_liveBackend.clear();
    m_liveWorkers = 0;
    try {
        m_tasksPerRun = plan_sweep(request).tasks;
    } catch (const std::exception&) {
        m_tasksPerRun = 0; // the run itself reports what is wrong
    }
    if (request.workload == "coffee" && !m_tabKept)
        m_tabs->setCurrentWidget(m_coffee);
}

void WorkerTabs::progress(const SweepProgress& progress)
{
    m_live->setProgress(progress);
    // Each run of a sweep (every repeat of the serial baseline, then of each worker count) gets
    // a fresh bar.
    if (progress.backend == m_liveBackend && progress.workers == m_liveWorkers &&
        progress.repeat == m_liveRepeat)
        return;
    m_liveBackend = progress.backend;
    m_liveWorkers = progress.workers;
    m_liveRepeat = progress.repeat;
    if (m_tasksPerRun > 0)
        m_coffee->startLive(m_tasksPerRun, progress.workers, progress.backend);
}

double WorkerTabs::serialSeconds() const
{
    const auto& runs = m_session->runs();
    return !runs.empty() && runs.back().has_serial ? runs.back().serial.wall_s : 0.0;
}

void WorkerTabs::lastRunChanged()
{
    const auto& run = m_session->lastRun();
    if (!run)
        return;
    const double serialS = serialSeconds();
    if (serialS > 0)
        m_coffee->setSerialSeconds(serialS);
    m_coffee->setRun(*run);
    m_topology->setRun(*run);
    m_liveBackend.clear();
    m_liveWorkers = 0;
}

void WorkerTabs::keep(const Run& run)
{
    if (m_kept.size() == max_kept) {
        m_kept.erase(m_kept.begin());
        m_keptSerialS.erase(m_keptSerialS.begin());
    }
    m_kept.push_back(run);
    m_keptSerialS.push_back(m_serialS);
    for (QComboBox* box : {m_pickA, m_pickB}) {
        box->clear();
        for (std::size_t i = 0; i < m_kept.size(); ++i) {
            const Run& kept = m_kept[i];
            box->addItem(tr("%1. %2 · %3 · %4 %5 · %6 s")
                             .arg(i + 1)
                             .arg(QString::fromStdString(kept.workload), QString::fromStdString(kept.backend))
                             .arg(kept.workers)
                             .arg(workers_noun(kept.backend, kept.workers))
                             .arg(kept.wall_s, 0, 'f', 2));
        }
    }
    // The newest against the one before it: usually what the class just changed (in a sweep,
    // one worker more).
    const int last = static_cast<int>(m_kept.size()) - 1;
    if (last >= 1)
        compare(last - 1, last);
}

void WorkerTabs::compare(int a, int b)
{
    const auto count = static_cast<int>(m_kept.size());
    if (a < 0 || b < 0 || a >= count || b >= count)
        return;
    m_pickA->setCurrentIndex(a);
    m_pickB->setCurrentIndex(b);
    const Run& top = m_kept[static_cast<std::size_t>(a)];
    const Run& bottom = m_kept[static_cast<std::size_t>(b)];
    // One serial time stands for both only when both did the same work.
    const bool same = top.workload == bottom.workload && top.tasks == bottom.tasks;
    m_comparison->setRuns(top, bottom, same ? m_keptSerialS[static_cast<std::size_t>(a)] : 0.0);
}

void WorkerTabs::setScale(double scale)
{
    m_coffee->setScale(scale);
    m_topology->setScale(scale);
    m_hosts->setScale(scale);
    m_live->setScale(scale);
    QFont font = m_pickA->font();
    font.setPointSizeF(10.0 * scale);
    m_pickA->setFont(font);
    m_pickB->setFont(font);
}

} // namespace parlab::gui
