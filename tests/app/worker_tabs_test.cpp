#include "controls/controls_panel.h"
#include "main_window.h"
#include "run_controller.h"
#include "views/coffee_bar_view.h"
#include "views/coffee_scene.h"
#include "views/comparison_view.h"
#include "views/live_speedup_marker.h"
#include "views/timeline_view.h"
#include "worker_tabs.h"

#include "trace/task_span.h"

#include <qcustomplot.h>

#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace parlab;
using namespace parlab::gui;

class WorkerTabsTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    void runCoffee(const QString& backend, const QString& students, const QString& button,
                   const QString& workers)
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("coffee"));
        controls->setParameters(
            {{"students", students.toStdString()}, {"seconds", "0.02"}, {"mode", "wait"}});
        controls->setBackend(backend);
        if (button == QStringLiteral("sweep"))
            controls->setSweepRange(workers);
        else
            controls->setWorkers(workers.toInt());
        QSignalSpy idle(m_window->controller(), &RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(button), Qt::LeftButton);
        QVERIFY(m_window->controller()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 90000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
        m_window->showTab(QStringLiteral("speedup"));
    }

    void coffeeTabIsCurrentAndServesEveryTask()
    {
        runCoffee(QStringLiteral("threads"), QStringLiteral("30"), QStringLiteral("run"),
                  QStringLiteral("3"));
        auto* tabs = m_window->findChild<QTabWidget*>();
        QVERIFY(tabs);
        CoffeeBarView* coffee = m_window->workerTabs()->coffee();
        QCOMPARE(tabs->currentWidget(), coffee);
        QVERIFY(!coffee->isLive());
        QCOMPARE(coffee->scene()->baristaCount(), 3);
        QCOMPARE(coffee->scene()->servedCount(), std::size_t{30});
    }

    void liveSpeedupMarkerMovesDuringASweep()
    {
        LiveSpeedupMarker* live = m_window->workerTabs()->liveSpeedup();
        QSet<QString> seen;
        QStringList texts;
        const auto connection =
            connect(live, &LiveSpeedupMarker::textChanged, this, [&](const QString& text) {
                if (live->isShown())
                    seen.insert(QStringLiteral("%1,%2").arg(live->position().x()).arg(live->position().y()));
                if (!text.isEmpty())
                    texts << text;
            });
        runCoffee(QStringLiteral("threads"), QStringLiteral("60"), QStringLiteral("sweep"),
                  QStringLiteral("1:3"));
        disconnect(connection);
        // At least one position per worker count after the baseline, and the marker goes when done.
        QVERIFY2(seen.size() >= 2, qPrintable(QStringList(seen.values()).join(' ')));
        QVERIFY(live->moves() >= 2);
        QVERIFY(!live->isShown());
        // "on 1 thread", "on 3 threads": the backend's own words for its workers.
        const QRegularExpression workers(QStringLiteral(" on (\\d+) (\\w+)\\)$"));
        int speedupTexts = 0;
        for (const QString& text : texts) {
            if (!text.startsWith(QStringLiteral("Live speedup:")))
                continue; // the serial run's own throughput, with no speedup to show
            ++speedupTexts;
            const QRegularExpressionMatch match = workers.match(text);
            QVERIFY2(match.hasMatch(), qPrintable(text));
            const int count = match.captured(1).toInt();
            QCOMPARE(match.captured(2), count == 1 ? QStringLiteral("thread") : QStringLiteral("threads"));
        }
        QVERIFY(speedupTexts >= 2);
    }

    void comparisonHoldsTwoSessionRuns()
    {
        runCoffee(QStringLiteral("processes"), QStringLiteral("30"), QStringLiteral("run"),
                  QStringLiteral("2"));
        WorkerTabs* tabs = m_window->workerTabs();
        QVERIFY(tabs->keptRuns().size() >= 2);
        const int last = static_cast<int>(tabs->keptRuns().size()) - 1;
        tabs->compare(0, last);
        ComparisonView* comparison = tabs->comparison();
        QCOMPARE(comparison->runCount(), 2);
        QCOMPARE(comparison->taskCount(0), tabs->keptRuns().front().tasks);
        QCOMPARE(comparison->taskCount(1), std::size_t{30});
        QVERIFY(comparison->summary().contains(QStringLiteral("process")));
    }

    void everyWorkerCountOfASweepCanBeCompared()
    {
        WorkerTabs* tabs = m_window->workerTabs();
        const std::size_t before = tabs->keptRuns().size();
        runCoffee(QStringLiteral("threads"), QStringLiteral("6"), QStringLiteral("sweep"),
                  QStringLiteral("1:3"));
        // One run per worker count of the sweep, each with its own trace, not only the last one.
        const auto& kept = tabs->keptRuns();
        QCOMPARE(kept.size(), before + 3);
        for (std::size_t w = 1; w <= 3; ++w) {
            const Run& run = kept[before + w - 1];
            QCOMPARE(run.workers, w);
            QCOMPARE(parlab::task_spans(run.trace).size(), std::size_t{6});
        }
        // The newest two are shown: 2 threads above 3.
        ComparisonView* comparison = tabs->comparison();
        QCOMPARE(comparison->runCount(), 2);
        QVERIFY2(comparison->summary().contains(QStringLiteral("2 threads")),
                 qPrintable(comparison->summary()));
        QVERIFY(comparison->summary().contains(QStringLiteral("3 threads")));
        QVERIFY(comparison->summary().contains(QStringLiteral("speedup")));
    }

    void clickingATaskInTheTimelineRingsItInTheCoffeeBar()
    {
        runCoffee(QStringLiteral("threads"), QStringLiteral("30"), QStringLiteral("run"),
                  QStringLiteral("3"));
        m_window->resize(1280, 720);
        m_window->show();
        QVERIFY(m_window->showTab(QStringLiteral("timeline")));
        auto* timeline = m_window->findChild<TimelineView*>();
        QVERIFY(timeline);
        timeline->redraw();
        // The longest single bar drawn: a task of its own, easy to hit.
        const auto& drawn = timeline->drawnBars();
        const auto bar = std::max_element(drawn.begin(), drawn.end(), [](const auto& a, const auto& b) {
            return (a.count == 1 ? a.end - a.start : 0.0) < (b.count == 1 ? b.end - b.start : 0.0);
        });
        QVERIFY(bar != drawn.end() && bar->count == 1);
        const QPoint at(
            static_cast<int>(timeline->plot()->xAxis->coordToPixel(0.5 * (bar->start + bar->end))),
            static_cast<int>(timeline->plot()->yAxis->coordToPixel(bar->row)));
        const auto task = timeline->taskAt(at);
        QVERIFY(task.has_value());
        QTest::mouseClick(timeline->plot(), Qt::LeftButton, {}, at);
        CoffeeBarView* coffee = m_window->workerTabs()->coffee();
        QCOMPARE(coffee->scene()->markedStudent(), static_cast<int>(*task)); // 30 students, one task each
        QVERIFY(coffee->scene()->isMarked(static_cast<int>(*task)));
        // The status bar names the student by the number drawn on it, counted from 1.
        QVERIFY(m_window->statusBar()->currentMessage().endsWith(QString::number(*task + 1)));
    }

    // `parlab --tab timeline`: the teacher's tab stays in front when a coffee run begins (last
    // here: the choice holds for the rest of the window's life).
    void aTabChosenAtLaunchStaysWhenACoffeeRunBegins()
    {
        QVERIFY(m_window->chooseTab(QStringLiteral("timeline")));
        auto* tabs = m_window->findChild<QTabWidget*>();
        QWidget* chosen = tabs->currentWidget();
        QVERIFY(chosen != m_window->workerTabs()->coffee());
        runCoffee(QStringLiteral("threads"), QStringLiteral("6"), QStringLiteral("run"), QStringLiteral("2"));
        QCOMPARE(tabs->currentWidget(), chosen);
        QVERIFY(!m_window->chooseTab(QStringLiteral("no-such-tab")));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(WorkerTabsTest)
#include "worker_tabs_test.moc"
