#include "controls/controls_panel.h"
#include "export/export_bundle.h"
#include "main_window.h"
#include "run_controller.h"
#include "views/costs_view.h"

#include "text/text_units.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using parlab::Point;
using parlab::gui::CostsView;
using parlab::gui::RunRecord;
using Segment = parlab::gui::CostsView::Segment;

namespace {

Point point(const std::string& backend, std::size_t workers, double wall_s)
{
    Point p;
    p.workload = "eigen";
    p.backend = backend;
    p.workers = workers;
    p.repeats = 3;
    p.wall_s = wall_s;
    return p;
}

RunRecord sweep(const std::string& backend, bool ship, std::vector<Point> points)
{
    RunRecord run;
    run.request.workload = "eigen";
    run.request.backend = backend;
    run.request.ship_inputs = ship;
    run.points = std::move(points);
    return run;
}

// A session as a class makes it: threads at W=2 (nothing to start or ship), then processes at
// W=2 that pay 50 ms to start, 100 ms to ship 16.4 MB and 10 ms to stop.
std::vector<RunRecord> threadsAndProcesses()
{
    RunRecord threads = sweep("threads", false, {point("threads", 2, 0.2)});
    threads.has_serial = true;
    threads.serial = point("serial", 1, 0.38);
    Point processes = point("processes", 2, 0.5);
    processes.costs.startup_s = 0.05;
    processes.costs.ship_s = 0.1;
    processes.costs.teardown_s = 0.01;
    processes.costs.bytes_sent = 16'400'000;
    processes.costs.bytes_received = 640;
    return {threads, sweep("processes", true, {processes})};
}

// The drawn value of `segment` at `key`, in the time axis' unit.
double drawn(const CostsView& view, Segment segment, double key)
{
    const auto data = view.bars(segment)->data();
    const auto at = data->findBegin(key, false);
    if (at == data->constEnd() || at->key != key)
        return -1.0;
    return at->value;
}

QStringList itemTexts(const CostsView& view)
{
    QStringList texts;
    for (int i = 0; i < view.plot()->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(view.plot()->item(i)); text && text->visible())
            texts << text->text();
    return texts;
}

} // namespace

class CostsViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyViewSaysWhatToDo()
    {
        CostsView view;
        view.rebuild();
        QCOMPARE(view.exportName(), QStringLiteral("costs"));
        QVERIFY(view.rows().empty());
        const QStringList texts = itemTexts(view);
        QCOMPARE(texts.size(), 1);
        QVERIFY(texts.first().contains(QStringLiteral("processes backend")));
        QVERIFY(texts.first().contains(QStringLiteral("Ship inputs")));
        for (std::size_t s = 0; s < CostsView::segment_count; ++s)
            QCOMPARE(view.bars(static_cast<Segment>(s))->dataCount(), 0);
    }

    void barsHoldEachPhase()
    {
        CostsView view;
        view.setRuns(threadsAndProcesses());
        view.rebuild();

        // Serial on top, then threads and processes at W=2 side by side.
        const auto& rows = view.rows();
        QCOMPARE(rows.size(), std::size_t{3});
        QCOMPARE(CostsView::rowLabel(rows[0]), QStringLiteral("serial"));
        QCOMPARE(CostsView::rowLabel(rows[1]), QStringLiteral("2 threads"));
        QCOMPARE(CostsView::rowLabel(rows[2]), QStringLiteral("2 processes + ship"));
        QCOMPARE(rows[2].key - rows[1].key, 1.0);
        QVERIFY(rows[1].key - rows[0].key > 1.0);

        // The longest bar is 0.56 s: the axis counts milliseconds.
        QCOMPARE(view.timeUnitSeconds(), 0.001);
        QVERIFY(view.plot()->xAxis->label().contains(QStringLiteral("(ms)")));
        const double threads = rows[1].key;
        QCOMPARE(drawn(view, Segment::Startup, threads), 0.0);
        QCOMPARE(drawn(view, Segment::Ship, threads), 0.0);
        QCOMPARE(drawn(view, Segment::Compute, threads), 200.0);
        QCOMPARE(drawn(view, Segment::Teardown, threads), 0.0);
        const double processes = rows[2].key;
        QCOMPARE(drawn(view, Segment::Startup, processes), 50.0);
        QCOMPARE(drawn(view, Segment::Ship, processes), 100.0);
        // Three repeats: the median ran on a warm pool, so the rest of its 500 ms is compute.
        QCOMPARE(drawn(view, Segment::Compute, processes), 400.0);
        QCOMPARE(drawn(view, Segment::Teardown, processes), 10.0);
        QCOMPARE(drawn(view, Segment::Compute, rows[0].key), 380.0);

        // Stacked in time order, each segment starting where the one before ends.
        QCOMPARE(view.bars(Segment::Ship)->barBelow(), view.bars(Segment::Startup));
        QCOMPARE(view.bars(Segment::Compute)->barBelow(), view.bars(Segment::Ship));
        QCOMPARE(view.bars(Segment::Teardown)->barBelow(), view.bars(Segment::Compute));

        const QStringList texts = itemTexts(view);
        // Bytes in the one unit parlab names them with everywhere.
        QVERIFY(
            texts.contains(QString::fromStdString(parlab::bytes_text(std::uint64_t{16'400'000}) + " sent")));
        QVERIFY(texts.contains(QStringLiteral("0 B: shared memory")));
        QVERIFY(!texts.join(QLatin1Char(' ')).contains(QStringLiteral("Sweep with")));
        QVERIFY(view.plot()->xAxis->range().upper > 560.0);
    }

    // The cluster backend is known by its traits alone: its word for a worker is "rank", and
    // ranks do not share memory, so sending nothing is not called shared memory.
    void clusterRowsSayRanks()
    {
        Point ranks = point("cluster", 2, 0.3);
        Point one = point("cluster", 1, 0.5);
        CostsView view;
        view.setRuns({sweep("cluster", false, {one, ranks})});
        view.rebuild();
        QCOMPARE(view.rows().size(), std::size_t{2});
        QCOMPARE(CostsView::rowLabel(view.rows()[0]), QStringLiteral("1 rank"));
        QCOMPARE(CostsView::rowLabel(view.rows()[1]), QStringLiteral("2 ranks"));
        QVERIFY(!itemTexts(view).contains(QStringLiteral("0 B: shared memory")));
    }

    // What copying costs beside what sharing saves: the same W shipped both ways, two rows.
    void socketAndSharedMemoryRowsSitSideBySide()
    {
        std::vector<RunRecord> runs = threadsAndProcesses();
        Point shm = point("processes", 2, 0.42);
        shm.costs.ship_s = 0.02;
        shm.costs.bytes_sent = 16'400'000;
        RunRecord shared = sweep("processes", true, {shm});
        shared.request.ship_via = parlab::ShipVia::Shm;
        runs.push_back(shared);
        CostsView view;
        view.setRuns(runs);
        view.rebuild();
        const auto& rows = view.rows();
        QCOMPARE(rows.size(), std::size_t{4});
        QCOMPARE(CostsView::rowLabel(rows[2]), QStringLiteral("2 processes + ship"));
        QCOMPARE(CostsView::rowLabel(rows[3]), QStringLiteral("2 processes + ship (shm)"));
        QCOMPARE(rows[3].key - rows[2].key, 1.0);
        QCOMPARE(drawn(view, Segment::Ship, rows[2].key), 100.0);
        QCOMPARE(drawn(view, Segment::Ship, rows[3].key), 20.0);
    }

    void singleRepeatCountsStartupInsideTheWallTime()
    {
        Point processes = point("processes", 2, 1.5);
        processes.repeats = 1;
        processes.costs.startup_s = 0.2;
        processes.costs.ship_s = 0.3;
        CostsView view;
        view.setRuns({sweep("processes", false, {processes})});
        view.rebuild();
        QCOMPARE(view.rows().size(), std::size_t{1});
        QCOMPARE(CostsView::rowLabel(view.rows()[0]), QStringLiteral("2 processes"));
        // Over a second: the axis counts seconds.
        QCOMPARE(view.timeUnitSeconds(), 1.0);
        QCOMPARE(drawn(view, Segment::Compute, view.rows()[0].key), 1.0);
    }

    void newerPointsReplaceOlderAndOnlyTheLatestWorkloadShows()
    {
        std::vector<RunRecord> runs = threadsAndProcesses();
        runs.push_back(sweep("threads", false, {point("threads", 2, 0.1), point("threads", 1, 0.3)}));
        CostsView view;
        view.setRuns(runs);
        view.rebuild();
        QCOMPARE(view.rows().size(), std::size_t{4});
        QCOMPARE(CostsView::rowLabel(view.rows()[1]), QStringLiteral("1 thread"));
        QCOMPARE(drawn(view, Segment::Compute, view.rows()[2].key), 100.0);

        RunRecord coffee = sweep("threads", false, {point("threads", 3, 0.1)});
        coffee.points[0].workload = "coffee";
        runs.push_back(coffee);
        view.setRuns(runs);
        view.rebuild();
        QCOMPARE(view.rows().size(), std::size_t{1});
        QCOMPARE(view.rows()[0].point.workload, std::string("coffee"));

        view.clear();
        view.rebuild();
        QVERIFY(view.rows().empty());
        QCOMPARE(view.bars(Segment::Compute)->dataCount(), 0);
        QCOMPARE(itemTexts(view).size(), 1);
    }

    void drawsAtPresentationScale()
    {
        CostsView view;
        view.resize(900, 600);
        view.setScale(1.6);
        view.setRuns(threadsAndProcesses());
        view.rebuild();
        view.show();
        QVERIFY(!view.grab().isNull());
        QCOMPARE(view.plot()->xAxis->tickLabelFont().pointSizeF(), 11.0 * 1.6);
    }

    void windowFeedsTheCostsTabAndExportsIt()
    {
        QStandardPaths::setTestModeEnabled(true);
        parlab::gui::MainWindow window;
        QVERIFY(window.showTab(QStringLiteral("costs")));
        CostsView* view = window.findChild<CostsView*>();
        QVERIFY(view);
        auto* controls = window.controls();
        controls->setWorkload(QStringLiteral("coffee"));
        controls->setParameters({{"students", "4"}, {"seconds", "0.001"}, {"mode", "wait"}});
        controls->setBackend(QStringLiteral("threads"));
        controls->setSweepRange(QStringLiteral("1:2"));
        QSignalSpy idle(window.controller(), &parlab::gui::RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(QStringLiteral("sweep")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 60000);
        // The serial baseline and one bar per worker count.
        QCOMPARE(view->rows().size(), std::size_t{3});
        QCOMPARE(CostsView::rowLabel(view->rows()[2]), QStringLiteral("2 threads"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        parlab::gui::ExportBundle::write(dir.path(), window.views(), *window.session());
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("costs.png"))).size() > 100);
    }
};

QTEST_MAIN(CostsViewTest)
#include "costs_view_test.moc"
