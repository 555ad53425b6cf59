#include "views/speedup_view.h"

#include <qcustomplot.h>

#include <QtTest/QtTest>

namespace parlab::gui {

class SpeedupViewTest : public QObject {
    Q_OBJECT
private slots:
    void cleanPointHasNoWarning()
    {
        Point point;
        point.workers = 2;
        point.speedup = 1.9;
        point.noise = 0.05;
        QVERIFY(SpeedupView::pointWarning(point).isEmpty());
    }

    void busyMachineAndArtefactAreSaid()
    {
        Point point;
        point.workers = 2;
        point.speedup = 2.24;
        point.noise = 0.35;
        QVERIFY(SpeedupView::pointWarning(point).contains(QStringLiteral("machine was busy")));
        point.artefact = "speedup 2.24 above the 2 logical CPUs";
        QVERIFY(SpeedupView::pointWarning(point).contains(QStringLiteral("artefact")));
    }

    void drawsNoisyAndImpossiblePoints()
    {
        SpeedupView view;
        view.setMachine(2, 2);
        Point point;
        point.workload = "eigen";
        point.backend = "threads";
        point.workers = 2;
        point.wall_s = 0.5;
        point.speedup = 2.24;
        point.speedup_low = 1.9;
        point.speedup_high = 2.5;
        point.noise = 0.35;
        point.artefact = "speedup 2.24 above the 2 logical CPUs";
        view.addPoint(point);
        view.resize(640, 480);
        view.grab(); // draws without a crash
        QCOMPARE(view.seriesCount(), std::size_t{1});
    }

    // One series sits in the chart's corner; three, with their fits, would cover the curves (the
    // GIL lesson at presentation size): the legend then stands under the charts, clear of them.
    void manyEntriesMoveTheLegendOutOfTheChart()
    {
        SpeedupView view;
        view.setMachine(2, 2);
        view.resize(900, 600);
        const auto add = [&view](const char* backend, std::size_t workers, double speedup) {
            Point point;
            point.workload = "countdown";
            point.backend = backend;
            point.workers = workers;
            point.wall_s = 1.0 / speedup;
            point.speedup = speedup;
            view.addPoint(point);
        };
        const auto drawNow = [&view] {
            view.rebuild();
            view.plot()->replot();
        };
        add("threads", 1, 1.0);
        add("threads", 2, 1.9);
        drawNow();
        QVERIFY(!view.legendOutsideChart());
        // One workload: the title names it, the legend only the backend and its fit.
        QCOMPARE(view.plot()->legend->itemCount(), 2);
        QVERIFY(view.plot()->graph(1)->name().startsWith(QStringLiteral("threads, Amdahl s = ")));

        add("processes", 1, 1.0);
        add("processes", 2, 1.7);
        add("serial", 1, 1.0);
        drawNow();
        QVERIFY(view.plot()->legend->itemCount() > 3);
        QVERIFY(view.legendOutsideChart());
        QVERIFY(!view.plot()->axisRect()->outerRect().intersects(view.plot()->legend->outerRect()));
        QVERIFY(view.plot()->legend->outerRect().top() >= view.plot()->axisRect()->outerRect().bottom());
        QVERIFY(view.plot()->legend->outerRect().width() > 0);

        view.clear();
        drawNow();
        QVERIFY(!view.legendOutsideChart());
    }
};

} // namespace parlab::gui

QTEST_MAIN(parlab::gui::SpeedupViewTest)
#include "speedup_view_test.moc"
