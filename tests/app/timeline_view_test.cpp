#include "views/timeline_view.h"

#include <qcustomplot.h>

#include <QTest>

#include <cmath>

using parlab::Phase;
using parlab::Trace;
using parlab::TraceEvent;
using parlab::gui::TimelineView;

namespace {

// Each worker runs its tasks back to back: a ship then a compute span per task, worker 2 slower.
Trace syntheticTrace(int workers, int tasks)
{
    Trace trace;
    std::vector<std::int64_t> clock(static_cast<std::size_t>(workers), 5'000'000'000);
    for (int task = 0; task < tasks; ++task) {
        const auto worker = static_cast<std::uint32_t>(task % workers);
        std::int64_t& now = clock[worker];
        TraceEvent ship{static_cast<std::uint32_t>(task), worker, 100, 0, Phase::Ship, now, now + 100'000};
        now = ship.end_ns;
        TraceEvent compute{static_cast<std::uint32_t>(task), worker, 100, 0, Phase::Compute, now,
                           now + (worker == 2 ? 2'000'000 : 1'000'000)};
        now = compute.end_ns + 10'000;
        trace.events.push_back(ship);
        trace.events.push_back(compute);
    }
    return trace;
}

// Every drawn bar as (row, start ms, end ms), read back from the plot's curves.
std::vector<std::array<double, 3>> drawnBars(const TimelineView& view)
{
    std::vector<std::array<double, 3>> bars;
    for (int i = 0; i < view.plot()->plottableCount(); ++i) {
        auto* curve = qobject_cast<QCPCurve*>(view.plot()->plottable(i));
        if (curve == nullptr)
            continue;
        const auto& data = *curve->data();
        for (int at = 0; at + 2 < data.size(); at += 3) {
            bars.push_back({data.at(at)->value, data.at(at)->key, data.at(at + 1)->key});
            if (!std::isnan(data.at(at + 2)->key) || data.at(at + 1)->value != data.at(at)->value)
                return {};
        }
    }
    std::sort(bars.begin(), bars.end());
    return bars;
}

} // namespace

class TimelineViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void drawsOneBarPerEventAndOneRowPerWorker()
    {
        TimelineView view;
        const Trace trace = syntheticTrace(3, 9);
        view.setTrace(trace);
        QCOMPARE(view.barCount(), 18);
        QCOMPARE(view.barCount(Phase::Ship), 9);
        QCOMPARE(view.barCount(Phase::Compute), 9);
        QCOMPARE(view.barCount(Phase::Gather), 0);
        QCOMPARE(view.rowCount(), 3);
        QCOMPARE(view.exportName(), QStringLiteral("timeline"));

        const auto bars = drawnBars(view);
        QCOMPARE(bars.size(), std::size_t{18});
        for (const auto& [row, start, end] : bars) {
            QVERIFY(row == 0.0 || row == 1.0 || row == 2.0);
            QVERIFY(start >= 0.0);
            QVERIFY(end > start);
        }
        // The first task starts the run at 0 ms; worker 2's three tasks take 3 × 2.11 ms - 0.01.
        QCOMPARE(bars.front()[1], 0.0);
        QCOMPARE(view.spanMs(), 3 * 2.11 - 0.01);
    }

    void batchesOutOfOrderDrawTheSameAsOneTrace()
    {
        const Trace trace = syntheticTrace(4, 20);
        TimelineView whole;
        whole.setTrace(trace);

        TimelineView live;
        std::vector<TraceEvent> late(trace.events.begin(), trace.events.begin() + 8);
        std::vector<TraceEvent> early(trace.events.begin() + 8, trace.events.end());
        std::reverse(early.begin(), early.end());
        live.addEvents(early);
        live.addEvents(late);
        QCOMPARE(live.barCount(), whole.barCount());
        QCOMPARE(live.rowCount(), 4);
        QCOMPARE(live.spanMs(), whole.spanMs());
        QVERIFY(drawnBars(live) == drawnBars(whole));
    }

    void clearsAndReplaces()
    {
        TimelineView view;
        view.setTrace(syntheticTrace(8, 40));
        QCOMPARE(view.rowCount(), 8);
        view.setTrace(syntheticTrace(2, 4));
        QCOMPARE(view.rowCount(), 2);
        QCOMPARE(view.barCount(), 8);
        view.clear();
        QCOMPARE(view.barCount(), 0);
        QCOMPARE(view.rowCount(), 0);
        view.addEvents({});
        QCOMPARE(view.barCount(), 0);
    }

    void drawsThousandsOfTasks()
    {
        TimelineView view;
        view.resize(1280, 720);
        view.setScale(1.6);
        view.setTrace(syntheticTrace(64, 5000));
        QCOMPARE(view.barCount(), 10000);
        QCOMPARE(view.rowCount(), 64);
        view.show();
        QVERIFY(!view.grab().isNull());
        // Bars are as thick as most of a row, so rows do not run together or leave wide gaps.
        const double rowPixels =
            std::abs(view.plot()->yAxis->coordToPixel(1.0) - view.plot()->yAxis->coordToPixel(0.0));
        const double thickness = view.plot()->plottable(0)->pen().widthF();
        QVERIFY(thickness >= std::max(1.0, 0.5 * rowPixels) - 1e-9);
        QVERIFY(thickness <= std::max(1.0, 0.9 * rowPixels) + 1e-9);
    }
};

QTEST_MAIN(TimelineViewTest)
#include "timeline_view_test.moc"
