#pragma once

#include "executors/executor.h"

namespace parlab {

/// A sweep's warm-up is cut off after this long: its first tasks warm caches and touch memory,
/// and a whole run of long waits (the coffee bar's 3 s) would only hold back the first point.
inline constexpr double warm_up_limit_s = 0.5;

/// Runs `options`' tasks on `executor` once, not counted, for at most warm_up_limit_s (checked
/// after each task) or until `options.cancel` is cancelled. Throws what the executor throws,
/// except that it was cut off.
void warm_up(Executor& executor, const Workload& workload, const ExecutorOptions& options);

} // namespace parlab
