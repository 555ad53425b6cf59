#include "views/timeline_view.h"
#include "views/fitted_title.h"

#include "views/bar_click.h"
#include "views/host_group_labels.h"
#include "views/plot_style.h"
#include "views/timeline_bars.h"

#include "session/session.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

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

double toMs(std::int64_t ns)
{
    return static_cast<double>(ns) / 1e6;
}

} // namespace

TimelineView::TimelineView(QWidget* parent) : PlotView(parent)
{
    m_title = new FittedTitle(plot(), tr("Last run: one row per worker; gaps are idle time"), QFont());
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, m_title);
    plot()->xAxis->setLabel(tr("time since the run started (ms)"));
    plot()->yAxis->setLabel(tr("worker"));
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->grid()->setVisible(false);
    plot()->setMouseTracking(true); // hover shows the task under the mouse

    for (std::size_t slot = 0; slot < phases.size(); ++slot) {
        m_phaseBars[slot] = new TimelineBars(plot()->xAxis, plot()->yAxis);
        m_phaseBars[slot]->setName(phaseName(phases[slot]));
    }
    // Made last, so drawn last: over the start of the task bars it belongs to.
    m_lockWait = new TimelineBars(plot()->xAxis, plot()->yAxis);
    m_lockWait->setName(tr("waiting for the lock (GIL)"));
    // In a row of its own under the title: inside the chart it would hide some worker's bars.
    plot()->axisRect()->insetLayout()->take(plot()->legend);
    plot()->plotLayout()->insertRow(1);
    plot()->plotLayout()->addElement(1, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(1, 0.001);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);

    // What a bar is drawn as depends on the pixels a millisecond and a row take: recomputed
    // after every layout, which every replot (a zoom, a drag, a resize, new events) does first.
    connect(plot(), &QCustomPlot::afterLayout, this, &TimelineView::updateBars);
    resetViewOnDoubleClick(plot(), [this] { updateAxes(); });
    m_hint = addEmptyHint(plot(), plot()->axisRect(),
                          tr("No run yet: press Run (F5)\nor Sweep (Shift+F5);\n"
                             "every task shows as a bar\non its worker's row"),
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
    connect(this, &TimelineView::taskClicked, session, &Session::selectTask);
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
    const std::size_t firstIndex = m_events.size();
    m_events.insert(m_events.end(), events.begin(), events.end());
    if (newOrigin) {
        // A batch may hold an event older than every event so far (workers report out of order):
        // every bar moves, so all are placed again from the new origin.
        m_origin_ns = earliest;
        rebuildRows();
    } else {
        append(events, firstIndex);
    }
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::clear()
{
    m_events.clear();
    m_hostRows = {};
    m_origin_ns = m_end_ns = 0;
    rebuildRows();
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::append(const std::vector<TraceEvent>& events, std::size_t firstIndex)
{
    std::vector<TimelineBar> bars;
    std::vector<TimelineBar> waits;
    bars.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const TraceEvent& event = events[i];
        const int slot = std::clamp(phaseSlot(event.phase), 0, phase_count - 1);
        const int row = rowOf(event.worker);
        const double start = toMs(event.start_ns - m_origin_ns);
        bars.push_back({row, start, toMs(event.end_ns - m_origin_ns), 1, firstIndex + i, slot});
        ++m_phaseCounts[static_cast<std::size_t>(slot)];
        if (event.lock_wait_ns > 0) {
            // The trace says how long, not when: the wait is drawn as one span from the bar's start.
            waits.push_back(
                {row, start, toMs(event.start_ns + event.lock_wait_ns - m_origin_ns), 1, firstIndex + i});
            ++m_lockCount;
        }
        m_workers = std::max(m_workers, static_cast<int>(event.worker) + 1);
        m_end_ns = std::max(m_end_ns, event.end_ns);
    }
    m_rows.add(bars);
    m_lockRows.add(waits);
}

void TimelineView::rebuildRows()
{
    m_rows.clear();
    m_lockRows.clear();
    m_phaseCounts.fill(0);
    m_lockCount = 0;
    m_workers = 0;
    m_end_ns = m_origin_ns;
    m_drawn.clear();
    m_lockDrawn.clear();
    append(m_events, 0);
}

void TimelineView::updateAxes()
{
    if (m_hint)
        m_hint->setVisible(m_events.empty());
    const int rows = std::max(1, m_workers);
    plot()->yAxis->setRange(-0.6, rows - 0.4);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    // Beyond about 16 labels the rows get too thin to label each one legibly.
    const int step = std::max(1, (rows + 15) / 16);
    for (int worker = 0; worker < rows; worker += step)
        ticker->addTick(rowOf(static_cast<std::uint32_t>(worker)), QString::number(worker));
    plot()->yAxis->setTicker(ticker);
    labelHostGroups(plot(), m_hostRows);
    const double span = std::max(spanMs(), 1.0);
    plot()->xAxis->setRange(-0.01 * span, 1.02 * span);
}

void TimelineView::setHosts(const std::vector<std::string>& hosts)
{
    m_hostRows = group_rows_by_host(hosts);
    rebuildRows();
    updateAxes();
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setJoinedRanks(const std::vector<RankInfo>& ranks)
{
    std::vector<std::string> hosts(ranks.size());
    for (const RankInfo& rank : ranks)
        if (rank.rank < hosts.size())
            hosts[rank.rank] = rank.host;
    setHosts(hosts);
}

double TimelineView::spanMs() const
{
    return m_events.empty() ? 0.0 : toMs(m_end_ns - m_origin_ns);
}

int TimelineView::barCount() const
{
    int bars = 0;
    for (int count : m_phaseCounts)
        bars += count;
    return bars;
}

int TimelineView::barCount(Phase phase) const
{
    return m_phaseCounts[static_cast<std::size_t>(phaseSlot(phase))];
}

void TimelineView::updateBars()
{
    const QCPRange range = plot()->xAxis->range();
    const double perPixel = range.size() / std::max(1, plot()->axisRect()->width());
    m_rows.visible(range.lower, range.upper, perPixel, m_drawn);
    m_lockRows.visible(range.lower, range.upper, perPixel, m_lockDrawn);

    std::array<std::vector<TimelineBars::Bar>, phase_count> perPhase;
    for (const TimelineBar& bar : m_drawn) {
        // One task's bars alternate shades by task, so neighbours' borders show at any zoom.
        const int shade = bar.count > 1 ? 2 : static_cast<int>(m_events[bar.first].task % 2);
        perPhase[static_cast<std::size_t>(bar.kind)].push_back({bar.start, bar.end, bar.row, shade});
    }
    std::vector<TimelineBars::Bar> waits;
    waits.reserve(m_lockDrawn.size());
    for (const TimelineBar& bar : m_lockDrawn)
        waits.push_back({bar.start, bar.end, bar.row, 0});

    // As thick as most of a row, so rows neither run together nor leave wide gaps.
    const double rowPixels = std::abs(plot()->yAxis->coordToPixel(1.0) - plot()->yAxis->coordToPixel(0.0));
    const double thickness = std::max(1.0, 0.72 * rowPixels);
    for (std::size_t slot = 0; slot < m_phaseBars.size(); ++slot) {
        m_phaseBars[slot]->setBars(std::move(perPhase[slot]));
        m_phaseBars[slot]->setThickness(thickness);
    }
    m_lockWait->setBars(std::move(waits));
    m_lockWait->setThickness(thickness);
}

void TimelineView::redraw()
{
    // The first replot lays the plot out at its size; the second draws with that layout's pixels.
    plot()->replot(QCustomPlot::rpImmediateRefresh);
    plot()->replot(QCustomPlot::rpImmediateRefresh);
}

std::optional<std::size_t> TimelineView::drawnAt(QPointF pixel) const
{
    if (m_drawn.empty() || !plot()->axisRect()->rect().contains(pixel.toPoint()))
        return {};
    const double rowCoord = plot()->yAxis->pixelToCoord(pixel.y());
    const int row = static_cast<int>(std::lround(rowCoord));
    // Only on the bar itself, not in the gap between two rows.
    const double halfThickness = 0.5 * m_phaseBars[0]->pen().widthF();
    if (std::abs(pixel.y() - plot()->yAxis->coordToPixel(row)) > halfThickness + 0.5)
        return {};
    const double perPixel = plot()->xAxis->range().size() / std::max(1, plot()->axisRect()->width());
    // A bar thinner than a pixel is drawn one pixel wide from its start: a pixel of tolerance.
    return bar_under(m_drawn, row, plot()->xAxis->pixelToCoord(pixel.x()), perPixel);
}

std::optional<std::uint32_t> TimelineView::taskAt(QPointF pixel) const
{
    const auto drawn = drawnAt(pixel);
    if (!drawn || m_drawn[*drawn].count > 1)
        return {};
    return m_events[m_drawn[*drawn].first].task;
}

void TimelineView::clickAt(QPointF pixel)
{
    const auto drawn = drawnAt(pixel);
    if (!drawn)
        return;
    if (m_drawn[*drawn].count > 1) {
        zoomToTellApart(plot()->xAxis, plot()->axisRect()->width(), m_drawn[*drawn],
                        plot()->xAxis->pixelToCoord(pixel.x()));
        plot()->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    Q_EMIT taskClicked(m_events[m_drawn[*drawn].first].task);
}

QString TimelineView::hoverText(QPointF pixel) const
{
    const auto drawn = drawnAt(pixel);
    if (!drawn)
        return {};
    const TimelineBar& bar = m_drawn[*drawn];
    if (bar.count > 1)
        return tr("%1 bars in %2 ms, too thin to tell apart: click or scroll to zoom in")
            .arg(bar.count)
            .arg(bar.end - bar.start, 0, 'f', 3);
    const TraceEvent& event = m_events[bar.first];
    QString text = tr("task %1 · %2\nworker %3 · CPU %4 · pid %5\n%6 ms")
                       .arg(event.task)
                       .arg(phaseName(event.phase))
                       .arg(event.worker)
                       .arg(event.cpu >= 0 ? QString::number(event.cpu) : tr("unknown"))
                       .arg(event.pid)
                       .arg(toMs(event.end_ns - event.start_ns), 0, 'f', 3);
    if (event.lock_wait_ns > 0)
        text += tr(", %1 ms of it waiting for the lock").arg(toMs(event.lock_wait_ns), 0, 'f', 3);
    return text;
}

bool TimelineView::eventFilter(QObject* watched, QEvent* event)
{
    const bool mouse = event->type() == QEvent::MouseMove || event->type() == QEvent::MouseButtonPress ||
                       event->type() == QEvent::MouseButtonRelease;
    if (watched == plot() && mouse) {
        const auto* m = static_cast<QMouseEvent*>(event);
        if (event->type() == QEvent::MouseMove && m->buttons() == Qt::NoButton) {
            const QString text = hoverText(m->position());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(m->globalPosition().toPoint(), text, plot());
        } else if (event->type() == QEvent::MouseButtonPress) {
            m_click.press(m);
        } else if (event->type() == QEvent::MouseButtonRelease && m_click.isClick(m)) {
            clickAt(m->position());
        }
    }
    return PlotView::eventFilter(watched, event);
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
        // An aggregate is darker than either task shade: a solid stretch of many tasks.
        m_phaseBars[slot]->setShades({color, dark ? color.darker(140) : color.lighter(135),
                                      dark ? color.lighter(130) : color.darker(150)});
    }
    const QColor lock(0xC0, 0x39, 0x2B);
    m_lockWait->setShades({lock, lock, lock});
    plot()->setInteraction(QCP::iRangeZoom, true);
    plot()->axisRect()->setRangeZoom(Qt::Horizontal);
    plot()->axisRect()->setRangeDrag(Qt::Horizontal);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
