#pragma once

#include "run_request.h"
#include "sweep/sweep.h"
#include "trace/trace_event.h"

#include <QMetaType>

#include <vector>

// Plain structs that cross from the run's thread to the window in queued signals.
Q_DECLARE_METATYPE(parlab::Point)
Q_DECLARE_METATYPE(parlab::SweepProgress)
Q_DECLARE_METATYPE(parlab::TraceEvent)
Q_DECLARE_METATYPE(parlab::SweepResult)
Q_DECLARE_METATYPE(std::vector<parlab::TraceEvent>)
Q_DECLARE_METATYPE(parlab::gui::RunRequest)
Q_DECLARE_METATYPE(std::vector<parlab::RankInfo>)

namespace parlab::gui {

/// Registers the types above with Qt's meta-type system; idempotent.
void register_metatypes();

} // namespace parlab::gui
