#pragma once

#include <cstddef>
#include <string>

namespace parlab {

/// Threads of one process tree as the kernel sees them at one instant.
struct RunnableThreads {
    std::size_t runnable = 0; ///< threads in state 'R' (running or waiting for a CPU)
    std::size_t threads = 0;  ///< every thread counted
    std::size_t processes = 0;
};

/// Counts the threads of process `pid` and of its direct children (a pool's worker processes)
/// from `proc_root` (normally "/proc"): each `<pid>/task/<tid>/stat`, state 'R' counting as runnable.
/// A process or thread that ends while it is read is skipped; nothing throws.
[[nodiscard]] RunnableThreads count_runnable_threads(int pid, const std::string& proc_root = "/proc");

} // namespace parlab
