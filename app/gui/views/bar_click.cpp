#include "views/bar_click.h"

#include <qcustomplot.h>

#include <QMouseEvent>

#include <algorithm>

namespace parlab::gui {
namespace {

// A press and release this close together is a click, not a drag of the time axis.
constexpr double click_slop_px = 4.0;

} // namespace

void BarClick::press(const QMouseEvent* event)
{
    m_pressedAt = event->position();
}

bool BarClick::isClick(const QMouseEvent* release) const
{
    return release->button() == Qt::LeftButton &&
           (release->position() - m_pressedAt).manhattanLength() <= click_slop_px;
}

void zoomToTellApart(QCPAxis* time, int pixels, const TimelineBar& aggregate, double at)
{
    constexpr double pixels_per_task = 8.0; // a bar that wide shows its border and can be hovered
    const double perTask =
        (aggregate.end - aggregate.start) / static_cast<double>(std::max<std::size_t>(aggregate.count, 1));
    const double wanted = perTask * static_cast<double>(std::max(pixels, 1)) / pixels_per_task;
    // Tasks of no length still leave the axis a range.
    const double span = std::max(std::min(wanted, 0.5 * time->range().size()), 1e-6);
    time->setRange(at - 0.5 * span, at + 0.5 * span);
}

} // namespace parlab::gui
