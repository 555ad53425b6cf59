#pragma once

#include "workloads/cancel_token.h"

namespace parlab {

/// Sleeps `seconds` like a task waiting for I/O, in slices of at most 10 ms so a cancel is seen
/// promptly. Returns false when cancelled before the time was up.
bool wait_seconds(double seconds, const CancelToken& cancel);

/// Keeps the CPU busy until this thread has used `seconds` of CPU time (not wall time, so a
/// worker sharing its core with others honestly takes longer). Returns false when cancelled.
bool work_seconds(double seconds, const CancelToken& cancel);

} // namespace parlab
