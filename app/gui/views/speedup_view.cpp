#include "views/speedup_view.h"
#include "views/fitted_title.h"

#include "views/plot_style.h"

#include "session/session.h"

#include "analysis/amdahl.h"
#include "analysis/speedup_spread.h"
#include "machine/machine_facts.h"
#include "machine/noise_meter.h"

#include <qcustomplot.h>

#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace parlab::gui {

namespace {

// Samples of the Amdahl curve: 0.05 apart up to 100 workers, spread wider beyond.
constexpr double curve_steps = 2000.0;

QString series_name(const Point& point)
{
    return QString::fromStdString(point.backend + (point.gil ? " (GIL)" : "") + " · " + point.workload);
}

void copy_axis_style(const QCPAxis* from, QCPAxis* to)
{
    to->setTickLabelFont(from->tickLabelFont());
    to->setLabelFont(from->labelFont());
    to->setTickLabelColor(from->tickLabelColor());
    to->setLabelColor(from->labelColor());
    to->setBasePen(from->basePen());
    to->setTickPen(from->tickPen());
    to->setSubTickPen(from->subTickPen());
    to->setTickLengthIn(from->tickLengthIn());
    to->setTickLengthOut(from->tickLengthOut());
    to->setSubTickLengthIn(from->subTickLengthIn());
    to->setLabelPadding(from->labelPadding());
    to->setTickLabelPadding(from->tickLabelPadding());
    to->grid()->setPen(from->grid()->pen());
    to->grid()->setSubGridPen(from->grid()->subGridPen());
}

} // namespace

SpeedupView::SpeedupView(QWidget* parent) : PlotView(parent)
{
    plot()->plotLayout()->insertRow(0);
    m_title = new FittedTitle(plot(), tr("Speedup against workers"));
    plot()->plotLayout()->addElement(0, 0, m_title);

    m_efficiencyRect = new QCPAxisRect(plot());
    plot()->plotLayout()->addElement(2, 0, m_efficiencyRect);
    plot()->plotLayout()->setRowStretchFactor(1, 2.2);
    plot()->plotLayout()->setRowStretchFactor(2, 1.0);
    auto* margins = new QCPMarginGroup(plot());
    plot()->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_efficiencyRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    for (QCPAxis* axis : m_efficiencyRect->axes())
        axis->setLayer(QStringLiteral("axes"));
    m_efficiencyRect->setRangeZoom(Qt::Horizontal);
    m_efficiencyRect->setRangeDrag(Qt::Horizontal);
    // A noisy or impossible point explains itself when the pointer rests on its marker.
    connect(plot(), &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QPointF at = event->position();
        for (const auto& series : m_series)
            for (const auto& point : series.points) {
                const QString warning = pointWarning(point);
                const double x = plot()->xAxis->coordToPixel(static_cast<double>(point.workers));
                const double y = plot()->yAxis->coordToPixel(point.speedup);
                if (!warning.isEmpty() && std::hypot(at.x() - x, at.y() - y) < 10 * scale()) {
                    QToolTip::showText(event->globalPosition().toPoint(), warning, plot());
                    return;
                }
            }
        QToolTip::hideText();
    });
    connect(plot()->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_efficiencyRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));

    plot()->xAxis->setLabel(tr("workers p"));
    plot()->yAxis->setLabel(tr("speedup S(p)"));
    m_efficiencyRect->axis(QCPAxis::atBottom)->setLabel(tr("workers p"));
    m_efficiencyRect->axis(QCPAxis::atLeft)->setLabel(tr("efficiency"));
    // Workers are whole numbers: no tick at 1.5 workers.
    for (QCPAxis* axis : {plot()->xAxis, m_efficiencyRect->axis(QCPAxis::atBottom)}) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        axis->setTicker(ticker);
    }
    // Three ticks, 0, 0.5 and 1, stay apart even in the short panel at presentation scale.
    auto efficiencyTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    efficiencyTicker->setTickStep(0.5);
    efficiencyTicker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_efficiencyRect->axis(QCPAxis::atLeft)->setTicker(efficiencyTicker);
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignLeft | Qt::AlignTop);
    // Overlays add legend entries after draw(): where the legend goes is decided before each layout.
    connect(plot(), &QCustomPlot::beforeReplot, this, &SpeedupView::placeLegend);

    resetViewOnDoubleClick(plot(), [this] { resetRanges(); });

    const auto& facts = machine_facts();
    setMachine(facts.physical_cores, facts.logical_cpus);
    restyle();
}

bool SpeedupView::legendOutsideChart() const
{
    return m_legendOutside;
}

void SpeedupView::placeLegend()
{
    // Up to three entries (the ideal line and two series, or one and an overlay) sit in the chart's
    // top-left corner, above the ideal line where no measured point can be; more reach down over
    // the curves, at presentation size over most of the chart. They then go in two columns under
    // the efficiency panel, where they take height but not the chart's width.
    constexpr int mostInside = 3;
    constexpr int legendRow = 3;
    QCPLegend* legend = plot()->legend;
    const bool below = legend->itemCount() > mostInside;
    if (below != legendOutsideChart()) {
        QCPLayoutInset* inset = plot()->axisRect()->insetLayout();
        if (below) {
            inset->take(legend);
            inset->simplify();
            legend->setFillOrder(QCPLegend::foColumnsFirst);
            plot()->plotLayout()->addElement(legendRow, 0, legend);
            plot()->plotLayout()->setRowStretchFactor(legendRow, 0.001);
        } else {
            plot()->plotLayout()->take(legend);
            plot()->plotLayout()->simplify();
            legend->setWrap(0);
            legend->setFillOrder(QCPLegend::foRowsFirst);
            inset->addElement(legend, Qt::AlignLeft | Qt::AlignTop);
        }
        m_legendOutside = below;
    }
    if (below) {
        // Two columns where two of the widest entries fit side by side; in a narrow plot (beside
        // the lesson, at presentation size) one, or the legend would run past the plot's edge.
        int widest = 0;
        for (int i = 0; i < legend->itemCount(); ++i)
            if (const QCPAbstractLegendItem* item = legend->item(i)) // a wrapped grid has empty cells
                widest = std::max(widest, item->minimumOuterSizeHint().width());
        const int room = plot()->width() - legend->margins().left() - legend->margins().right();
        const int columns = 2 * widest + legend->columnSpacing() <= room ? 2 : 1;
        if (legend->wrap() != columns) {
            legend->setWrap(columns);
            legend->setFillOrder(QCPLegend::foColumnsFirst, true); // a new wrap applies on rearranging
        }
    }
}

void SpeedupView::restyle()
{
    PlotView::restyle();
    m_efficiencyRect->setBackground(plot()->axisRect()->backgroundBrush());
    copy_axis_style(plot()->xAxis, m_efficiencyRect->axis(QCPAxis::atBottom));
    copy_axis_style(plot()->yAxis, m_efficiencyRect->axis(QCPAxis::atLeft));
    rebuild();
}

void SpeedupView::setSession(const Session* session)
{
    connect(session, &Session::pointAdded, this, &SpeedupView::addPoint);
    connect(session, &Session::runsReplaced, this, [this, session] { showRuns(*session); });
    showRuns(*session);
}

void SpeedupView::showRuns(const Session& session)
{
    m_series.clear();
    for (const auto& run : session.runs())
        for (const auto& point : run.points)
            addPoint(point);
    scheduleRebuild();
}

void SpeedupView::addPoint(const Point& point)
{
    const QString name = series_name(point);
    auto series =
        std::find_if(m_series.begin(), m_series.end(), [&](const Series& s) { return s.name == name; });
    if (series == m_series.end()) {
        m_series.push_back({name, {}});
        series = std::prev(m_series.end());
    }
    auto& points = series->points;
    auto at = std::lower_bound(points.begin(), points.end(), point.workers,
                               [](const Point& p, std::size_t workers) { return p.workers < workers; });
    if (at != points.end() && at->workers == point.workers)
        *at = point;
    else
        points.insert(at, point);
    scheduleRebuild();
}

void SpeedupView::clear()
{
    m_series.clear();
    scheduleRebuild();
}

void SpeedupView::setMachine(std::size_t physicalCores, std::size_t logicalCpus)
{
    m_physicalCores = std::max<std::size_t>(1, physicalCores);
    m_logicalCpus = std::max<std::size_t>(1, logicalCpus);
    scheduleRebuild();
}

void SpeedupView::draw()
{
    plot()->clearPlottables();
    plot()->clearItems();
    const QPalette palette = plot()->palette();
    const QColor text = palette.color(QPalette::WindowText);
    const double width = lineWidth(scale());
    QCPAxis* effX = m_efficiencyRect->axis(QCPAxis::atBottom);
    QCPAxis* effY = m_efficiencyRect->axis(QCPAxis::atLeft);

    double maxWorkers = static_cast<double>(m_logicalCpus);
    for (const auto& series : m_series)
        for (const auto& point : series.points)
            maxWorkers = std::max(maxWorkers, static_cast<double>(point.workers));
    const double xHigh = maxWorkers + 0.5;

    QColor idealColor = text;
    idealColor.setAlpha(140);
    auto* ideal = plot()->addGraph();
    ideal->setName(tr("ideal S = p"));
    ideal->setPen(QPen(idealColor, width, Qt::DashLine));
    ideal->setData(QVector<double>{0.0, xHigh}, QVector<double>{0.0, xHigh});

    // One workload in every series: the title names it and the legend names only the backends,
    // short enough to stand beside the chart at presentation size.
    std::string workload = m_series.empty() || m_series.front().points.empty()
                               ? std::string()
                               : m_series.front().points.front().workload;
    for (const auto& series : m_series)
        for (const auto& point : series.points)
            if (point.workload != workload)
                workload.clear();
    m_title->setText(workload.empty()
                         ? tr("Speedup against workers")
                         : tr("Speedup against workers: %1").arg(QString::fromStdString(workload)));

    for (std::size_t i = 0; i < m_series.size(); ++i) {
        const auto& series = m_series[i];
        const QColor color = seriesColor(static_cast<int>(i), palette);
        QString legendName = series.name;
        if (!workload.empty())
            legendName.chop(static_cast<int>(QStringLiteral(" · ").size() + workload.size()));
        QVector<double> x, y, minus, plus, efficiency;
        std::vector<SpeedupSample> samples;
        QVector<double> noisyX, noisyY;
        for (const auto& point : series.points) {
            const SpeedupSpread spread = speedup_spread(point);
            x << static_cast<double>(point.workers);
            y << point.speedup;
            minus << spread.minus;
            plus << spread.plus;
            efficiency << point.efficiency;
            if (point.noise > noise_threshold_cores || !point.artefact.empty()) {
                noisyX << static_cast<double>(point.workers);
                noisyY << point.speedup;
            }
            if (!point.artefact.empty()) {
                auto* tag = new QCPItemText(plot());
                tag->setClipAxisRect(plot()->axisRect());
                tag->position->setCoords(static_cast<double>(point.workers), point.speedup);
                tag->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                tag->setText(tr("artefact"));
                tag->setFont(tickFont(scale()));
                tag->setColor(color);
                tag->setPadding(QMargins(0, 0, 0, static_cast<int>(8 * scale())));
            }
            samples.push_back({static_cast<double>(point.workers), point.speedup});
        }
        auto* measured = plot()->addGraph();
        measured->setName(legendName);
        measured->setPen(QPen(color, width));
        measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 9 * scale()));
        measured->setData(x, y, true);
        if (!noisyX.isEmpty()) {
            // Hollow markers over the untrusted points: the number is there, the trust is not.
            auto* noisy = plot()->addGraph();
            noisy->setLineStyle(QCPGraph::lsNone);
            noisy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, width),
                                                   palette.color(QPalette::Base), 11 * scale()));
            noisy->setData(noisyX, noisyY, true);
            noisy->removeFromLegend();
        }

        auto* bars = new QCPErrorBars(plot()->xAxis, plot()->yAxis);
        bars->setDataPlottable(measured);
        bars->setData(minus, plus);
        bars->setPen(QPen(color, std::max(1.0, width * 0.75)));
        bars->setWhiskerWidth(10 * scale());
        bars->removeFromLegend();

        const AmdahlFit fit = fit_amdahl(samples, m_logicalCpus);
        if (fit.samples > 0) {
            QVector<double> fx, fy;
            // At most curve_steps samples, however many workers a point claims.
            const double step = std::max(0.05, (xHigh - 1.0) / curve_steps);
            for (double p = 1.0; p <= xHigh; p += step) {
                fx << p;
                fy << fit.speedup(p);
            }
            auto* curve = plot()->addGraph();
            // The fit's line is dotted in the series' colour; its number joins the series' entry.
            curve->removeFromLegend();
            measured->setName(tr("%1, Amdahl s = %2").arg(legendName).arg(fit.serial_fraction, 0, 'f', 3));
            curve->setPen(QPen(color, width * 0.75, Qt::DotLine));
            curve->setData(fx, fy, true);
        }

        auto* eff = plot()->addGraph(effX, effY);
        eff->setPen(QPen(color, width));
        eff->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7 * scale()));
        eff->setData(x, efficiency, true);
        eff->removeFromLegend();
    }

    const auto addMarker = [&](std::size_t at, const QString& label, Qt::Alignment align) {
        for (QCPAxisRect* rect : {plot()->axisRect(), m_efficiencyRect}) {
            auto* line = new QCPItemStraightLine(plot());
            line->setClipAxisRect(rect);
            line->point1->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            line->point2->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            line->point1->setCoords(static_cast<double>(at), 0.0);
            line->point2->setCoords(static_cast<double>(at), 1.0);
            line->setPen(QPen(idealColor, std::max(1.0, scale()), Qt::DashLine));
        }
        auto* tag = new QCPItemText(plot());
        tag->setClipAxisRect(plot()->axisRect());
        tag->position->setTypeX(QCPItemPosition::ptPlotCoords);
        tag->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        tag->position->setCoords(static_cast<double>(at), 0.98);
        tag->setPositionAlignment(align | Qt::AlignBottom);
        tag->setRotation(0);
        tag->setText(label);
        tag->setFont(tickFont(scale()));
        tag->setColor(text);
        tag->setPadding(QMargins(6, 0, 6, 0));
    };
    if (m_physicalCores == m_logicalCpus) {
        addMarker(m_physicalCores, tr("%1 cores").arg(m_physicalCores), Qt::AlignRight);
    } else {
        addMarker(m_physicalCores, tr("%1 physical cores").arg(m_physicalCores), Qt::AlignRight);
        addMarker(m_logicalCpus, tr("%1 logical CPUs").arg(m_logicalCpus), Qt::AlignLeft);
    }

    if (m_series.empty())
        addEmptyHint(plot(), plot()->axisRect(),
                     tr("No measurements yet:\npress Sweep (Shift+F5)\nor Run (F5)"), scale());

    resetRanges();
    Q_EMIT drawn();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QString SpeedupView::pointWarning(const Point& point)
{
    QStringList lines;
    if (!point.artefact.empty())
        lines << tr("Measurement artefact, not a result: %1").arg(QString::fromStdString(point.artefact));
    if (point.noise > noise_threshold_cores)
        lines << tr("The machine was busy (other programs used %1 of a core): rerun for a clean number")
                     .arg(point.noise, 0, 'f', 2);
    return lines.join(QLatin1Char('\n'));
}

void SpeedupView::resetRanges()
{
    double xHigh = static_cast<double>(m_logicalCpus);
    double yHigh = 1.0;
    for (const auto& series : m_series) {
        for (const auto& point : series.points) {
            xHigh = std::max(xHigh, static_cast<double>(point.workers));
            yHigh = std::max(yHigh, speedup_spread(point).high);
        }
    }
    // The ideal line stays in view, so the gap to it is what the eye sees.
    yHigh = std::max(yHigh, xHigh);
    plot()->xAxis->setRange(0.5, xHigh + 0.5);
    plot()->yAxis->setRange(0.0, yHigh * 1.08);
    m_efficiencyRect->axis(QCPAxis::atLeft)->setRange(0.0, 1.15);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
