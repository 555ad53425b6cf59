#include "views/trends_view.h"
#include "views/fitted_title.h"

#include "views/plot_style.h"

#include "machine/machine_facts.h"
#include "trends/trend_csv.h"

#include <qcustomplot.h>

#include <QFile>

#include <array>
#include <cmath>
#include <stdexcept>

// Q_INIT_RESOURCE must be used outside any namespace; it keeps the linker from dropping the
// resources of a static library.
static void initParlabResources()
{
    Q_INIT_RESOURCE(parlab);
}

namespace parlab::gui {
namespace {

struct SeriesInfo {
    const char* file;
    const char* legend;
    QCPScatterStyle::ScatterShape shape;
};

// Shapes and colours both differ, so the series stay apart in grey print and for colour-blind eyes.
constexpr std::array<SeriesInfo, 5> series_infos = {{
    {"transistors.csv", "Transistors (thousands)", QCPScatterStyle::ssTriangle},
    {"single_thread_perf.csv", "Single-thread speed (SpecINT × 10³)", QCPScatterStyle::ssCircle},
    {"frequency_mhz.csv", "Frequency (MHz)", QCPScatterStyle::ssSquare},
    {"typical_power_w.csv", "Typical power (W)", QCPScatterStyle::ssDiamond},
    {"logical_cores.csv", "Logical cores", QCPScatterStyle::ssTriangleInverted},
}};
constexpr int frequency_series = 2;
constexpr int cores_series = 4;

constexpr double first_year = 1970.0;
constexpr double last_year = 2024.0;
constexpr double lowest_value = 0.1;
// Two decades of headroom above the newest chips hold the legend clear of the data.
constexpr double highest_value = 3e10;
constexpr double dennard_end_year = 2005.0;

const char* const attribution_text =
    "Data: Karl Rupp, \"Microprocessor Trend Data\" (github.com/karlrupp/microprocessor-trend-data), "
    "CC BY 4.0.\nOriginal data up to 2010 collected by M. Horowitz, F. Labonte, O. Shacham, "
    "K. Olukotun, L. Hammond,\nand C. Batten; data for 2010-2021 collected by K. Rupp.";

QString simplifiedModel(QString model)
{
    model.remove(QStringLiteral("(R)")).remove(QStringLiteral("(TM)")).remove(QStringLiteral("(tm)"));
    return model.simplified();
}

QCPTextElement* makeText(QCustomPlot* plot, const QString& text)
{
    auto* element = new FittedTitle(plot, text, QFont());
    element->setLayer(QStringLiteral("axes"));
    return element;
}

} // namespace

TrendsView::TrendsView(QWidget* parent) : PlotView(parent)
{
    initParlabResources();

    m_title = makeText(plot(), tr("Clocks stopped getting faster around 2005;\ncores kept multiplying"));
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, m_title);
    m_attribution = makeText(plot(), QString::fromUtf8(attribution_text));
    plot()->plotLayout()->addElement(2, 0, m_attribution);
    plot()->plotLayout()->setRowSpacing(0);

    QCPAxis* x = plot()->xAxis;
    QCPAxis* y = plot()->yAxis;
    x->setLabel(tr("Year"));
    y->setLabel(tr("Value (log scale)"));
    y->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
    ticker->setLogBase(10);
    ticker->setSubTickCount(8);
    y->setTicker(ticker);
    y->setNumberFormat(QStringLiteral("eb"));
    y->setNumberPrecision(0);
    auto yearTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    yearTicker->setTickStep(10.0);
    yearTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    x->setTicker(yearTicker);
    x->grid()->setSubGridVisible(false);
    y->grid()->setSubGridVisible(false);

    // Drawn first, on the background layer, so that every data point stays on top of the shade.
    m_dennardShade = new QCPItemRect(plot());
    m_dennardShade->setLayer(QStringLiteral("background"));
    m_dennardShade->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_dennardShade->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_dennardShade->topLeft->setCoords(dennard_end_year, 0.0);
    m_dennardShade->bottomRight->setCoords(1e4, 1.0);
    m_dennardLabel = new QCPItemText(plot());
    m_dennardLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    // In the headroom above the newest transistor counts, clear of the legend on the left.
    m_dennardLabel->position->setCoords(dennard_end_year, 0.0);
    m_dennardLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_dennardLabel->setText(tr("after 2005:\nend of Dennard scaling"));

    loadSeries();

    m_frequencyLine = new QCPItemStraightLine(plot());
    m_frequencyLabel = new QCPItemText(plot());
    m_coresLine = new QCPItemStraightLine(plot());
    m_coresLabel = new QCPItemText(plot());
    for (QCPItemText* label : {m_frequencyLabel, m_coresLabel}) {
        label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    }

    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    const MachineFacts& facts = machine_facts();
    setMachine(QString::fromStdString(facts.cpu_model), facts.frequency_mhz,
               static_cast<int>(facts.logical_cpus));

    resetView();
    resetViewOnDoubleClick(plot(), [this] { resetView(); });
    restyle();
}

void TrendsView::loadSeries()
{
    for (std::size_t i = 0; i < series_infos.size(); ++i) {
        const SeriesInfo& info = series_infos[i];
        const QString path = QStringLiteral(":/trends/") + QLatin1String(info.file);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("trend data " + path.toStdString() + " is missing from the program");
        const QByteArray bytes = file.readAll();
        const TrendSeries series = parse_trend_csv(
            std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), info.file);

        QCPGraph* graph = plot()->addGraph();
        graph->setName(tr(info.legend));
        graph->setLineStyle(QCPGraph::lsNone);
        QVector<double> years, values;
        years.reserve(static_cast<qsizetype>(series.points.size()));
        values.reserve(static_cast<qsizetype>(series.points.size()));
        for (const auto& [year, value] : series.points) {
            years.push_back(year);
            values.push_back(value);
        }
        // Several chips share a year; QCPGraph keeps every one of them when sorted by year.
        graph->setData(years, values, false);
        m_series.push_back(graph);
    }
}

void TrendsView::setMachine(const QString& model, double mhz, int logicalCpus)
{
    const QString name = simplifiedModel(model).isEmpty() ? tr("unknown CPU") : simplifiedModel(model);
    const bool clockKnown = mhz > 0.0;
    m_frequencyLine->setVisible(clockKnown);
    m_frequencyLabel->setVisible(clockKnown);
    if (clockKnown) {
        m_frequencyLine->point1->setCoords(first_year, mhz);
        m_frequencyLine->point2->setCoords(last_year, mhz);
        m_frequencyLabel->position->setCoords(0.01, mhz);
        m_frequencyLabel->setText(tr("this machine: %1, %2 MHz").arg(name).arg(qRound(mhz)));
    }
    const int cpus = std::max(1, logicalCpus);
    m_coresLine->point1->setCoords(first_year, cpus);
    m_coresLine->point2->setCoords(last_year, cpus);
    m_coresLabel->position->setCoords(0.01, cpus);
    const QString cores = cpus == 1 ? tr("1 logical CPU") : tr("%1 logical CPUs").arg(cpus);
    m_coresLabel->setText(clockKnown ? cores : tr("this machine: %1, %2").arg(name, cores));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QString TrendsView::seriesName(int series) const
{
    return m_series.at(series)->name();
}

int TrendsView::pointCount(int series) const
{
    return m_series.at(series)->dataCount();
}

QString TrendsView::machineFrequencyLabel() const
{
    return m_frequencyLabel->visible() ? m_frequencyLabel->text() : QString();
}

QString TrendsView::machineCoresLabel() const
{
    return m_coresLabel->text();
}

void TrendsView::resetView()
{
    plot()->xAxis->setRange(first_year, last_year);
    plot()->yAxis->setRange(lowest_value, highest_value);
}

void TrendsView::restyle()
{
    PlotView::restyle();
    const QPalette palette = plot()->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const bool dark = palette.color(QPalette::Base).lightness() < 128;

    for (int i = 0; i < m_series.size(); ++i) {
        const QColor color = seriesColor(i, palette);
        QColor fill = color;
        fill.setAlpha(170);
        m_series[i]->setPen(QPen(color, lineWidth(scale())));
        m_series[i]->setScatterStyle(QCPScatterStyle(series_infos[static_cast<std::size_t>(i)].shape,
                                                     QPen(color, 1.2 * scale()), QBrush(fill),
                                                     9.0 * scale()));
    }

    // Grows less than the rest: at full presentation scale its long lines would not fit 1280 pixels.
    QFont small = tickFont(scale());
    small.setPointSizeF(9.5 * std::sqrt(scale()));
    m_attribution->setFont(small);
    m_attribution->setTextColor(text);

    QColor shade = text;
    shade.setAlpha(dark ? 28 : 16);
    m_dennardShade->setBrush(QBrush(shade));
    m_dennardShade->setPen(Qt::NoPen);
    m_dennardLabel->setFont(tickFont(scale()));
    m_dennardLabel->setColor(text);
    m_dennardLabel->setPadding(QMargins(6, 4, 6, 4) * scale());

    const QColor frequencyColor = seriesColor(frequency_series, palette);
    const QColor coresColor = seriesColor(cores_series, palette);
    m_frequencyLine->setPen(QPen(frequencyColor, lineWidth(scale()), Qt::DashLine));
    m_coresLine->setPen(QPen(coresColor, lineWidth(scale()), Qt::DashLine));
    QFont bold = tickFont(scale());
    bold.setBold(true);
    m_frequencyLabel->setFont(bold);
    m_frequencyLabel->setColor(frequencyColor);
    m_coresLabel->setFont(bold);
    m_coresLabel->setColor(coresColor);
    // A label may sit over early data points; a veil of the background keeps it readable.
    QColor veil = palette.color(QPalette::Base);
    veil.setAlpha(200);
    for (QCPItemText* label : {m_frequencyLabel, m_coresLabel}) {
        label->setBrush(QBrush(veil));
        label->setPadding(QMargins(3, 1, 3, 1) * scale());
    }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
