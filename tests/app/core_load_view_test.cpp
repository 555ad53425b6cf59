#include "views/core_load_view.h"

#include <qcustomplot.h>

#include <QTest>

#include <memory>

using parlab::CpuLoad;
using parlab::CpuSample;
using parlab::CpuTimes;
using parlab::gui::CoreLoadView;

namespace {

// Counters a test sets by hand; the view owns the source, the test keeps a pointer to it.
class FakeSource final : public parlab::CpuTimesSource {
public:
    std::vector<CpuTimes> read_cpus() override { return cpus; }
    double read_own_cpu_seconds() override { return own_seconds; }
    std::vector<CpuTimes> cpus;
    double own_seconds = 0.0;
};

CpuSample sampleAt(double time_s, int cpus, double busy)
{
    CpuSample sample;
    sample.time_s = time_s;
    sample.cpus.assign(static_cast<std::size_t>(cpus), CpuLoad{busy * 0.75, busy * 0.25});
    return sample;
}

} // namespace

class CoreLoadViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsUserAndSystemPercentOfEachCpu()
    {
        auto source = std::make_unique<FakeSource>();
        FakeSource* fake = source.get();
        fake->cpus.assign(3, CpuTimes{});
        CoreLoadView view(std::move(source));
        view.setSampling(false);
        view.sampleNow();
        QCOMPARE(view.cpuCount(), 3);

        // Over 100 ticks: CPU 0 60 user + 10 nice + 20 system; CPU 1 idle; CPU 2 5 irq + 45 system.
        fake->cpus[0].user += 60;
        fake->cpus[0].nice += 10;
        fake->cpus[0].system += 20;
        fake->cpus[0].idle += 10;
        fake->cpus[1].idle += 100;
        fake->cpus[2].irq += 5;
        fake->cpus[2].system += 45;
        fake->cpus[2].iowait += 50;
        view.sampleNow();
        QCOMPARE(view.userPercent(0), 70.0);
        QCOMPARE(view.systemPercent(0), 20.0);
        QCOMPARE(view.userPercent(1), 0.0);
        QCOMPARE(view.systemPercent(1), 0.0);
        QCOMPARE(view.userPercent(2), 0.0);
        QCOMPARE(view.systemPercent(2), 50.0);
        QCOMPARE(view.historySize(), 2);
        QCOMPARE(view.exportName(), QStringLiteral("core-load"));
    }

    void followsTheNumberOfCpus()
    {
        CoreLoadView view(std::make_unique<FakeSource>());
        view.setSampling(false);
        view.addSample(sampleAt(1.0, 64, 40.0));
        QCOMPARE(view.cpuCount(), 64);
        QCOMPARE(view.userPercent(63), 30.0);
        QCOMPARE(view.systemPercent(63), 10.0);
        view.addSample(sampleAt(1.2, 2, 80.0));
        QCOMPARE(view.cpuCount(), 2);
        QCOMPARE(view.userPercent(1), 60.0);
    }

    void keepsAtMostSixtySecondsOfHistory()
    {
        CoreLoadView view(std::make_unique<FakeSource>());
        view.setSampling(false);
        view.resize(800, 600);
        view.show();
        // 100 s of samples, five a second.
        for (int i = 0; i <= 500; ++i)
            view.addSample(sampleAt(1000.0 + i * 0.2, 4, 50.0));
        QVERIFY(view.historySpanSeconds() <= CoreLoadView::history_seconds + 1e-9);
        QVERIFY(view.historySpanSeconds() >= CoreLoadView::history_seconds - 0.2 - 1e-9);
        QCOMPARE(view.historySize(), 301);
        // One history line per CPU plus parlab's own, each holding the whole history.
        QCOMPARE(view.plot()->graphCount(), 5);
        for (int i = 0; i < view.plot()->graphCount(); ++i)
            QCOMPARE(view.plot()->graph(i)->dataCount(), 301);
        QVERIFY(!view.grab().isNull());
    }

    void keepsSamplingWhileHidden()
    {
        CoreLoadView view(std::make_unique<FakeSource>());
        view.setSampling(false);
        QVERIFY(!view.isVisible());
        for (int i = 0; i < 10; ++i)
            view.addSample(sampleAt(i * 0.2, 2, 10.0));
        QCOMPARE(view.historySize(), 10);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.plot()->graph(1)->dataCount(), 10);
    }

    void samplesThisMachine()
    {
        CoreLoadView view;
        view.setSampling(false);
        view.sampleNow();
        view.sampleNow();
        QVERIFY(view.cpuCount() >= 1);
        for (int cpu = 0; cpu < view.cpuCount(); ++cpu) {
            QVERIFY(view.userPercent(cpu) >= 0.0 && view.userPercent(cpu) <= 100.0);
            QVERIFY(view.systemPercent(cpu) >= 0.0 && view.systemPercent(cpu) <= 100.0);
        }
        view.setScale(1.6);
        QCOMPARE(view.plot()->xAxis->tickLabelFont().pointSizeF(), 11.0 * 1.6);
    }
};

QTEST_MAIN(CoreLoadViewTest)
#include "core_load_view_test.moc"
