#include "workloads/busy_wait.h"

#include "workloads/interpreter_lock.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <stdexcept>
#include <thread>

namespace parlab {

namespace {

std::int64_t thread_cpu_ns()
{
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
        throw std::runtime_error("cannot read this thread's CPU time (clock_gettime)");
    return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

bool wait_seconds(double seconds, const CancelToken& cancel)
{
    using clock = std::chrono::steady_clock;
    // Waiting holds no interpreter lock, as a Python thread blocked in I/O or sleep() holds no GIL.
    const InterpreterLockReleased released;
    const auto deadline =
        clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
    constexpr auto slice = std::chrono::milliseconds(10);
    while (true) {
        if (cancel.cancelled())
            return false;
        const auto now = clock::now();
        if (now >= deadline)
            return true;
        std::this_thread::sleep_for(std::min<clock::duration>(deadline - now, slice));
    }
}

bool work_seconds(double seconds, const CancelToken& cancel)
{
    const auto end = thread_cpu_ns() + static_cast<std::int64_t>(seconds * 1e9);
    // Reading the CPU clock is a system call (a slow one in a virtual machine): tens of
    // microseconds of spin between reads keep the core load green (user time), not red, while
    // still ending within tens of microseconds of the target.
    volatile std::uint64_t sink = 0;
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    while (thread_cpu_ns() < end) {
        if (cancel.cancelled())
            return false;
        lock_checkpoint();
        for (int i = 0; i < 20000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }
        sink = x;
    }
    (void)sink;
    return true;
}

} // namespace parlab
