#include "session/session.h"
#include "session/session_file.h"
#include "views/costs_view.h"
#include "views/speedup_view.h"
#include "views/timeline_view.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace parlab;
using namespace parlab::gui;

namespace {

Point point(std::size_t workers, double wall_s)
{
    Point p;
    p.workload = "cubes";
    p.backend = workers == 1 ? "serial" : "threads";
    p.workers = workers;
    p.repeats = 1;
    p.wall_s = p.wall_s_min = p.wall_s_max = wall_s;
    p.speedup = 0.4 / wall_s;
    p.efficiency = p.speedup / static_cast<double>(workers);
    return p;
}

Trace trace(std::uint32_t workers)
{
    Trace t;
    for (std::uint32_t w = 0; w < workers; ++w)
        t.events.push_back({w, w, 1, 0, Phase::Compute, 1000 * w, 1000 * w + 900});
    return t;
}

} // namespace

class SessionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // The views hear of every change from the session alone; nobody hands them data.
    void viewsDrawWhatTheSessionHolds()
    {
        Session session;
        SpeedupView speedup;
        CostsView costs;
        TimelineView timeline;
        for (PlotView* view : std::initializer_list<PlotView*>{&speedup, &costs, &timeline})
            view->setSession(&session);
        QSignalSpy added(&session, &Session::pointAdded);

        SweepRequest request;
        request.workload = "cubes";
        session.beginRun(request);
        session.addBaseline(point(1, 0.4));
        session.addPoint(point(2, 0.2));
        session.addPoint(point(3, 0.15));
        QCOMPARE(added.count(), 2);
        QCOMPARE(session.runs().size(), std::size_t{1});
        QVERIFY(session.runs()[0].has_serial);
        QCOMPARE(session.allPoints().size(), std::size_t{3});
        QCOMPARE(speedup.seriesCount(), std::size_t{1});
        QCOMPARE(speedup.seriesPoints(0).size(), std::size_t{2});
        QCOMPARE(costs.rows().size(), std::size_t{3});

        session.addLiveEvents(trace(2).events);
        QCOMPARE(timeline.rowCount(), 2);
        Run run;
        run.trace = trace(3);
        session.setLastRun(run);
        QCOMPARE(timeline.rowCount(), 3);
        QCOMPARE(timeline.barCount(), 3);

        // Cleared: the plots empty, the last run's trace stays on show.
        session.replaceRuns({});
        QCOMPARE(speedup.seriesCount(), std::size_t{0});
        QCOMPARE(costs.rows().size(), std::size_t{0});
        QCOMPARE(timeline.barCount(), 3);
    }

    // A loaded file redraws every view from its runs and forgets the last run's trace.
    void loadingReplacesTheRunsAndForgetsTheTrace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        RunRecord record;
        record.request.workload = "cubes";
        record.has_serial = true;
        record.serial = point(1, 0.4);
        record.points = {point(2, 0.2), point(4, 0.12)};
        const QString path = dir.filePath(QStringLiteral("s.json"));
        SessionFile::save(path, {record});

        Session session;
        SpeedupView speedup;
        TimelineView timeline;
        speedup.setSession(&session);
        timeline.setSession(&session);
        Run run;
        run.trace = trace(2);
        session.setLastRun(run);
        QCOMPARE(timeline.barCount(), 2);

        QSignalSpy replaced(&session, &Session::runsReplaced);
        QCOMPARE(session.load(path), QString());
        QCOMPARE(replaced.count(), 1);
        QVERIFY(!session.lastRun());
        QCOMPARE(timeline.barCount(), 0);
        QCOMPARE(speedup.seriesPoints(0).size(), std::size_t{2});
        QCOMPARE(speedup.seriesPoints(0).back().workers, std::size_t{4});

        // A bad file changes nothing.
        QVERIFY(!session.load(dir.filePath(QStringLiteral("missing.json"))).isEmpty());
        QCOMPARE(session.runs().size(), std::size_t{1});
        QCOMPARE(replaced.count(), 1);
    }
};

QTEST_MAIN(SessionTest)
#include "session_test.moc"
