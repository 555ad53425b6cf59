#include "views/trends_view.h"

#include "trends/trend_csv.h"

#include <qcustomplot.h>

#include <QFile>
#include <QTest>

using parlab::gui::TrendsView;

class TrendsViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdsEveryDataPointOfEverySeries()
    {
        TrendsView view;
        QCOMPARE(view.seriesCount(), 5);
        const int expected[] = {99, 74, 101, 101, 90};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(view.pointCount(i), expected[i]);
        QCOMPARE(view.plot()->graphCount(), 5);
        QCOMPARE(view.exportName(), QStringLiteral("trends"));
    }

    void drawsTheFileValuesAtTheirYears()
    {
        TrendsView view;
        QFile file(QStringLiteral(":/trends/frequency_mhz.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const parlab::TrendSeries series = parlab::parse_trend_csv(bytes.toStdString(), "frequency");
        QCPGraph* frequency = view.plot()->graph(2);
        QVERIFY(frequency->name().contains(QStringLiteral("MHz")));
        double fileSum = 0.0;
        for (const auto& point : series.points)
            fileSum += point.first * point.second;
        double chartSum = 0.0;
        for (auto it = frequency->data()->constBegin(); it != frequency->data()->constEnd(); ++it)
            chartSum += it->key * it->value;
        QCOMPARE(chartSum, fileSum);
    }

    void usesDistinctMarkersAndColours()
    {
        TrendsView view;
        for (int i = 0; i < 5; ++i) {
            for (int j = i + 1; j < 5; ++j) {
                QVERIFY(view.plot()->graph(i)->scatterStyle().shape() !=
                        view.plot()->graph(j)->scatterStyle().shape());
                QVERIFY(view.plot()->graph(i)->pen().color() != view.plot()->graph(j)->pen().color());
            }
            QCOMPARE(view.plot()->graph(i)->lineStyle(), QCPGraph::lsNone);
        }
        QVERIFY(view.plot()->yAxis->scaleType() == QCPAxis::stLogarithmic);
    }

    void labelsThisMachine()
    {
        TrendsView view;
        view.setMachine(QStringLiteral("Intel(R) Xeon(R) Gold 6130"), 2100.4, 64);
        QCOMPARE(view.machineFrequencyLabel(),
                 QStringLiteral("this machine: Intel Xeon Gold 6130, 2100 MHz"));
        QCOMPARE(view.machineCoresLabel(), QStringLiteral("64 logical CPUs"));

        view.setMachine(QStringLiteral("Mystery"), 0.0, 1);
        QVERIFY(view.machineFrequencyLabel().isEmpty());
        QCOMPARE(view.machineCoresLabel(), QStringLiteral("this machine: Mystery, 1 logical CPU"));
    }

    void showsTheAttribution()
    {
        TrendsView view;
        bool found = false;
        for (int i = 0; i < view.plot()->plotLayout()->elementCount(); ++i) {
            if (auto* text = qobject_cast<QCPTextElement*>(view.plot()->plotLayout()->elementAt(i)))
                found = found || (text->text().contains(QStringLiteral("Karl Rupp")) &&
                                  text->text().contains(QStringLiteral("CC BY 4.0")) &&
                                  text->text().contains(QStringLiteral("M. Horowitz")));
        }
        QVERIFY(found);
    }

    void survivesScaleAndPaletteChanges()
    {
        TrendsView view;
        view.resize(1280, 720);
        view.setScale(1.6);
        QCOMPARE(view.plot()->xAxis->tickLabelFont().pointSizeF(), 11.0 * 1.6);
        QPalette dark;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Window, Qt::black);
        dark.setColor(QPalette::WindowText, Qt::white);
        view.setPalette(dark);
        QCOMPARE(view.plot()->xAxis->tickLabelColor(), QColor(Qt::white));
        QVERIFY(!view.grab().isNull());
    }
};

QTEST_MAIN(TrendsViewTest)
#include "trends_view_test.moc"
