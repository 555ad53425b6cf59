#include "views/timeline_view.h"

#include <qcustomplot.h>

#include <QTest>

using parlab::Phase;
using parlab::Trace;
using parlab::TraceEvent;
using parlab::gui::TimelineView;

namespace {

// One compute bar per worker, worker w starting at w ms.
Trace oneTaskPerWorker(int workers)
{
    Trace trace;
    for (int w = 0; w < workers; ++w) {
        const auto worker = static_cast<std::uint32_t>(w);
        const std::int64_t start = 1'000'000'000 + w * 1'000'000;
        trace.events.push_back(TraceEvent{worker, worker, 100, 0, Phase::Compute, start, start + 500'000});
    }
    return trace;
}

// The row each worker's bar was drawn on, by the bar's start (ms), read back from the drawing.
std::map<double, double> rowOfBarStartingAt(TimelineView& view)
{
    view.resize(800, 400);
    view.redraw();
    std::map<double, double> rows;
    for (const auto& bar : view.drawnBars())
        rows[bar.start] = bar.row;
    return rows;
}

QMap<double, QString> tickLabels(QCPAxis* axis)
{
    auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? ticker->ticks() : QMap<double, QString>{};
}

} // namespace

class TimelineHostsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // mpirun by slot puts ranks 0 and 2 on host a, 1 and 3 on b: the rows read a, a, b, b.
    void rowsOfOneHostSitTogetherUnderItsName()
    {
        TimelineView view;
        view.setTrace(oneTaskPerWorker(4));
        view.setHosts({"a", "b", "a", "b"});
        QCOMPARE(view.rowCount(), 4);
        const auto rows = rowOfBarStartingAt(view);
        QCOMPARE(rows.size(), std::size_t{4});
        QCOMPARE(rows.at(0.0), 0.0); // worker 0 (a)
        QCOMPARE(rows.at(1.0), 2.0); // worker 1 (b)
        QCOMPARE(rows.at(2.0), 1.0); // worker 2 (a)
        QCOMPARE(rows.at(3.0), 3.0); // worker 3 (b)

        // Left: the rank on each row; right: each host once, in the middle of its rows.
        const auto left = tickLabels(view.plot()->yAxis);
        QCOMPARE(left.value(1.0), QStringLiteral("2"));
        QCOMPARE(left.value(2.0), QStringLiteral("1"));
        QVERIFY(view.plot()->yAxis2->visible());
        const auto right = tickLabels(view.plot()->yAxis2);
        QCOMPARE(right.size(), 2);
        QCOMPARE(right.value(0.5), QStringLiteral("a"));
        QCOMPARE(right.value(2.5), QStringLiteral("b"));
        int separators = 0;
        for (int i = 0; i < view.plot()->itemCount(); ++i)
            separators += qobject_cast<QCPItemStraightLine*>(view.plot()->item(i)) != nullptr ? 1 : 0;
        QCOMPARE(separators, 1);
    }

    // A cluster run in progress: the ranks joined before the first task, the events come live.
    void liveEventsAreGroupedOnceTheRanksJoined()
    {
        TimelineView view;
        std::vector<parlab::RankInfo> ranks(4);
        for (std::uint32_t r = 0; r < 4; ++r) {
            ranks[r].rank = r;
            ranks[r].host.assign(1, r % 2 == 0 ? 'a' : 'b'); // ranks 0 and 2 on a, 1 and 3 on b
        }
        view.setJoinedRanks(ranks);
        view.addEvents(oneTaskPerWorker(4).events);
        const auto rows = rowOfBarStartingAt(view);
        QCOMPARE(rows.at(1.0), 2.0); // worker 1 (b)
        QCOMPARE(rows.at(2.0), 1.0); // worker 2 (a)
        const auto right = tickLabels(view.plot()->yAxis2);
        QCOMPARE(right.value(0.5), QStringLiteral("a"));
        QCOMPARE(right.value(2.5), QStringLiteral("b"));
    }

    // A run on this machine alone, or the next run, has no groups: rows are workers again.
    void clearingForgetsTheHosts()
    {
        TimelineView view;
        view.setTrace(oneTaskPerWorker(2));
        view.setHosts({"b", "a"});
        view.setTrace(oneTaskPerWorker(3));
        QVERIFY(!view.plot()->yAxis2->visible());
        const auto rows = rowOfBarStartingAt(view);
        QCOMPARE(rows.at(1.0), 1.0);
        QCOMPARE(rows.at(2.0), 2.0);
        int separators = 0;
        for (int i = 0; i < view.plot()->itemCount(); ++i)
            separators += qobject_cast<QCPItemStraightLine*>(view.plot()->item(i)) != nullptr ? 1 : 0;
        QCOMPARE(separators, 0);
    }
};

QTEST_MAIN(TimelineHostsTest)
#include "timeline_hosts_test.moc"
