#include "controls/controls_panel.h"
#include "export/export_bundle.h"
#include "export/headless_export.h"
#include "export/plot_exporter.h"
#include "launch_options.h"
#include "main_window.h"
#include "run_controller.h"
#include "session/session.h"
#include "session/session_file.h"
#include "views/live_speedup_marker.h"
#include "views/speedup_overlays.h"
#include "views/speedup_view.h"
#include "worker_tabs.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <qcustomplot.h>

using namespace parlab;
using namespace parlab::gui;

class MainWindowTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    void sweepSmallCoffee(const QString& range, const ParameterValues& parameters = {{"students", "6"},
                                                                                     {"seconds", "0.001"},
                                                                                     {"mode", "wait"}})
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("coffee"));
        controls->setParameters(parameters);
        controls->setBackend(QStringLiteral("threads"));
        controls->setSweepRange(range);
        QSignalSpy idle(m_window->controller(), &RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(QStringLiteral("sweep")), Qt::LeftButton);
        QVERIFY(m_window->controller()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_window = std::make_unique<MainWindow>();
    }

    void sweepPlotsOnePointPerWorkerCount()
    {
        sweepSmallCoffee(QStringLiteral("1:3"));
        auto* view = m_window->speedupView();
        QCOMPARE(view->seriesCount(), std::size_t{1});
        QCOMPARE(view->seriesName(0), QStringLiteral("threads · coffee"));
        const auto& points = view->seriesPoints(0);
        QCOMPARE(points.size(), std::size_t{3});
        for (std::size_t i = 0; i < points.size(); ++i) {
            QCOMPARE(points[i].workers, i + 1);
            QVERIFY(points[i].speedup > 0);
        }
        QCOMPARE(m_window->session()->runs().size(), std::size_t{1});
        QVERIFY(m_window->session()->runs()[0].has_serial);

        // What is drawn, not only what is kept: the measured graph holds the three points.
        view->rebuild();
        QCPGraph* measured = nullptr;
        for (int i = 0; i < view->plot()->graphCount(); ++i)
            // One workload: the legend names the backend and the fit, the title the workload.
            if (view->plot()->graph(i)->name().startsWith(QStringLiteral("threads, Amdahl s = ")))
                measured = view->plot()->graph(i);
        QVERIFY(measured);
        QCOMPARE(measured->dataCount(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(measured->data()->at(i)->key, double(i + 1));
    }

    void exportsABundleFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("bundle"));
        const QStringList files = ExportBundle::write(folder, m_window->views(), *m_window->session());
        for (PlotView* view : m_window->views())
            for (const char* suffix : {"png", "svg", "pdf"}) {
                const QString path =
                    folder + QLatin1Char('/') + view->exportName() + QLatin1Char('.') + suffix;
                QVERIFY2(files.contains(path), qPrintable(path));
                QVERIFY2(QFileInfo(path).size() > 100, qPrintable(path));
            }
        QFile csv(folder + QStringLiteral("/points.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        // The header, the serial baseline, then one line per worker count.
        QCOMPARE(lines.size(), 1 + 1 + 3);
        QVERIFY(lines[1].startsWith("coffee,serial,1"));
        QVERIFY(lines[0].startsWith("workload,backend,workers"));
        QFile run(folder + QStringLiteral("/run.json"));
        QVERIFY(run.open(QIODevice::ReadOnly));
        const QJsonDocument json = QJsonDocument::fromJson(run.readAll());
        QVERIFY(json.isObject());
        QVERIFY(json.object().contains(QStringLiteral("machine")));
    }

    void exportSweepExitsTwoForAWorkerCountTheBackendRefuses()
    {
        // As parlab-cli does for the same mistake; reached here without the launch options' checks.
        ExportSweepOptions options;
        options.file = m_dir.filePath(QStringLiteral("refused.png"));
        options.request.workload = "cubes";
        options.request.backend = "threads";
        options.request.workers = WorkerRange::parse("100000");
        QCOMPARE(HeadlessExport::run(options), 2);
        QVERIFY(!QFile::exists(options.file));
    }

    void exportSweepWritesAValidSvgWithNoWindow()
    {
        const QString path = m_dir.filePath(QStringLiteral("headless.svg"));
        const LaunchOptions options = parse_launch_options(
            {QStringLiteral("parlab"), QStringLiteral("--export-sweep"), path, QStringLiteral("--workload"),
             QStringLiteral("cubes"), QStringLiteral("--param"), QStringLiteral("n=20000"),
             QStringLiteral("--param"), QStringLiteral("chunks=8"), QStringLiteral("--workers"),
             QStringLiteral("1:2"), QStringLiteral("--repeat"), QStringLiteral("1")});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QVERIFY(options.exportSweep);
        QCOMPARE(HeadlessExport::run(*options.exportSweep), 0);
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        int texts = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::Characters &&
                xml.text().contains(QStringLiteral("cubes")))
                ++texts;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(texts > 0, "the legend names the series");
    }

    void exportsPngPdfAndSvg()
    {
        QCustomPlot* plot = m_window->speedupView()->plot();
        const QString png = m_dir.filePath(QStringLiteral("speedup.png"));
        PlotExporter::save(plot, png, 640, 360, 2.0);
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1280, 720));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 8)
            for (int x = 0; x < image.width(); x += 8)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 3, "the PNG shows a plot, not a blank page");

        const QString pdf = m_dir.filePath(QStringLiteral("speedup.pdf"));
        PlotExporter::save(plot, pdf, 640, 360);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.size() > 100);
        QVERIFY(pdfFile.read(4) == "%PDF");

        const QString svg = m_dir.filePath(QStringLiteral("speedup.svg"));
        PlotExporter::save(plot, svg, 640, 360);
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PlotExporter::save(plot, m_dir.filePath("x.gif")));
    }

    void sessionRoundTripGivesTheSamePoints()
    {
        const auto before = m_window->speedupView()->seriesPoints(0);
        const QString path = m_dir.filePath(QStringLiteral("session.json"));
        QVERIFY(m_window->saveSession(path).contains(path));
        m_window->speedupView()->clear();
        QCOMPARE(m_window->loadSession(path), QString());
        const auto& after = m_window->speedupView()->seriesPoints(0);
        QCOMPARE(after.size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(after[i].workers, before[i].workers);
            QCOMPARE(after[i].speedup, before[i].speedup);
            QCOMPARE(after[i].wall_s_max, before[i].wall_s_max);
        }
    }

    // A valid file for badSessionFilesChangeNothing to spoil one field of.
    static QByteArray goodSession()
    {
        return R"({"format":"parlab-session","version":1,"runs":[{"request":{"workload":"cubes","backend":"threads",)"
               R"("workers":"2","repeats":1,"chunk":0,"schedule":"dynamic","ship_inputs":false,"parameters":{}},)"
               R"("points":[{"type":"point","workload":"cubes","backend":"threads","workers":2,"tasks":64,"repeats":1,)"
               R"("wall_s":0.2,"wall_s_min":0.19,"wall_s_max":0.21,"speedup":1.9,"efficiency":0.95,"karp_flatt":0.02,)"
               R"("checksum":"1","startup_s":0,"ship_s":0,"compute_s":0.4,"teardown_s":0,"bytes_sent":0,)"
               R"("bytes_received":0}]}]})";
    }

    void theTemplateOfBadSessionsIsGood()
    {
        QCOMPARE(parlab::gui::SessionFile::fromJson(goodSession()).size(), std::size_t{1});
    }

    void badSessionFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("malformed") << QByteArray("{\"format\": \"parlab-session\", \"runs\": [")
                                   << "malformed";
        QTest::newRow("foreign") << QByteArray("{\"name\": \"x\", \"version\": 1}") << "parlab-session";
        QTest::newRow("bad point")
            << QByteArray(R"({"format":"parlab-session","version":1,"runs":[{"request":{}}]})") << "runs[0]";
        // Fields outside a request's limits (issue 13's reliability pass), each named.
        const QByteArray good = goodSession();
        const auto bad = [&](const char* from, const QByteArray& to) {
            return QByteArray(good).replace(from, to);
        };
        QTest::newRow("workers 1e7") << bad(R"("workers":2,)", R"("workers":1e7,)") << "points[0].workers";
        QTest::newRow("repeats 2^32")
            << bad(R"("repeats":1,"wall_s")", R"("repeats":4294967296,"wall_s")") << "points[0].repeats";
        QTest::newRow("negative wall_s_max")
            << bad(R"("wall_s_max":0.21)", R"("wall_s_max":-0.21)") << "points[0].wall_s_max";
        QTest::newRow("workload nope")
            << bad(R"("workload":"cubes")", R"("workload":"nope")") << "request.workload 'nope'";
        QTest::newRow("backend mpi") << bad(R"("backend":"threads")", R"("backend":"mpi")")
                                     << "request.backend 'mpi'";
        QTest::newRow("50 MB name") << bad(R"("workload":"cubes")",
                                           "\"workload\":\"" + QByteArray(50'000'000, 'w') + "\"")
                                    << "16 MiB";
        QTest::newRow("version as text")
            << bad(R"("version":1)", R"("version":"1")") << "\"version\" must be the number 1";
    }

    void badSessionFilesChangeNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        const QString path = m_dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const std::size_t runs = m_window->session()->runs().size();
        const std::size_t points = m_window->speedupView()->seriesPoints(0).size();
        const QString error = m_window->loadSession(path);
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("this parlab reads version 1")));
        QVERIFY(error.size() < 400);
        QCOMPARE(m_window->session()->runs().size(), runs);
        QCOMPARE(m_window->speedupView()->seriesPoints(0).size(), points);
    }

    void aFailedRunKeepsEveryEarlierResult()
    {
        sweepSmallCoffee(QStringLiteral("1:2"));
        const std::size_t runs = m_window->session()->runs().size();
        const std::size_t series = m_window->speedupView()->seriesCount();
        QVERIFY(runs >= 1);

        // A worker program that is not there: the processes run fails before its first point. The
        // environment changes only once the break-even measurement, which starts worker processes
        // on a thread of its own, is done: setenv while another thread spawns is a data race.
        const auto* overlays = m_window->speedupView()->findChild<SpeedupOverlays*>();
        QVERIFY(overlays != nullptr);
        QTRY_VERIFY_WITH_TIMEOUT(overlays->overheads().has_value(), 120000);
        qputenv("PARLAB_WORKER", QFile::encodeName(m_dir.filePath(QStringLiteral("no-such-worker"))));
        auto* controls = m_window->controls();
        controls->setBackend(QStringLiteral("processes"));
        QSignalSpy failed(m_window->controller(), &RunController::failed);
        QSignalSpy idle(m_window->controller(), &RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(QStringLiteral("sweep")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 60000);
        qunsetenv("PARLAB_WORKER");

        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("no-such-worker")));
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("The run failed")));
        QVERIFY(m_window->session()->runs().size() >= runs);
        QVERIFY(m_window->speedupView()->seriesCount() >= series);
        QVERIFY(m_window->speedupView()->seriesPoints(0).size() >= 2);
        controls->setBackend(QStringLiteral("threads"));
    }

    void aRefusedValueDoesNotStartARun()
    {
        auto* controls = m_window->controls();
        controls->setSweepRange(QStringLiteral("5:1"));
        QVERIFY(!controls->request(true));
        QVERIFY(!m_window->controller()->isRunning());
    }

    void controllerRefusesASecondRunAndCancels()
    {
        RunController controller;
        RunRequest request;
        request.sweep.workload = "coffee";
        request.sweep.parameters = {{"students", "200"}, {"seconds", "0.02"}, {"mode", "wait"}};
        request.sweep.workers = WorkerRange::parse("1:2");
        QSignalSpy cancelled(&controller, &RunController::cancelled);
        QSignalSpy idle(&controller, &RunController::idle);
        QVERIFY(controller.start(request));
        QVERIFY(!controller.start(request));
        controller.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 30000);
        QCOMPARE(cancelled.count(), 1);
        QVERIFY(!controller.isRunning());
    }

    void destroyingTheControllerDuringARunJoins()
    {
        auto controller = std::make_unique<RunController>();
        RunRequest request;
        request.sweep.workload = "coffee";
        request.sweep.parameters = {{"students", "200"}, {"seconds", "0.02"}, {"mode", "wait"}};
        QVERIFY(controller->start(request));
        controller.reset();
        QCoreApplication::processEvents();
    }

    // A sweep of 3 repeats shows each worker count's point after its first round, refined by
    // the next, long before the serial baseline's last repeat, and the live speedup moves from
    // the first round on: the class sees the speedup appear.
    // (Last: it adds a run to the session the tests above count.)
    void theFirstPointsShowAfterTheFirstRoundNotTheLast()
    {
        QStringList order;
        bool drawnAtOnce = true;
        auto* view = m_window->speedupView();
        const auto refined =
            connect(m_window->controller(), &RunController::pointRefined, this, [&](const Point& point) {
                order << QStringLiteral("refined W%1").arg(point.workers);
                bool found = false;
                for (std::size_t i = 0; i < view->seriesCount(); ++i)
                    for (const Point& shown : view->seriesPoints(i))
                        found = found || (shown.workers == point.workers && shown.wall_s == point.wall_s);
                drawnAtOnce = drawnAtOnce && found;
            });
        int liveMovesBeforeTheLastRound = -1;
        const auto baseline = connect(m_window->controller(), &RunController::baselineReady, this, [&] {
            order << QStringLiteral("baseline");
            liveMovesBeforeTheLastRound = m_window->workerTabs()->liveSpeedup()->moves();
        });
        // Runs of 0.2 to 0.4 s, long enough for the live marker to move during them.
        sweepSmallCoffee(QStringLiteral("1:2"), {{"students", "20"}, {"seconds", "0.02"}, {"mode", "wait"}});
        disconnect(refined);
        disconnect(baseline);
        // Two rounds before the last: W1 and W2 twice, then the final baseline.
        QCOMPARE(order, (QStringList{QStringLiteral("refined W1"), QStringLiteral("refined W2"),
                                     QStringLiteral("refined W1"), QStringLiteral("refined W2"),
                                     QStringLiteral("baseline")}));
        QVERIFY(drawnAtOnce);
        // The live speedup works in the first rounds too: the baseline's first repeat is its reference.
        QVERIFY2(liveMovesBeforeTheLastRound > 0, qPrintable(QString::number(liveMovesBeforeTheLastRound)));
    }

    void theControlsFitTheirPanelAtPresentationSize()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.zoom(1.6); // the size presentation mode draws at, without going full screen
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The fields have no horizontal scroll bar: wider than their panel, they would be cut off.
        const auto* fields = window.controls()->findChild<QWidget*>(QStringLiteral("fields"));
        QVERIFY(fields);
        QVERIFY2(fields->width() <= fields->parentWidget()->width(),
                 qPrintable(QStringLiteral("fields %1 px wide in a panel of %2 px")
                                .arg(fields->width())
                                .arg(fields->parentWidget()->width())));
        // Sweep and the progress bar stay in sight however long the fields are.
        for (const char* name : {"sweep", "cancel"}) {
            const auto* button = window.controls()->findChild<QPushButton*>(QLatin1String(name));
            const QRect shown(button->mapTo(&window, QPoint(0, 0)), button->size());
            QVERIFY2(window.rect().contains(shown), name);
        }
        const auto* progress = window.controls()->findChild<QProgressBar*>();
        QVERIFY(window.rect().contains(QRect(progress->mapTo(&window, QPoint(0, 0)), progress->size())));
        // And the plots keep most of the window.
        QVERIFY(window.controls()->width() < window.width() / 2);
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
