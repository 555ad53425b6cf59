#include "views/comparison_view.h"

#include "executors/serial_executor.h"
#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <qcustomplot.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using parlab::Run;
using parlab::gui::ComparisonView;

namespace {

Run coffee(parlab::Executor& executor, std::size_t workers, std::size_t students = 24)
{
    const auto workload = parlab::WorkloadRegistry::create(
        "coffee", {{"students", std::to_string(students)}, {"seconds", "0.002"}});
    parlab::ExecutorOptions options;
    options.workers = workers;
    return executor.run(*workload, options);
}

// `tasks` tasks of 1 us back to back on `workers` rows: far thinner than a pixel.
Run tinyTasks(std::size_t tasks, std::size_t workers)
{
    Run run;
    run.backend = "threads";
    run.workers = workers;
    run.tasks = run.tasks_done = tasks;
    run.wall_s = 0.1;
    for (std::size_t i = 0; i < tasks; ++i) {
        const auto start = static_cast<std::int64_t>(i / workers) * 1000;
        run.trace.events.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i % workers), 7,
                                    0, parlab::Phase::Compute, start, start + 1000});
    }
    return run;
}

} // namespace

class ComparisonViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdsBothRuns()
    {
        parlab::ThreadsExecutor threads;
        parlab::SerialExecutor serial;
        const Run serialRun = coffee(serial, 1);
        const Run two = coffee(threads, 2);
        const Run four = coffee(threads, 4);
        ComparisonView view;
        view.resize(1280, 720);
        view.setRuns(two, four, serialRun.wall_s);
        QCOMPARE(view.runCount(), 2);
        QCOMPARE(view.taskCount(0), std::size_t{24});
        QCOMPARE(view.taskCount(1), std::size_t{24});
        QVERIFY(view.barCount(0) > 0 && view.barCount(1) > 0);
        QVERIFY(view.summary().contains(QStringLiteral("2 threads")));
        QVERIFY(view.summary().contains(QStringLiteral("4 threads")));
        QVERIFY(view.summary().contains(QStringLiteral("speedup")));
        QCOMPARE(view.exportName(), QStringLiteral("comparison"));
    }

    void hoverNamesTheTask()
    {
        // Two workers, two tasks each, 1 ms apiece: task 3 runs on worker 1 from 1 ms to 2 ms.
        Run a = tinyTasks(4, 2);
        for (auto& event : a.trace.events) {
            event.start_ns = (event.task / 2) * 1'000'000;
            event.end_ns = event.start_ns + 1'000'000;
        }
        ComparisonView view;
        view.resize(1280, 720);
        view.show();
        view.setRuns(a, a);
        const QString text = view.hoverText(1, 1.5, 1);
        QVERIFY2(text.contains(QStringLiteral("task 3")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("pid 7")));
        QVERIFY(text.contains(QStringLiteral("CPU 0")));
        QVERIFY(text.contains(QStringLiteral("1.000 ms")));
        QVERIFY(view.hoverText(0, 50.0, 0).isEmpty());
    }

    void clickingATaskNamesItAndClickingAnAggregateZoomsBothRuns()
    {
        ComparisonView view;
        view.resize(1280, 720);
        view.show();
        view.setRuns(tinyTasks(100'000, 8), tinyTasks(50'000, 4));
        QSignalSpy clicked(&view, &ComparisonView::taskClicked);
        // At full width the top run's row 3 is one stretch of aggregates.
        const double middle = 6.0; // ms: the top run's tasks end at 12.5 ms
        QVERIFY(view.hoverText(0, middle, 3).contains(QStringLiteral("zoom in")));
        const int before = view.barCount(0);
        view.clickAt(0, middle, 3);
        QCOMPARE(clicked.count(), 0);
        const QCPRange top = view.plot()->axisRects().at(0)->axis(QCPAxis::atBottom)->range();
        QVERIFY2(top.size() < 0.1 * 12.5, qPrintable(QString::number(top.size())));
        QVERIFY(top.contains(middle));
        for (const auto& text : {view.hoverText(0, middle, 3), view.hoverText(0, middle + 0.01, 3)})
            QVERIFY2(text.startsWith(QStringLiteral("task ")), qPrintable(text));        // one by one now
        QCOMPARE(view.plot()->axisRects().at(1)->axis(QCPAxis::atBottom)->range(), top); // one time axis
        QVERIFY(view.barCount(0) != before);
        // Zoomed in far enough, a click names the task under it: task 8 * 5000 + 3 runs on row 3
        // from 5.000 to 5.001 ms.
        view.plot()->axisRects().at(0)->axis(QCPAxis::atBottom)->setRange(4.99, 5.01);
        view.redraw();
        QVERIFY2(view.hoverText(0, 5.0005, 3).contains(QStringLiteral("task 40003 ")),
                 qPrintable(view.hoverText(0, 5.0005, 3)));
        view.clickAt(0, 5.0005, 3);
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.front().front().value<std::uint32_t>(), 40003u);
        view.clickAt(0, 5.0005, 9); // no such row
        QCOMPARE(clicked.count(), 1);
    }

    void hundredThousandTasksAreAggregated()
    {
        ComparisonView view;
        view.resize(1280, 720);
        view.show();
        view.setRuns(tinyTasks(100'000, 8), tinyTasks(50'000, 4));
        QCOMPARE(view.taskCount(0), std::size_t{100'000});
        QCOMPARE(view.taskCount(1), std::size_t{50'000});
        // At most a few bars per pixel column and row.
        QVERIFY(view.barCount(0) < 8 * 1280);
        QVERIFY(view.barCount(1) < 4 * 1280);
    }

    void exportsOneImage()
    {
        parlab::ThreadsExecutor threads;
        ComparisonView view;
        view.setRuns(coffee(threads, 2), coffee(threads, 3));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("compare.png"));
        QVERIFY(view.saveImage(path, 1600, 900));
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1600, 900));
    }
};

QTEST_MAIN(ComparisonViewTest)
#include "comparison_view_test.moc"
