#include "views/comparison_view.h"
#include "views/fitted_title.h"

#include "backend_traits.h"
#include "plot_style.h"
#include "views/coffee_bar_view.h"

#include "analysis/timeline_rows.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QMouseEvent>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace parlab::gui {
namespace {

QString seconds(double s)
{
    return s < 1 ? QStringLiteral("%1 ms").arg(s * 1e3, 0, 'f', 1) : QStringLiteral("%1 s").arg(s, 0, 'f', 2);
}

QString signedSeconds(double s)
{
    return (s >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + seconds(std::abs(s));
}

QString runName(const Run& run)
{
    // "4 threads", "1 rank", "serial": the lane's label and the summary's words.
    if (is_baseline(run.backend))
        return ComparisonView::tr("serial");
    return QStringLiteral("%1 %2").arg(run.workers).arg(workers_noun(run.backend, run.workers));
}

} // namespace

ComparisonView::ComparisonView(QWidget* parent) : PlotView(parent), m_plot(plot())
{
    m_plot->setMouseTracking(true);
    // The plot's own axis rect is the top run's (the shared style code expects it to exist).
    m_title = new FittedTitle(m_plot, tr("Pick two runs to compare"), QFont());
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    m_lanes.resize(2);
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        Lane& lane = m_lanes[i];
        if (i == 0) {
            lane.rect = m_plot->axisRect();
        } else {
            lane.rect = new QCPAxisRect(m_plot);
            m_plot->plotLayout()->addElement(static_cast<int>(i) + 1, 0, lane.rect);
        }
        lane.rect->axis(QCPAxis::atLeft)->setRangeReversed(true);
        lane.rect->axis(QCPAxis::atLeft)->grid()->setVisible(false);
        if (i == 1) // one label under both: they share the axis
            lane.rect->axis(QCPAxis::atBottom)->setLabel(tr("time since each run started (ms)"));
        for (auto& curve : lane.curves) {
            curve = new QCPCurve(lane.rect->axis(QCPAxis::atBottom), lane.rect->axis(QCPAxis::atLeft));
            curve->setScatterSkip(0);
        }
        // Zoom and drag act on time only, and on both runs at once: one time axis.
        lane.rect->setRangeZoom(Qt::Horizontal);
        lane.rect->setRangeDrag(Qt::Horizontal);
        connect(lane.rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
                [this](const QCPRange& range) {
                    for (Lane& other : m_lanes)
                        if (other.rect->axis(QCPAxis::atBottom)->range() != range)
                            other.rect->axis(QCPAxis::atBottom)->setRange(range);
                });
    }
    auto* group = new QCPMarginGroup(m_plot);
    for (Lane& lane : m_lanes)
        lane.rect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.01);
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        updateThickness();
        if (m_lanes[0].rect->width() != m_drawnWidth && runCount() > 0)
            QMetaObject::invokeMethod(this, &ComparisonView::redraw, Qt::QueuedConnection); // resized
    });
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this] { redraw(); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { redraw(); });
    resetViewOnDoubleClick(m_plot, [this] {
        for (Lane& lane : m_lanes)
            lane.rect->axis(QCPAxis::atBottom)->setRange(-0.01 * m_spanMs, 1.02 * m_spanMs);
        redraw();
    });
    restyle();
}

void ComparisonView::clear()
{
    m_runs.clear();
    for (Lane& lane : m_lanes) {
        lane = Lane{{}, {}, {}, {}, lane.rect, lane.curves};
        for (QCPCurve* curve : lane.curves)
            curve->data()->clear();
    }
    m_title->setText(tr("Pick two runs to compare"));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonView::buildLane(Lane& lane, const Run& run)
{
    lane.run = run;
    lane.spans = task_spans(run.trace);
    const std::int64_t origin = lane.spans.empty() ? 0 : lane.spans.front().start_ns;
    std::size_t rows = run.workers;
    lane.bars.clear();
    lane.bars.reserve(lane.spans.size());
    for (TaskSpan& span : lane.spans) {
        span.start_ns -= origin;
        span.end_ns -= origin;
        rows = std::max<std::size_t>(rows, span.worker + 1);
        lane.bars.push_back({static_cast<int>(span.worker), static_cast<double>(span.start_ns) / 1e6,
                             static_cast<double>(span.end_ns) / 1e6});
        m_spanMs = std::max(m_spanMs, static_cast<double>(span.end_ns) / 1e6);
    }
    QCPAxis* y = lane.rect->axis(QCPAxis::atLeft);
    y->setRange(-0.6, static_cast<double>(std::max<std::size_t>(rows, 1)) - 0.4);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t step = std::max<std::size_t>(1, (rows + 11) / 12);
    for (std::size_t row = 0; row < rows; row += step)
        ticker->addTick(static_cast<double>(row), QString::number(row));
    y->setTicker(ticker);
    y->setLabel(runName(run));
}

void ComparisonView::setRuns(const Run& a, const Run& b, double serialS)
{
    m_runs = {a, b};
    m_serialS = serialS;
    m_spanMs = 1e-3;
    buildLane(m_lanes[0], a);
    buildLane(m_lanes[1], b);
    for (Lane& lane : m_lanes)
        lane.rect->axis(QCPAxis::atBottom)->setRange(-0.01 * m_spanMs, 1.02 * m_spanMs);
    m_title->setText(summary());
    redraw();
}

QString ComparisonView::summary() const
{
    if (m_runs.size() != 2)
        return tr("Pick two runs to compare");
    const Run& a = m_runs[0];
    const Run& b = m_runs[1];
    QString top = tr("Top: %1 %2, wall %3\nBottom: %4 %5, wall %6")
                      .arg(QString::fromStdString(a.workload), runName(a), seconds(a.wall_s),
                           QString::fromStdString(b.workload), runName(b), seconds(b.wall_s));
    QStringList diff;
    if (a.wall_s > 0 && b.wall_s > 0)
        diff << tr("bottom takes %1× the time (%2)")
                    .arg(b.wall_s / a.wall_s, 0, 'f', 2)
                    .arg(signedSeconds(b.wall_s - a.wall_s));
    if (m_serialS > 0 && a.wall_s > 0 && b.wall_s > 0)
        diff << tr("speedup %1× vs %2×")
                    .arg(m_serialS / a.wall_s, 0, 'f', 2)
                    .arg(m_serialS / b.wall_s, 0, 'f', 2);
    const double startup = b.costs.startup_s - a.costs.startup_s;
    const double ship = b.costs.ship_s - a.costs.ship_s;
    if (std::abs(startup) > 0)
        diff << tr("start-up %1").arg(signedSeconds(startup));
    if (std::abs(ship) > 0)
        diff << tr("shipping %1").arg(signedSeconds(ship));
    // Two differences a line, so the summary stays as wide as the plot at presentation size.
    for (qsizetype i = 0; i < diff.size(); i += 2)
        top += QLatin1Char('\n') + diff.mid(i, 2).join(QStringLiteral("   ·   "));
    return top;
}

void ComparisonView::drawLane(Lane& lane)
{
    QCPAxis* x = lane.rect->axis(QCPAxis::atBottom);
    const double pixels = std::max(1.0, static_cast<double>(lane.rect->width()));
    const double perPixel = x->range().size() / pixels;
    lane.drawn = aggregate_bars(lane.bars, perPixel);
    std::array<QVector<QCPCurveData>, 3> points;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    int row = -1;
    std::size_t parity = 0;
    for (const TimelineBar& bar : lane.drawn) {
        // Neighbours in a row alternate shades, so each task's borders show.
        parity = bar.row == row ? 1 - parity : 0;
        row = bar.row;
        const std::size_t slot = bar.count > 1 ? 2 : parity;
        auto& d = points[slot];
        const double t = d.size();
        // Even an aggregate gets at least one pixel, so a busy stretch never vanishes.
        const double end = std::max(bar.end, bar.start + perPixel);
        d.append(QCPCurveData(t, bar.start, bar.row));
        d.append(QCPCurveData(t + 1, end, bar.row));
        d.append(QCPCurveData(t + 2, nan, nan));
    }
    for (std::size_t i = 0; i < 3; ++i)
        lane.curves[i]->data()->set(points[i], true);
}

void ComparisonView::redraw()
{
    // Aggregation needs the pixels a lane is wide: lay out first when that may have changed.
    if (m_lanes[0].rect->width() != m_drawnWidth) {
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
        m_drawnWidth = m_lanes[0].rect->width();
    }
    for (Lane& lane : m_lanes)
        drawLane(lane);
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

int ComparisonView::barCount(int which) const
{
    return which >= 0 && which < runCount()
               ? static_cast<int>(m_lanes[static_cast<std::size_t>(which)].drawn.size())
               : 0;
}

std::size_t ComparisonView::taskCount(int which) const
{
    std::size_t tasks = 0;
    if (which >= 0 && which < runCount())
        for (const TimelineBar& bar : m_lanes[static_cast<std::size_t>(which)].drawn)
            tasks += bar.count;
    return tasks;
}

std::optional<std::size_t> ComparisonView::drawnAt(int which, double timeMs, int row) const
{
    if (which < 0 || which >= runCount())
        return {};
    const Lane& lane = m_lanes[static_cast<std::size_t>(which)];
    // A bar thinner than a pixel is drawn one pixel wide from its start: a pixel of tolerance.
    const QCPAxis* x = lane.rect->axis(QCPAxis::atBottom);
    const double perPixel = x->range().size() / std::max(1, lane.rect->width());
    return bar_under(lane.drawn, row, timeMs, perPixel);
}

QString ComparisonView::hoverText(int which, double timeMs, int row) const
{
    const auto drawn = drawnAt(which, timeMs, row);
    if (!drawn)
        return {};
    const Lane& lane = m_lanes[static_cast<std::size_t>(which)];
    const TimelineBar& bar = lane.drawn[*drawn];
    // Within an aggregate the tasks are too thin to tell apart: say how many, and how to see them.
    if (bar.count > 1)
        return tr("%1 tasks in %2 ms, too thin to tell apart: click or scroll to zoom in")
            .arg(bar.count)
            .arg(bar.end - bar.start, 0, 'f', 3);
    const TaskSpan& span = lane.spans[bar.first];
    return tr("task %1 · %2 %3 · CPU %4 · pid %5 · %6 ms")
        .arg(span.task)
        .arg(CoffeeBarView::workerWord(lane.run.backend))
        .arg(span.worker)
        .arg(span.cpu)
        .arg(span.pid)
        .arg(static_cast<double>(span.end_ns - span.start_ns) / 1e6, 0, 'f', 3);
}

void ComparisonView::clickAt(int which, double timeMs, int row)
{
    const auto drawn = drawnAt(which, timeMs, row);
    if (!drawn)
        return;
    const Lane& lane = m_lanes[static_cast<std::size_t>(which)];
    const TimelineBar& bar = lane.drawn[*drawn];
    if (bar.count > 1) {
        // The other lane follows this one's range: one time axis.
        zoomToTellApart(lane.rect->axis(QCPAxis::atBottom), lane.rect->width(), bar, timeMs);
        redraw();
        return;
    }
    Q_EMIT taskClicked(lane.spans[bar.first].task);
}

bool ComparisonView::eventFilter(QObject* watched, QEvent* event)
{
    const bool mouse = event->type() == QEvent::MouseMove || event->type() == QEvent::MouseButtonPress ||
                       event->type() == QEvent::MouseButtonRelease;
    if (watched != m_plot || !mouse)
        return PlotView::eventFilter(watched, event);
    const auto* m = static_cast<QMouseEvent*>(event);
    const QPointF pos = m->position();
    // The run, time and worker row under the mouse, if it is over either run's lane.
    int which = -1;
    double timeMs = 0.0;
    int row = -1;
    for (int i = 0; i < runCount(); ++i) {
        const Lane& lane = m_lanes[static_cast<std::size_t>(i)];
        if (!lane.rect->rect().contains(pos.toPoint()))
            continue;
        which = i;
        timeMs = lane.rect->axis(QCPAxis::atBottom)->pixelToCoord(pos.x());
        row = static_cast<int>(std::lround(lane.rect->axis(QCPAxis::atLeft)->pixelToCoord(pos.y())));
    }
    if (event->type() == QEvent::MouseMove && m->buttons() == Qt::NoButton) {
        const QString text = hoverText(which, timeMs, row);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(m->globalPosition().toPoint(), text, m_plot);
    } else if (event->type() == QEvent::MouseButtonPress) {
        m_click.press(m);
    } else if (event->type() == QEvent::MouseButtonRelease && m_click.isClick(m)) {
        clickAt(which, timeMs, row);
    }
    return PlotView::eventFilter(watched, event);
}

bool ComparisonView::saveImage(const QString& path, int width, int height)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return m_plot->savePdf(path, width, height);
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg"))
        return m_plot->saveJpg(path, width, height);
    return m_plot->savePng(path, width, height);
}

void ComparisonView::updateThickness()
{
    for (Lane& lane : m_lanes) {
        QCPAxis* y = lane.rect->axis(QCPAxis::atLeft);
        const double rowPixels = std::abs(y->coordToPixel(1.0) - y->coordToPixel(0.0));
        for (QCPCurve* curve : lane.curves) {
            QPen pen = curve->pen();
            pen.setWidthF(std::max(1.0, 0.72 * rowPixels));
            curve->setPen(pen);
        }
    }
}

void ComparisonView::restyle()
{
    applyPlotStyle(m_plot, scale());
    QFont font = labelFont(scale());
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextColor(m_plot->palette().color(QPalette::WindowText));
    for (std::size_t i = 0; i < m_lanes.size(); ++i) {
        const QColor color = seriesColor(static_cast<int>(i), m_plot->palette());
        const std::array<QColor, 3> shades = {color, color.lighter(135), color.darker(160)};
        for (std::size_t c = 0; c < 3; ++c)
            m_lanes[i].curves[c]->setPen(QPen(shades[c], 1.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        for (QCPAxis* axis : m_lanes[i].rect->axes()) {
            axis->setTickLabelFont(tickFont(scale()));
            axis->setLabelFont(labelFont(scale()));
        }
    }
    m_plot->setInteraction(QCP::iRangeZoom, true);
    m_plot->setInteraction(QCP::iRangeDrag, true);
    updateThickness();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
