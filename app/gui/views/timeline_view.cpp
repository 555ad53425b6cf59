#include "views/timeline_view.h"

#include "views/host_group_labels.h"
#include "views/plot_style.h"

#include "session/session.h"

#include <qcustomplot.h>


#include <algorithm>
#include <cmath>
#include <limits>

namespace parlab::gui {
namespace {

constexpr std::array<Phase, 4> phases = {Phase::Compute, Phase::Ship, Phase::Startup, Phase::Gather};

int phaseSlot(Phase phase)
{
    return static_cast<int>(std::find(phases.begin(), phases.end(), phase) - phases.begin());
}

QColor phaseColor(Phase phase, const QPalette& palette)
{
    switch (phase) {
    case Phase::Compute: return seriesColor(0, palette);
    case Phase::Ship: return seriesColor(1, palette);
    case Phase::Startup: return seriesColor(4, palette);
    case Phase::Gather: return seriesColor(2, palette);
    }
    return seriesColor(6, palette);
}

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Compute: return TimelineView::tr("compute");
    case Phase::Ship: return TimelineView::tr("ship data");
    case Phase::Startup: return TimelineView::tr("start-up");
    case Phase::Gather: return TimelineView::tr("gather");
    }
    return {};
}

double toMs(std::int64_t ns) { return static_cast<double>(ns) / 1e6; }

} // namespace

TimelineView::TimelineView(QWidget* parent) : PlotView(parent)
{

    m_title = new QCPTextElement(plot(), tr("Last run: one row per worker; gaps are idle time"),
                                 QFont());
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, m_title);
    plot()->xAxis->setLabel(tr("time since the run started (ms)"));
    plot()->yAxis->setLabel(tr("worker"));
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->grid()->setVisible(false);

    for (std::size_t slot = 0; slot < phases.size(); ++slot) {
        for (std::size_t parity = 0; parity < 2; ++parity) {
            auto* curve = new QCPCurve(plot()->xAxis, plot()->yAxis);
            curve->setName(phaseName(phases[slot]));
            curve->setScatterSkip(0);
            if (parity == 1)
                curve->removeFromLegend();
            m_curves[slot][parity] = curve;
        }
    }
    m_lockWait = new QCPCurve(plot()->xAxis, plot()->yAxis);
    m_lockWait->setName(tr("waiting for the lock (GIL)"));
    m_lockWait->setScatterSkip(0);
    // In a row of its own under the title: inside the chart it would hide some worker's bars.
    plot()->axisRect()->insetLayout()->take(plot()->legend);
    plot()->plotLayout()->insertRow(1);
    plot()->plotLayout()->addElement(1, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(1, 0.001);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);

    // The bars are line segments as thick as a row is tall: recomputed whenever the layout or a
    // zoom changes the pixels per row.
    connect(plot(), &QCustomPlot::afterLayout, this, &TimelineView::updateBarThickness);
    resetViewOnDoubleClick(plot(), [this] { updateAxes(); });
    m_hint = addEmptyHint(plot(), plot()->axisRect(),
                          tr("No run yet: press Run (F5)\nor Sweep (Shift+F5);\nevery task shows as a bar\non its worker's row"),
                          scale());
    updateAxes();
    restyle();
}

void TimelineView::setSession(const Session* session)
{
    connect(session, &Session::liveEventsAdded, this, &TimelineView::addEvents);
    connect(session, &Session::lastRunChanged, this, [this, session] {
        if (session->lastRun()) {
            setTrace(session->lastRun()->trace);
            setHosts(session->lastRun()->hosts);
        } else {
            clear();
        }
    });
}

void TimelineView::setTrace(const Trace& trace)
{
    clear();
    addEvents(trace.events);
}

void TimelineView::addEvents(const std::vector<TraceEvent>& events)
{
    if (events.empty())
        return;
    const auto earliest = std::min_element(events.begin(), events.end(), [](const auto& a, const auto& b) {
                              return a.start_ns < b.start_ns;
                          })->start_ns;
    const bool newOrigin = !m_events.empty() && earliest < m_origin_ns;
    if (m_events.empty())
        m_origin_ns = earliest;
    m_events.insert(m_events.end(), events.begin(), events.end());
    if (newOrigin) {
        // A batch may hold an event older than every event so far (workers report out of order):
        // every bar moves, so all are drawn again from the new origin.
        m_origin_ns = earliest;
        redrawAll();
    } else {
        for (const TraceEvent& event : events)
            append(event);
    }
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::clear()
{
    m_events.clear();
    m_origin_ns = m_end_ns = 0;
    m_rows = 0;
    m_hostRows = {};
    for (auto& pair : m_curves)
        for (QCPCurve* curve : pair)
            curve->data()->clear();
    m_lockWait->data()->clear();
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

QCPCurve* TimelineView::curveFor(const TraceEvent& event) const
{
    const int slot = std::clamp(phaseSlot(event.phase), 0, phase_count - 1);
    return m_curves[static_cast<std::size_t>(slot)][event.task % 2];
}

void TimelineView::append(const TraceEvent& event)
{
    QCPCurve* curve = curveFor(event);
    const double row = static_cast<double>(m_hostRows.row(event.worker));
    const double t = curve->data()->size();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // A point with key and value NaN ends the segment: the next bar starts a new line.
    curve->data()->add(QCPCurveData(t, toMs(event.start_ns - m_origin_ns), row));
    curve->data()->add(QCPCurveData(t + 1, toMs(event.end_ns - m_origin_ns), row));
    curve->data()->add(QCPCurveData(t + 2, nan, nan));
    if (event.lock_wait_ns > 0) {
        // The trace says how long, not when: the wait is drawn as one span from the bar's start.
        const double w = m_lockWait->data()->size();
        m_lockWait->data()->add(QCPCurveData(w, toMs(event.start_ns - m_origin_ns), row));
        m_lockWait->data()->add(QCPCurveData(w + 1, toMs(event.start_ns + event.lock_wait_ns - m_origin_ns), row));
        m_lockWait->data()->add(QCPCurveData(w + 2, nan, nan));
    }
    m_rows = std::max(m_rows, static_cast<int>(row) + 1);
    m_end_ns = std::max(m_end_ns, event.end_ns);
}

void TimelineView::redrawAll()
{
    for (auto& pair : m_curves)
        for (QCPCurve* curve : pair)
            curve->data()->clear();
    m_lockWait->data()->clear();
    m_rows = 0;
    m_end_ns = m_origin_ns;
    for (const TraceEvent& event : m_events)
        append(event);
}

void TimelineView::updateAxes()
{
    if (m_hint)
        m_hint->setVisible(m_events.empty());
    const int rows = std::max(1, m_rows);
    plot()->yAxis->setRange(-0.6, rows - 0.4);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Beyond about 16 labels the rows get too thin to label each one legibly.
    const int step = std::max(1, (rows + 15) / 16);
    for (int row = 0; row < rows; row += step)
        ticker->addTick(row, QString::number(m_hostRows.worker(static_cast<std::size_t>(row))));
    plot()->yAxis->setTicker(ticker);
    labelHostGroups(plot(), m_hostRows);
    const double span = std::max(spanMs(), 1.0);
    plot()->xAxis->setRange(-0.01 * span, 1.02 * span);
}

void TimelineView::setHosts(const std::vector<std::string>& hosts)
{
    m_hostRows = group_rows_by_host(hosts);
    redrawAll();
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

double TimelineView::spanMs() const { return m_events.empty() ? 0.0 : toMs(m_end_ns - m_origin_ns); }

int TimelineView::barCount() const
{
    int bars = 0;
    for (Phase phase : phases)
        bars += barCount(phase);
    return bars;
}

int TimelineView::barCount(Phase phase) const
{
    const auto& pair = m_curves[static_cast<std::size_t>(phaseSlot(phase))];
    return (pair[0]->data()->size() + pair[1]->data()->size()) / 3;
}

int TimelineView::lockWaitBarCount() const { return m_lockWait->data()->size() / 3; }

void TimelineView::updateBarThickness()
{
    const double rowPixels =
        std::abs(plot()->yAxis->coordToPixel(1.0) - plot()->yAxis->coordToPixel(0.0));
    const double thickness = std::max(1.0, 0.72 * rowPixels);
    for (auto& pair : m_curves) {
        for (QCPCurve* curve : pair) {
            QPen pen = curve->pen();
            pen.setWidthF(thickness);
            curve->setPen(pen);
        }
    }
    QPen pen = m_lockWait->pen();
    pen.setWidthF(thickness);
    m_lockWait->setPen(pen);
}

void TimelineView::restyle()
{
    PlotView::restyle();
    const QPalette palette = plot()->palette();
    if (m_hint) {
        m_hint->setFont(labelFont(scale()));
        QColor hintColor = palette.color(QPalette::WindowText);
        hintColor.setAlpha(170);
        m_hint->setColor(hintColor);
    }
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    for (std::size_t slot = 0; slot < phases.size(); ++slot) {
        const QColor color = phaseColor(phases[slot], palette);
        for (std::size_t parity = 0; parity < 2; ++parity) {
            const QColor shade = parity == 0 ? color : (dark ? color.darker(140) : color.lighter(135));
            // Flat caps end each bar exactly at the task's start and end.
            m_curves[slot][parity]->setPen(QPen(shade, 1.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
        }
    }
    m_lockWait->setPen(QPen(QColor(0xC0, 0x39, 0x2B), 1.0, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    plot()->setInteraction(QCP::iRangeZoom, true);
    plot()->axisRect()->setRangeZoom(Qt::Horizontal);
    plot()->axisRect()->setRangeDrag(Qt::Horizontal);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
