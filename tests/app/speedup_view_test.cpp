#include "views/speedup_view.h"

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
};

} // namespace parlab::gui

QTEST_MAIN(parlab::gui::SpeedupViewTest)
#include "speedup_view_test.moc"
