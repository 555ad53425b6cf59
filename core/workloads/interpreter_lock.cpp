#include "workloads/interpreter_lock.h"

#include <stdexcept>

namespace parlab {

thread_local InterpreterLock* InterpreterLock::t_current = nullptr;
thread_local std::int64_t InterpreterLock::t_wait_ns = 0;

InterpreterLock::InterpreterLock(std::chrono::nanoseconds switch_interval) : m_interval(switch_interval)
{
    if (switch_interval.count() <= 0)
        throw std::invalid_argument("the interpreter lock's switch interval must be more than 0");
}

void InterpreterLock::acquire()
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (m_locked) {
        const std::uint64_t switches_before = m_switches;
        const bool timed_out = m_released.wait_for(lock, m_interval) == std::cv_status::timeout;
        // A whole interval went by and the lock never changed hands: ask the holder for it.
        if (timed_out && m_locked && m_switches == switches_before)
            m_drop_request.store(true, std::memory_order_relaxed);
    }
    m_locked = true;
    m_holder = std::this_thread::get_id();
    ++m_switches;
    m_drop_request.store(false, std::memory_order_relaxed);
    // A holder that was asked to drop waits for this.
    m_taken.notify_all();
    lock.unlock();
    t_wait_ns +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
            .count();
}

void InterpreterLock::release(bool forced)
{
    std::unique_lock lock(m_mutex);
    m_locked = false;
    m_released.notify_one();
    if (!forced)
        return;
    // Only a waiting thread asks, and it takes the lock as soon as it sees it free: the wait ends.
    // It is time this thread cannot compute, so it counts as waiting for the lock.
    const auto start = std::chrono::steady_clock::now();
    const std::thread::id self = std::this_thread::get_id();
    m_taken.wait(lock, [&] { return m_locked || m_holder != self; });
    lock.unlock();
    t_wait_ns +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start)
            .count();
}

void InterpreterLock::checkpoint()
{
    if (!m_drop_request.load(std::memory_order_relaxed))
        return;
    release(true);
    acquire();
}

std::uint64_t InterpreterLock::switches() const
{
    std::lock_guard lock(m_mutex);
    return m_switches;
}

InterpreterLockHeld::InterpreterLockHeld(InterpreterLock* lock)
    : m_lock(lock), m_outer(InterpreterLock::t_current)
{
    if (m_lock == nullptr)
        return;
    m_lock->acquire();
    InterpreterLock::t_current = m_lock;
}

InterpreterLockHeld::~InterpreterLockHeld()
{
    if (m_lock == nullptr)
        return;
    InterpreterLock::t_current = m_outer;
    m_lock->release();
}

InterpreterLockReleased::InterpreterLockReleased() : m_lock(InterpreterLock::current())
{
    if (m_lock != nullptr)
        m_lock->release();
}

InterpreterLockReleased::~InterpreterLockReleased()
{
    if (m_lock != nullptr)
        m_lock->acquire();
}

} // namespace parlab
