#include "controls/controls_panel.h"
#include "main_window.h"
#include "run_controller.h"
#include "views/hostfile_editor.h"
#include "views/hosts_view.h"
#include "views/timeline_view.h"
#include "worker_tabs.h"

#include "executors/cluster/cluster_executor.h"
#include "executors/cluster/launched_job.h"
#include "trace/trace_event.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace parlab;
using namespace parlab::gui;

class HostsViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tableShowsEachRankWithItsMachine()
    {
        HostsView view;
        view.setRanks({RankInfo{0, "lab-01", 100, 8, "Intel(R) Core(TM) i5-8250U", 0, 0},
                       RankInfo{1, "lab-01", 101, 8, "Intel(R) Core(TM) i5-8250U", 1200, 3400},
                       RankInfo{2, "lab-02", 200, 4, "AMD Ryzen 5 3500U", -2'500'000, 90'000},
                       RankInfo{3, "lab-02", 201, 4, "AMD Ryzen 5 3500U", -20, 900}});
        QTableWidget* table = view.table();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(2, 0)->text(), QStringLiteral("lab-02"));
        QCOMPARE(table->item(2, 1)->text(), QStringLiteral("2"));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("AMD Ryzen 5 3500U"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Intel Core i5-8250U"));
        QCOMPARE(table->item(2, 3)->text(), QStringLiteral("4"));
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("+1.2 ± 3.4 µs"));
        QCOMPARE(table->item(2, 4)->text(), QStringLiteral("−2500.0 ± 90.0 µs"));
        QCOMPARE(table->item(3, 4)->text(), QStringLiteral("+0.0 ± 0.9 µs"));
        QCOMPARE(view.summary(), QStringLiteral("4 ranks on 2 hosts joined."));
        // Legible from the back of a room: larger than the desktop's default text.
        QVERIFY(table->font().pointSizeF() >= 14.0);
    }

    void editorChecksWithTheParserAndNamesFileAndLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hosts"));
        HostfileEditor editor;
        editor.useThisMachineOnly();
        editor.setPath(path);
        editor.setText(QStringLiteral("lab-01 slots=2\nlab-02 slots=lots\n"));
        QVERIFY(!editor.textIsValid());
        QVERIFY2(editor.checkMessage().startsWith(path + QStringLiteral(":2: ")),
                 qPrintable(editor.checkMessage()));
        QVERIFY(editor.checkMessage().contains(QStringLiteral("lots")));
        QVERIFY(!editor.use());
        QVERIFY(!QFile::exists(path));
        QVERIFY(HostfileEditor::hostfileInUse().isEmpty());

        editor.setText(QStringLiteral("lab-01 slots=2\nlab-02 slots=4 # the teacher's laptop\n"));
        QVERIFY(editor.textIsValid());
        QCOMPARE(editor.checkMessage(), QStringLiteral("2 hosts, 6 slots: up to 6 ranks"));
        QSignalSpy changed(&editor, &HostfileEditor::hostfileChanged);
        QVERIFY(editor.use());
        QCOMPARE(changed.count(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), editor.text());
        // Cluster runs from now on use it: their executor reads the slots from it.
        QCOMPARE(QString::fromStdString(ClusterExecutor::defaults().hostfile), path);
        QCOMPARE(ClusterExecutor().max_workers(), std::size_t{6});

        editor.setRunning(true);
        editor.useThisMachineOnly();
        QCOMPARE(HostfileEditor::hostfileInUse(), path); // a run is reading it
        editor.setRunning(false);
        editor.useThisMachineOnly();
        QVERIFY(HostfileEditor::hostfileInUse().isEmpty());
    }

    // A teacher sets the hostfile up once: the next launch uses it again, and the worker box of
    // the cluster backend takes as many ranks as its slots, at once and after the relaunch.
    void theChosenHostfileIsRememberedAndSetsTheRankLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hosts"));
        auto clusterLimit = [](MainWindow& window) {
            window.controls()->setBackend(QStringLiteral("cluster"));
            return window.controls()->findChild<QSpinBox*>(QStringLiteral("workers"))->maximum();
        };
        {
            MainWindow window;
            HostfileEditor* editor = window.workerTabs()->hosts()->editor();
            editor->useThisMachineOnly();
            const int unlimited = clusterLimit(window);
            editor->setPath(path);
            editor->setText(QStringLiteral("localhost slots=3\n"));
            QVERIFY(editor->use());
            QCOMPARE(window.controls()->findChild<QSpinBox*>(QStringLiteral("workers"))->maximum(), 3);
            QVERIFY(unlimited > 3);
        }
        ClusterExecutor::set_default_hostfile({}); // what a new launch starts with
        {
            MainWindow window;
            QCOMPARE(HostfileEditor::hostfileInUse(), path);
            QCOMPARE(clusterLimit(window), 3);
            window.workerTabs()->hosts()->editor()->useThisMachineOnly();
        }
        ClusterExecutor::set_default_hostfile({});
        {
            MainWindow window;
            QVERIFY(HostfileEditor::hostfileInUse().isEmpty());
        }
        // A remembered file removed since is not used.
        {
            MainWindow window;
            HostfileEditor* editor = window.workerTabs()->hosts()->editor();
            editor->setPath(path);
            QVERIFY(editor->use());
        }
        ClusterExecutor::set_default_hostfile({});
        QVERIFY(QFile::remove(path));
        {
            MainWindow window;
            QVERIFY(HostfileEditor::hostfileInUse().isEmpty());
        }
    }

    // The lecture's apply_sync(hostname): a real cluster run fills the table before its tasks,
    // brings the tab forward, and the timeline groups the rows by host.
    void clusterRunShowsWhoJoined()
    {
#ifndef PARLAB_RANK_PATH
        QSKIP("MPI was not found: parlab-rank is not built");
#else
        if (LaunchedJob::find_program("mpirun").empty())
            QSKIP("mpirun is not on PATH");
        qputenv("PARLAB_RANK", PARLAB_RANK_PATH);
        MainWindow window;
        window.showTab(QStringLiteral("speedup"));
        auto* controls = window.controls();
        controls->setWorkload(QStringLiteral("integrate"));
        controls->setParameters({{"first", "100"}, {"tasks", "40"}});
        controls->setBackend(QStringLiteral("cluster"));
        controls->setWorkers(2);
        HostsView* hosts = window.workerTabs()->hosts();
        // The serial baseline runs first; the first word of a cluster task is its progress.
        int rowsAtFirstTasks = -1;
        connect(window.controller(), &RunController::progress, this, [&](const SweepProgress& progress) {
            if (rowsAtFirstTasks < 0 && progress.backend == "cluster" && progress.tasks_done > 0)
                rowsAtFirstTasks = hosts->table()->rowCount();
        });
        QSignalSpy joined(window.controller(), &RunController::ranksJoined);
        QSignalSpy idle(window.controller(), &RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(QStringLiteral("run")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 120000);
        // One join per counted run (the Run button repeats the run as the controls say).
        QVERIFY(joined.count() >= 1);
        for (const QList<QVariant>& arguments : joined)
            QCOMPARE(arguments.at(0).value<std::vector<RankInfo>>().size(), std::size_t{2});
        QCOMPARE(rowsAtFirstTasks, 2);
        QTableWidget* table = hosts->table();
        QCOMPARE(table->rowCount(), 2);
        const QString host = QString::fromStdString(host_name());
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(table->item(row, 0)->text(), host);
            QCOMPARE(table->item(row, 1)->text(), QString::number(row));
            QVERIFY(!table->item(row, 2)->text().isEmpty());
            QCOMPARE(table->item(row, 3)->text(), QString::number(std::thread::hardware_concurrency()));
        }
        auto* tabs = window.findChild<QTabWidget*>();
        QCOMPARE(tabs->currentWidget(), hosts);
        auto* timeline = window.findChild<TimelineView*>();
        QVERIFY(timeline);
        QCOMPARE(timeline->hostRows().groups.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(timeline->hostRows().groups[0].host), host);
        QCOMPARE(timeline->hostRows().groups[0].rows, std::size_t{2});
#endif
    }
};

QTEST_MAIN(HostsViewTest)
#include "hosts_view_test.moc"
