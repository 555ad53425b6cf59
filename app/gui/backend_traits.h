#pragma once

#include "executors/executor_traits.h"

#include <QString>

#include <cstddef>
#include <string>
#include <string_view>

namespace parlab::gui {

/// The registry entry's traits of `backend`, or nullptr for a backend this build does not know.
/// The window knows backends only through these: it never compares their names.
const ExecutorTraits* backend_traits(std::string_view backend);

/// The backend's place in the registry (serial, threads, processes, cluster); unknown ones last.
int backend_order(std::string_view backend);

/// True for the backend that takes one worker only: the serial baseline speedups are measured
/// against (core's default_worker_range reads max_workers the same way).
bool is_baseline(std::string_view backend);

/// "Threads", "cluster (MPI)"; an unknown backend's own name.
QString backend_display_name(std::string_view backend);
/// "thread" for one worker, "ranks" for more; an unknown backend's own name.
QString workers_noun(std::string_view backend, std::size_t count);

/// The backend the window starts with: the first parallel one whose workers share memory.
std::string default_backend();
/// The first backend that ships inputs to its workers, or the default when none does.
std::string shipping_backend();

} // namespace parlab::gui
