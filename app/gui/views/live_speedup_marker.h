#pragma once

#include "analysis/live_throughput.h"
#include "trace/trace_event.h"

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>

#include <string>
#include <vector>

class QCPItemText;
class QCPItemTracer;
class QCustomPlot;

namespace parlab {
struct SweepProgress;
}

namespace parlab::gui {

/// The speedup of the run in progress, as it goes: a marker on the speedup plot at the workers
/// running now and the speedup of their throughput over the last seconds against the serial
/// run's (LiveThroughput), and the same as a line of text for the status bar. The plot's view
/// clears its items when it redraws; the marker puts itself back before every replot.
class LiveSpeedupMarker : public QObject {
    Q_OBJECT
public:
    explicit LiveSpeedupMarker(QCustomPlot* plot, QObject* parent = nullptr);

    /// A new run or sweep: forget the serial rate and hide the marker.
    void begin();
    /// Where the sweep is: a new backend or worker count starts a new window.
    void setProgress(const SweepProgress& progress);
    /// The serial run's tasks and wall time (its throughput is the reference).
    void setSerial(std::size_t tasks, double wallS);
    void addEvents(const std::vector<TraceEvent>& events);
    /// The run is over: the marker goes, the measured points stay.
    void end();
    void setScale(double scale) { m_scale = scale; }

    [[nodiscard]] bool isShown() const { return m_shown; }
    /// The marker's position: (workers, live speedup).
    [[nodiscard]] QPointF position() const { return m_position; }
    /// How often the marker moved since begin().
    [[nodiscard]] int moves() const { return m_moves; }

Q_SIGNALS:
    /// "Live: 2.7× (31 tasks/s on 3 threads)", or empty when the marker is hidden.
    void textChanged(const QString& text);

private:
    void update();
    void place();

    QCustomPlot* m_plot;
    QPointer<QCPItemTracer> m_tracer;
    QPointer<QCPItemText> m_label;
    LiveThroughput m_throughput;
    std::string m_backend;
    std::size_t m_workers = 0;
    double m_serialRate = 0.0;
    QPointF m_position;
    int m_moves = 0;
    double m_scale = 1.0;
    bool m_shown = false;
};

} // namespace parlab::gui
