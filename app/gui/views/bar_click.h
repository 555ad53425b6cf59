#pragma once

#include "analysis/bar_aggregation.h"

#include <QPointF>

class QCPAxis;
class QMouseEvent;

namespace parlab::gui {

/// Tells a click on a timeline's bar from a drag of its time axis: both start with a press, and
/// only a release close to the press is a click.
class BarClick {
public:
    void press(const QMouseEvent* event);
    /// Whether `release` ends a left click, not a drag.
    [[nodiscard]] bool isClick(const QMouseEvent* release) const;

private:
    QPointF m_pressedAt{-1e9, -1e9};
};

/// What a click at time `at` on an aggregate does: zooms the time axis in, centred there, until
/// the aggregate's tasks take about 8 of the axis's `pixels` each on average (and at least 2×),
/// so tasks too thin to tell apart before are drawn one by one.
void zoomToTellApart(QCPAxis* time, int pixels, const TimelineBar& aggregate, double at);

} // namespace parlab::gui
