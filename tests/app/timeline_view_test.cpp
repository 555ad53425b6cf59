#include "views/timeline_view.h"

#include "session/session.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>

using parlab::Phase;
using parlab::Trace;
using parlab::TraceEvent;
using parlab::gui::Session;
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
        TraceEvent compute{static_cast<std::uint32_t>(task),           worker, 100, 0, Phase::Compute, now,
                           now + (worker == 2 ? 2'000'000 : 1'000'000)};
        now = compute.end_ns + 10'000;
        trace.events.push_back(ship);
        trace.events.push_back(compute);
    }
    return trace;
}

// `tasks` tasks of 20-30 us, 2 us apart, dealt round-robin to `workers` workers: far thinner than
// a pixel when the whole run is in view.
Trace thinTasks(std::uint32_t tasks, std::uint32_t workers, std::int64_t origin_ns)
{
    Trace trace;
    std::vector<std::int64_t> clock(workers, origin_ns);
    for (std::uint32_t task = 0; task < tasks; ++task) {
        std::int64_t& now = clock[task % workers];
        const std::int64_t length = 20'000 + (task * 7919) % 10'000;
        trace.events.push_back({task, task % workers, 100, 0, Phase::Compute, now, now + length});
        now += length + 2'000;
    }
    return trace;
}

// A timeline wired to a session, laid out at 1280 x 720 with `trace` drawn.
struct SessionTimeline {
    Session session;
    TimelineView view;
    explicit SessionTimeline(const Trace& trace)
    {
        view.setSession(&session);
        view.resize(1280, 720);
        view.show();
        view.setTrace(trace);
        view.redraw();
    }
};

// Every drawn bar as (row, start ms, end ms), after laying the view out at a size where each of
// these tasks is wider than a pixel.
std::vector<std::array<double, 3>> drawnBars(TimelineView& view)
{
    view.resize(1280, 720);
    view.show();
    view.redraw();
    std::vector<std::array<double, 3>> bars;
    for (const parlab::TimelineBar& bar : view.drawnBars()) {
        if (bar.count != 1)
            return {};
        bars.push_back({static_cast<double>(bar.row), bar.start, bar.end});
    }
    std::sort(bars.begin(), bars.end());
    return bars;
}

// Where on the plot the middle of `event`'s bar is drawn.
QPointF pixelOf(const TimelineView& view, const TraceEvent& event, std::int64_t origin_ns)
{
    const double mid = static_cast<double>((event.start_ns + event.end_ns) / 2 - origin_ns) / 1e6;
    return {view.plot()->xAxis->coordToPixel(mid), view.plot()->yAxis->coordToPixel(event.worker)};
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

    void barsThinnerThanAPixelAreDrawnAsAggregates()
    {
        // 100 000 tasks, 8 workers: about 40 tasks to a pixel column at full view.
        const Trace trace = thinTasks(100'000, 8, 1'000'000'000);
        TimelineView view;
        view.resize(1280, 720);
        view.show();
        view.setTrace(trace);
        view.redraw();
        QCOMPARE(view.barCount(), 100'000);
        const auto& drawn = view.drawnBars();
        const int pixels = view.plot()->axisRect()->width();
        QVERIFY(!drawn.empty());
        QVERIFY(static_cast<int>(drawn.size()) <= 8 * pixels); // at most a bar per pixel and row
        const auto tasks = std::accumulate(drawn.begin(), drawn.end(), std::size_t{0},
                                           [](std::size_t sum, const auto& bar) { return sum + bar.count; });
        QCOMPARE(tasks, std::size_t{100'000}); // every task drawn, inside some aggregate
        QVERIFY(std::any_of(drawn.begin(), drawn.end(), [](const auto& bar) { return bar.count > 1; }));

        // Hovering an aggregate says how many bars it holds instead of naming one.
        QPointF inside(view.plot()->xAxis->coordToPixel(0.5 * view.spanMs()),
                       view.plot()->yAxis->coordToPixel(3));
        QVERIFY(view.hoverText(inside).contains(QStringLiteral("zoom in")));
        QVERIFY(!view.taskAt(inside).has_value());

        // Zoomed into 0.2 ms, every bar there is wide enough to draw alone, and only those are drawn.
        view.plot()->xAxis->setRange(100.0, 100.2);
        view.redraw();
        QVERIFY(!view.drawnBars().empty());
        QVERIFY(view.drawnBars().size() < 200);
        for (const auto& bar : view.drawnBars()) {
            QCOMPARE(bar.count, std::size_t{1});
            QVERIFY(bar.end >= 100.0 && bar.start <= 100.2);
        }
        const TraceEvent& shown = trace.events[view.drawnBars().front().first];
        QVERIFY(view.hoverText(pixelOf(view, shown, trace.events.front().start_ns))
                    .startsWith(QStringLiteral("task %1 ").arg(shown.task)));
    }

    void hoveringABarNamesItsTaskWorkerCpuPidAndDuration()
    {
        Trace trace = syntheticTrace(3, 9);
        for (TraceEvent& event : trace.events)
            event.cpu = static_cast<std::int32_t>(10 + event.worker);
        TimelineView view;
        view.resize(1280, 720);
        view.show();
        view.setTrace(trace);
        view.redraw();
        const std::int64_t origin = trace.events.front().start_ns;
        // Task 4 ran on worker 1; its compute span is the second event of the task.
        const TraceEvent& compute = trace.events[9];
        QCOMPARE(compute.task, 4u);
        QCOMPARE(compute.phase, Phase::Compute);
        const QPointF at = pixelOf(view, compute, origin);
        const QString text = view.hoverText(at);
        QVERIFY2(text.contains(QStringLiteral("task 4 ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("compute")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("worker 1 ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("CPU 11 ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("pid 100")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1.000 ms")), qPrintable(text));
        QCOMPARE(view.taskAt(at), std::optional<std::uint32_t>(4));

        // The mouse itself: moving over the bar shows that text as the tooltip.
        QTest::mouseMove(view.plot(), at.toPoint());
        QTRY_COMPARE_WITH_TIMEOUT(QToolTip::text(), text, 5000);

        // Between two rows, and after the last bar, nothing is named.
        const QPointF between(
            at.x(), 0.5 * (view.plot()->yAxis->coordToPixel(1) + view.plot()->yAxis->coordToPixel(2)));
        QVERIFY(view.hoverText(between).isEmpty());
        const QPointF after(view.plot()->xAxis->coordToPixel(view.spanMs() * 1.01), at.y());
        QVERIFY(view.hoverText(after).isEmpty());
    }

    void clickingABarSelectsItsTaskInTheSession()
    {
        const Trace trace = syntheticTrace(3, 9);
        SessionTimeline shown(trace);
        TimelineView& view = shown.view;
        QSignalSpy selected(&shown.session, &Session::taskSelected);
        const TraceEvent& ship = trace.events[14]; // task 7's ship span, on worker 1
        QCOMPARE(ship.task, 7u);
        QTest::mouseClick(view.plot(), Qt::LeftButton, {},
                          pixelOf(view, ship, trace.events.front().start_ns).toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.front().front().value<std::uint32_t>(), 7u);
        // A click beside every bar selects nothing.
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(view.plot()->width() - 3, 3));
        QCOMPARE(selected.count(), 1);
    }

    void clickingAnAggregateZoomsOntoItsTasks()
    {
        // 20 000 tasks on 4 workers: at full width, a pixel holds several of them.
        SessionTimeline shown(thinTasks(20'000, 4, 0));
        TimelineView& view = shown.view;
        QSignalSpy selected(&shown.session, &Session::taskSelected);
        const QPointF at(view.plot()->xAxis->coordToPixel(0.5 * view.spanMs()),
                         view.plot()->yAxis->coordToPixel(2));
        QVERIFY(view.hoverText(at).contains(QStringLiteral("zoom in")));
        const double clickedMs = view.plot()->xAxis->pixelToCoord(at.x());
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, at.toPoint());
        view.redraw();
        // Zoomed in where clicked, until the tasks there are drawn one by one.
        const QCPRange range = view.plot()->xAxis->range();
        QVERIFY(range.contains(clickedMs));
        QVERIFY2(range.size() < 0.1 * view.spanMs(), qPrintable(QString::number(range.size())));
        std::size_t bars = 0;
        for (const auto& bar : view.drawnBars())
            if (bar.row == 2) {
                QCOMPARE(bar.count, std::size_t{1});
                ++bars;
            }
        QVERIFY(bars > 10);
        QVERIFY(view.hoverText(at).contains(QStringLiteral("task ")));
        QCOMPARE(selected.count(), 0); // an aggregate is no one task
    }
};

QTEST_MAIN(TimelineViewTest)
#include "timeline_view_test.moc"
