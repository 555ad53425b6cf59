#include "controls/controls_panel.h"
#include "controls/run_options_box.h"
#include "lessons/lesson_dock.h"
#include "lessons/lesson_panel.h"
#include "main_window.h"
#include "oversubscription_meter.h"
#include "run_controller.h"
#include "views/speedup_view.h"
#include "views/timeline_view.h"

#include "lessons/lesson_library.h"

#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace parlab;
using namespace parlab::gui;

class LessonPanelTest : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;

    LessonPanel* panel() const { return m_window->lessons()->panel(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
    }

    void everyShippedLessonLoadsIntoThePanel()
    {
        const LessonLibrary shipped = load_lessons(LessonDock::defaultFolder().toStdString());
        QVERIFY(shipped.problems.empty());
        QCOMPARE(panel()->library().lessons.size(), shipped.lessons.size());
        QVERIFY(shipped.lessons.size() >= 9);
        for (const Lesson& lesson : shipped.lessons) {
            QVERIFY2(m_window->lessons()->openLesson(QString::fromStdString(lesson.name)),
                     lesson.name.c_str());
            QCOMPARE(panel()->findChild<QLabel*>(QStringLiteral("title"))->text(),
                     QString::fromStdString(lesson.title));
            QCOMPARE(panel()->findChild<QLabel*>(QStringLiteral("question"))->text(),
                     QString::fromStdString(lesson.question));
            // Said before it starts: how long it takes.
            QVERIFY(panel()
                        ->findChild<QLabel*>(QStringLiteral("duration"))
                        ->text()
                        .contains(QStringLiteral("Takes")));
            QVERIFY(!panel()->revealed());
        }
        QVERIFY(!m_window->lessons()->openLesson(QStringLiteral("no-such-lesson")));
    }

    void aLessonRunsAndShowsItsExplanationBesideTheMeasurement()
    {
        QVERIFY(m_window->lessons()->openLesson(QStringLiteral("database")));
        panel()->setReduced(true);
        panel()->start();
        QVERIFY(panel()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(panel()->revealed(), 120000);
        QVERIFY(!m_window->controller()->isRunning());
        QCOMPARE(panel()->explanationText(), QString::fromStdString(panel()->lesson()->explanation));
        QVERIFY(panel()->resultText().contains(QStringLiteral("You predicted")));
        QVERIFY(panel()->resultText().contains(QStringLiteral("Measured")));
        // Every sweep of the lesson went through the window's session: a series per run and backend.
        QVERIFY(m_window->speedupView()->seriesCount() >= 1);
    }

    void aTrendsLessonShowsTheDennardTab()
    {
        QVERIFY(m_window->lessons()->openLesson(QStringLiteral("dennard")));
        panel()->start();
        QTRY_VERIFY_WITH_TIMEOUT(panel()->revealed(), 10000);
        QVERIFY(panel()->resultText().contains(QStringLiteral("Measured")));
        auto* tabs = m_window->findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Dennard scaling"));
    }

    void aBrokenLessonFileIsReportedAndSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(LessonDock::defaultFolder() + QStringLiteral("/01-coffee.json"),
                            dir.filePath(QStringLiteral("01-coffee.json"))));
        QFile bad(dir.filePath(QStringLiteral("02-bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(
            R"({"title": "t", "question": "q", "runs": [{"workload": "no-such-workload", "backends": ["threads"]}],
                     "prediction": {"ask": "a", "quantity": "speedup", "workers": 2}, "explanation": "e", "expected_seconds": 1})");
        bad.close();
        LessonPanel local;
        const QStringList problems = local.loadFolder(dir.path());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("02-bad.json")), qPrintable(problems.first()));
        QVERIFY2(problems.first().contains(QStringLiteral("workload")), qPrintable(problems.first()));
        QCOMPARE(local.library().lessons.size(), std::size_t{1});
        QVERIFY(local.openLesson(QStringLiteral("coffee")));
        QVERIFY(local.findChild<QLabel*>(QStringLiteral("problems"))
                    ->text()
                    .contains(QStringLiteral("02-bad.json")));
    }

    void theGilCheckboxReachesTheRequestAndTheLegend()
    {
        ControlsPanel controls;
        controls.setWorkload(QStringLiteral("countdown"));
        controls.setBackend(QStringLiteral("threads"));
        controls.runOptions()->setGil(true);
        QVERIFY(controls.runOptions()->gilAllowed());
        auto request = controls.request(false);
        QVERIFY(request);
        QVERIFY(request->sweep.gil);
        // Processes have a lock each: the box is disabled, with core's reason, and asks for nothing.
        controls.setBackend(QStringLiteral("processes"));
        QVERIFY(!controls.runOptions()->gilAllowed());
        QVERIFY(!controls.findChild<QWidget*>(QStringLiteral("gil"))->toolTip().isEmpty());
        request = controls.request(false);
        QVERIFY(request);
        QVERIFY(!request->sweep.gil);

        SpeedupView view;
        Point point;
        point.workload = "countdown";
        point.backend = "threads";
        point.workers = 2;
        point.speedup = 1.0;
        point.gil = true;
        view.addPoint(point);
        point.gil = false;
        view.addPoint(point);
        QCOMPARE(view.seriesCount(), std::size_t{2});
        QVERIFY(view.seriesName(0).startsWith(QStringLiteral("threads (GIL)")));
        QVERIFY(!view.seriesName(1).contains(QStringLiteral("GIL")));
    }

    void chunkAutoShowsPoolMapsChunkAndReachesTheRequest()
    {
        ControlsPanel controls;
        controls.setWorkload(QStringLiteral("cubes"));
        controls.setBackend(QStringLiteral("threads"));
        controls.setWorkers(2);
        controls.runOptions()->setChunkAuto(true);
        QVERIFY2(controls.runOptions()->chunkRuleText().startsWith(QStringLiteral("= ")),
                 qPrintable(controls.runOptions()->chunkRuleText()));
        const auto request = controls.request(false);
        QVERIFY(request);
        QVERIFY(request->sweep.chunk_auto);
    }

    void theMeterMultipliesWorkersByInnerThreads()
    {
        SweepRequest request;
        request.workload = "matmul";
        request.backend = "processes";
        request.workers = WorkerRange::parse("1:2");
        request.parameters = {{"inner_threads", "2"}, {"size", "10"}};
        QCOMPARE(OversubscriptionMeter::plannedThreads(request, 2), std::size_t{4});
        request.parameters["inner_threads"] = "auto";
        QCOMPARE(OversubscriptionMeter::plannedThreads(request, 8), std::size_t{16});
        request.workload = "countdown";
        request.parameters.clear();
        QCOMPARE(OversubscriptionMeter::plannedThreads(request, 8), std::size_t{2});
    }

    void theTimelineDrawsLockWaitAsItsOwnPhase()
    {
        TimelineView view;
        TraceEvent waited;
        waited.task = 0;
        waited.start_ns = 1000000;
        waited.end_ns = 9000000;
        waited.lock_wait_ns = 5000000;
        TraceEvent free = waited;
        free.task = 1;
        free.worker = 1;
        free.lock_wait_ns = 0;
        view.addEvents({waited, free});
        QCOMPARE(view.barCount(Phase::Compute), 2);
        QCOMPARE(view.lockWaitBarCount(), 1);
        view.clear();
        QCOMPARE(view.lockWaitBarCount(), 0);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(LessonPanelTest)
#include "lesson_panel_test.moc"
