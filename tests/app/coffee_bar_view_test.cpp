#include "views/coffee_bar_view.h"
#include "views/coffee_scene.h"

#include "executors/threads_executor.h"
#include "workloads/workload_registry.h"

#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QTest>

using parlab::CoffeeReplay;
using parlab::Run;
using parlab::gui::CoffeeBarView;

namespace {

// The lesson's question, really run: 30 coffees of 5 ms on 3 threads.
Run coffeeRun(std::size_t students, std::size_t workers)
{
    const auto workload = parlab::WorkloadRegistry::create(
        "coffee", {{"students", std::to_string(students)}, {"seconds", "0.005"}});
    parlab::ThreadsExecutor executor;
    parlab::ExecutorOptions options;
    options.workers = workers;
    return executor.run(*workload, options);
}

// `tasks` tasks of 1 ms dealt round-robin to `workers`, as a trace alone (no real run needed).
Run syntheticRun(std::size_t tasks, std::size_t workers)
{
    Run run;
    run.backend = "threads";
    run.workers = workers;
    run.tasks = run.tasks_done = tasks;
    std::vector<std::int64_t> clock(workers, 1'000'000'000);
    for (std::size_t i = 0; i < tasks; ++i) {
        std::int64_t& now = clock[i % workers];
        run.trace.events.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i % workers), 1,
                                    0, parlab::Phase::Compute, now, now + 1'000'000});
        now += 1'000'000;
    }
    return run;
}

// Pixels of the ring's red in the scene as drawn.
int ringPixels(CoffeeBarView& view)
{
    QImage image(1280, 720, QImage::Format_RGB32);
    QPainter painter(&image);
    view.scene()->render(&painter);
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixel(x, y) == qRgb(214, 39, 40);
    return count;
}

} // namespace

class CoffeeBarViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRunOf30CoffeesOn3Workers()
    {
        const Run run = coffeeRun(30, 3);
        QCOMPARE(run.tasks_done, std::size_t{30});
        CoffeeBarView view;
        view.resize(1280, 720);
        view.setRun(run);
        QCOMPARE(view.scene()->studentCount(), 30);
        QCOMPARE(view.scene()->baristaCount(), 3);
        QCOMPARE(view.scene()->servedCount(), std::size_t{30});
        QCOMPARE(view.scene()->atCounterCount(), 0);
        QVERIFY(!view.grab().isNull());
    }

    void everyTextOfAFinishedRunIsInsideTheScene()
    {
        // The scene is scaled to the view as a whole: a text past its edge is cut off on screen.
        for (std::size_t workers : {1, 3, 16}) {
            CoffeeBarView view;
            view.resize(1280, 720);
            view.setRun(coffeeRun(30, workers));
            const QRectF scene = view.scene()->sceneRect();
            for (const QGraphicsItem* item : view.scene()->items()) {
                const auto* text = dynamic_cast<const QGraphicsSimpleTextItem*>(item);
                if (text == nullptr || !text->isVisible())
                    continue;
                QVERIFY2(scene.contains(text->sceneBoundingRect()),
                         qPrintable(QStringLiteral("'%1' at %2..%3 of %4")
                                        .arg(text->text())
                                        .arg(text->sceneBoundingRect().left())
                                        .arg(text->sceneBoundingRect().right())
                                        .arg(scene.right())));
            }
        }
    }

    void replayingToTheMiddleShowsTheTasksEndedByThen()
    {
        const Run run = coffeeRun(30, 3);
        CoffeeBarView view;
        view.setRun(run);
        const CoffeeReplay replay(parlab::task_spans(run.trace), run.tasks, run.workers);
        const double middle = view.duration() / 2;
        view.setTime(middle);
        QCOMPARE(view.scene()->servedCount(), replay.tasks_ended_by(middle));
        QVERIFY(view.scene()->servedCount() > 0);
        QVERIFY(view.scene()->servedCount() < 30);
        // Three baristas serve at most three students at once.
        QVERIFY(view.scene()->atCounterCount() <= 3);
        view.setTime(0.0);
        QCOMPARE(view.scene()->servedCount(), replay.tasks_ended_by(0.0));
        view.setTime(view.duration());
        QCOMPARE(view.scene()->servedCount(), std::size_t{30});
    }

    void playingAdvancesTheClock()
    {
        const Run run = coffeeRun(12, 2);
        CoffeeBarView view;
        view.setRun(run);
        view.setTime(0.0);
        view.setSpeed(0.25);
        view.play();
        QVERIFY(view.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view.time() > 0.0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isPlaying(), 10000); // stops at the end
        QCOMPARE(view.scene()->servedCount(), std::size_t{12});
    }

    void liveFollowsEventsAsTheyArrive()
    {
        const Run run = coffeeRun(10, 2);
        CoffeeBarView view;
        view.startLive(10, 2, "processes");
        QVERIFY(view.isLive());
        QCOMPARE(view.scene()->studentCount(), 10);
        QCOMPARE(view.scene()->baristaCount(), 2);
        std::vector<parlab::TraceEvent> first(run.trace.events.begin(), run.trace.events.begin() + 4);
        view.addEvents(first);
        // Event times are long past, so the next frame shows these four served.
        QTRY_COMPARE_WITH_TIMEOUT(view.scene()->servedCount(), std::size_t{4}, 5000);
        // The clock runs ahead of the last task reported: live, it shows no total to run past.
        const auto* time = view.findChild<QLabel*>(QStringLiteral("replayTime"));
        QVERIFY(time != nullptr);
        QVERIFY2(time->text().endsWith(QStringLiteral(" s, live")) && !time->text().contains(u'/'),
                 qPrintable(time->text()));
        view.setRun(run);
        QVERIFY(!view.isLive());
        QCOMPARE(view.scene()->servedCount(), std::size_t{10});
        QVERIFY2(time->text().contains(QStringLiteral(" / ")), qPrintable(time->text()));
    }

    void aMarkedTaskIsRingedAndStaysRingedInTheNextRun()
    {
        CoffeeBarView view;
        view.setRun(syntheticRun(30, 3));
        QCOMPARE(view.scene()->markedStudent(), -1);
        const int before = ringPixels(view);
        view.markTask(7);
        QCOMPARE(view.scene()->markedStudent(), 7);
        QVERIFY(view.scene()->isMarked(7));
        QVERIFY(!view.scene()->isMarked(6));
        QVERIFY(ringPixels(view) > before + 20); // the ring is drawn, not only recorded
        view.setTime(0.5 * view.duration());
        QVERIFY(view.scene()->isMarked(7));

        view.setRun(syntheticRun(30, 5)); // a new bar is built: the mark carries over
        QVERIFY(view.scene()->isMarked(7));
        view.markTask(40); // beyond this run: nobody is ringed
        QCOMPARE(view.scene()->markedStudent(), -1);
        view.markTask(2);
        QCOMPARE(view.scene()->markedStudent(), 2);
        QVERIFY(!view.scene()->isMarked(7));
    }

    void aMarkedTaskInAGroupRingsItsStudent()
    {
        CoffeeBarView view;
        view.setRun(syntheticRun(2500, 4));
        const int perStudent =
            2500 / view.scene()->studentCount() + (2500 % view.scene()->studentCount() ? 1 : 0);
        QVERIFY(perStudent > 1);
        view.markTask(2499);
        QCOMPARE(view.scene()->markedStudent(), 2499 / perStudent);
    }

    void thousandsOfTasksAreGrouped()
    {
        const Run run = coffeeRun(3000, 4);
        CoffeeBarView view;
        view.setRun(run);
        QVERIFY(view.scene()->studentCount() <= 1000);
        QCOMPARE(view.scene()->baristaCount(), 4);
        QCOMPARE(view.scene()->servedCount(), std::size_t{3000});
    }

    void workerWordsFollowTheBackend()
    {
        QCOMPARE(CoffeeBarView::workerWord("threads"), QStringLiteral("thread"));
        QCOMPARE(CoffeeBarView::workerWord("processes"), QStringLiteral("process"));
        QCOMPARE(CoffeeBarView::workerWord("cluster"), QStringLiteral("rank"));
    }
};

QTEST_MAIN(CoffeeBarViewTest)
#include "coffee_bar_view_test.moc"
