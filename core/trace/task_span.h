#pragma once

#include "trace/trace_event.h"

#include <cstdint>
#include <vector>

namespace parlab {

/// One task from its first phase's start to its last phase's end, on the worker that computed it.
struct TaskSpan {
    std::uint32_t task = 0;
    std::uint32_t worker = 0;
    std::int32_t pid = 0;
    std::int32_t cpu = -1;
    std::int64_t start_ns = 0;
    std::int64_t end_ns = 0;
};

/// One span per task of `trace` (its phases merged), sorted by start, then task index.
std::vector<TaskSpan> task_spans(const Trace& trace);

} // namespace parlab
