#pragma once

#include "trace/trace_event.h"

#include <iosfwd>
#include <string>

namespace parlab {

/// Writes a trace as Chrome trace-event JSON (opens in Perfetto and chrome://tracing): one
/// complete event ("ph":"X") per span, one row per worker, named after its pid.
void write_chrome_trace(const Trace& trace, std::ostream& out, const std::string& title);

} // namespace parlab
