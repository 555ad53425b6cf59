#include "views/speedup_view.h"

#include "views/fitted_title.h"

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

    void aNarrowPlotAtPresentationSizeKeepsTitleAndLegendInside()
    {
        // Beside the lesson and the controls at 1280 × 720 the plot gets about 560 px; less on a
        // smaller projector.
        SpeedupView view;
        view.setMachine(2, 2);
        view.setScale(1.6);
        view.resize(440, 680);
        view.show();
        for (const char* backend : {"threads", "processes", "serial"})
            for (std::size_t workers : {1, 2}) {
                Point point;
                point.workload = "countdown";
                point.backend = backend;
                point.workers = workers;
                point.wall_s = 1.0 / static_cast<double>(workers);
                point.speedup = static_cast<double>(workers);
                view.addPoint(point);
            }
        view.rebuild();
        view.plot()->replot();
        view.plot()->replot(); // the legend's columns follow the first layout's width
        const int width = view.plot()->width();
        QVERIFY(view.legendOutsideChart());
        // The width its entries need, not the cell it is given: a legend draws past a narrow cell.
        const int legend = view.plot()->legend->minimumOuterSizeHint().width();
        QVERIFY2(legend <= width,
                 qPrintable(QStringLiteral("legend needs %1 px of %2").arg(legend).arg(width)));
        QVERIFY(view.plot()->axisRect()->outerRect().right() <= width);
        const auto* title = qobject_cast<FittedTitle*>(view.plot()->plotLayout()->element(0, 0));
        QVERIFY(title);
        QVERIFY(title->text().contains(QStringLiteral("countdown")));
        QVERIFY(title->outerRect().right() <= width);
        const double drawn = QFontMetricsF(title->drawnFont()).horizontalAdvance(title->text());
        QVERIFY2(drawn <= title->rect().width(),
                 qPrintable(QStringLiteral("title %1 px in %2").arg(drawn).arg(title->rect().width())));
        QVERIFY(title->drawnFont().pointSizeF() < title->font().pointSizeF() ||
                title->drawnFont().pixelSize() < title->font().pixelSize()); // shrunk to fit
    }
};

} // namespace parlab::gui

QTEST_MAIN(parlab::gui::SpeedupViewTest)
#include "speedup_view_test.moc"
