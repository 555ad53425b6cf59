#pragma once

#include "trace/host_rows.h"

class QCustomPlot;

namespace parlab::gui {

/// Names each host's group of rows on the plot's right axis (at the group's middle) and draws a
/// dashed line between groups; without groups the right axis is hidden and the lines removed.
/// Call after the left axis has its range: the right one follows it.
void labelHostGroups(QCustomPlot* plot, const HostRows& rows);

} // namespace parlab::gui
