#include "views/topology_view.h"

#include "executors/threads_executor.h"
#include "machine/machine_facts.h"
#include "workloads/workload_registry.h"

#include <QTest>

using parlab::TopologyNode;
using parlab::gui::TopologyView;

class TopologyViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsEveryLogicalCpuHwlocReports()
    {
        TopologyView view;
        view.resize(1280, 720);
        QCOMPARE(static_cast<std::size_t>(view.cpuCount()), parlab::machine_facts().logical_cpus);
        QCOMPARE(static_cast<std::size_t>(view.cpuCount()),
                 parlab::logical_cpus(parlab::read_topology()).size());
        QVERIFY(!view.grab().isNull());
    }

    void showsLoadsAndWhichWorkersRanWhere()
    {
        // Two cores of two hardware threads each, given by hand so the test knows the answer.
        using Kind = TopologyNode::Kind;
        TopologyNode core0{Kind::Core, 0, 0, 0, {{Kind::Pu, 0, 0, 0, {}}, {Kind::Pu, 2, 0, 0, {}}}};
        TopologyNode core1{Kind::Core, 1, 0, 0, {{Kind::Pu, 1, 0, 0, {}}, {Kind::Pu, 3, 0, 0, {}}}};
        TopologyView view;
        view.setTopology({Kind::Machine, 0, 0, 0, {{Kind::Package, 0, 0, 0, {core0, core1}}}});
        QCOMPARE(view.cpuCount(), 4);
        view.setLoads({10.0, 95.0, 0.0, 50.0});
        QVERIFY(view.cpuText(1).contains(QStringLiteral("95% busy")));

        parlab::Run run;
        run.backend = "processes";
        // Worker 0 ran on CPU 0 then CPU 2 (one move); worker 1 stayed on CPU 3.
        run.trace.events = {{0, 0, 5, 0, parlab::Phase::Compute, 0, 10},
                            {1, 0, 5, 2, parlab::Phase::Compute, 20, 30},
                            {2, 1, 6, 3, parlab::Phase::Compute, 0, 30}};
        view.setRun(run);
        QCOMPARE(view.migrations(), std::size_t{1});
        QVERIFY(view.cpuText(2).contains(QStringLiteral("process 0")));
        QVERIFY(view.cpuText(3).contains(QStringLiteral("process 1")));
        QVERIFY(!view.cpuText(1).contains(QStringLiteral("process")));
    }

    void aRealRunPlacesItsWorkersOnRealCpus()
    {
        const auto workload =
            parlab::WorkloadRegistry::create("coffee", {{"students", "12"}, {"seconds", "0.002"}});
        parlab::ThreadsExecutor executor;
        parlab::ExecutorOptions options;
        options.workers = 2;
        const parlab::Run run = executor.run(*workload, options);
        TopologyView view;
        view.setRun(run);
        int withWorkers = 0;
        for (int cpu : parlab::logical_cpus(parlab::read_topology()))
            withWorkers += view.cpuText(cpu).contains(QStringLiteral("thread")) ? 1 : 0;
        QVERIFY(withWorkers >= 1);
    }
};

QTEST_MAIN(TopologyViewTest)
#include "topology_view_test.moc"
