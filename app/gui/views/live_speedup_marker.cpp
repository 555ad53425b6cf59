#include "views/live_speedup_marker.h"

#include "backend_traits.h"

#include "sweep/sweep.h"

#include <qcustomplot.h>

namespace parlab::gui {

LiveSpeedupMarker::LiveSpeedupMarker(QCustomPlot* plot, QObject* parent)
    : QObject(parent), m_plot(plot), m_throughput(2.0)
{
    // The speedup view rebuilds its items from scratch; put the marker back each time.
    connect(m_plot, &QCustomPlot::beforeReplot, this, &LiveSpeedupMarker::place);
}

void LiveSpeedupMarker::begin()
{
    m_serialRate = 0.0;
    m_backend.clear();
    m_workers = 0;
    m_moves = 0;
    m_shown = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT textChanged({});
}

void LiveSpeedupMarker::setProgress(const SweepProgress& progress)
{
    if (progress.backend == m_backend && progress.workers == m_workers)
        return;
    m_backend = progress.backend;
    m_workers = progress.workers;
    m_throughput.reset(steady_now_ns());
}

void LiveSpeedupMarker::setSerial(std::size_t tasks, double wallS)
{
    m_serialRate = LiveThroughput::serial_rate(tasks, wallS);
}

void LiveSpeedupMarker::addEvents(const std::vector<TraceEvent>& events)
{
    for (const TraceEvent& event : events)
        m_throughput.add_end(event.end_ns);
    update();
}

void LiveSpeedupMarker::end()
{
    m_shown = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT textChanged({});
}

void LiveSpeedupMarker::update()
{
    const std::int64_t now = steady_now_ns();
    const double rate = m_throughput.tasks_per_second(now);
    // The serial baseline itself is the reference, not a point of the curve.
    if (m_backend.empty() || is_baseline(m_backend) || m_serialRate <= 0) {
        if (is_baseline(m_backend) || m_serialRate <= 0)
            Q_EMIT textChanged(rate > 0 ? tr("Live: %1 tasks/s").arg(rate, 0, 'f', 1) : QString());
        return;
    }
    const QPointF position(static_cast<double>(m_workers), m_throughput.speedup(now, m_serialRate));
    if (!m_shown || position != m_position)
        ++m_moves;
    m_position = position;
    m_shown = true;
    Q_EMIT textChanged(tr("Live speedup: %1× (%2 tasks/s on %3 %4)")
                           .arg(position.y(), 0, 'f', 1)
                           .arg(rate, 0, 'f', 1)
                           .arg(m_workers)
                           .arg(workers_noun(m_backend, m_workers)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LiveSpeedupMarker::place()
{
    if (!m_shown) {
        if (m_tracer)
            m_plot->removeItem(m_tracer);
        if (m_label)
            m_plot->removeItem(m_label);
        return;
    }
    if (!m_tracer) {
        m_tracer = new QCPItemTracer(m_plot);
        m_tracer->setStyle(QCPItemTracer::tsCircle);
        m_label = new QCPItemText(m_plot);
        m_label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        m_label->position->setParentAnchor(m_tracer->position);
        m_label->position->setType(QCPItemPosition::ptAbsolute); // pixels beside the marker
    }
    const QColor colour(230, 90, 20);
    m_tracer->setPen(QPen(colour, 3 * m_scale));
    m_tracer->setBrush(QColor(colour.red(), colour.green(), colour.blue(), 90));
    m_tracer->setSize(18 * m_scale);
    m_tracer->position->setCoords(m_position);
    QFont font = m_plot->font();
    font.setPointSizeF(11 * m_scale);
    font.setBold(true);
    m_label->setFont(font);
    m_label->setColor(colour);
    m_label->position->setCoords(10 * m_scale, -6 * m_scale);
    m_label->setText(tr("live %1×").arg(m_position.y(), 0, 'f', 1));
}

} // namespace parlab::gui
