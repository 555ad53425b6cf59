#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace parlab {

/// One process-wide lock that computing code must hold, handed between threads the way
/// CPython 3.2+ hands its GIL: a thread that has waited a whole switch interval without a switch
/// asks the holder to drop it; the holder drops it at its next checkpoint and, having been asked,
/// does not take it again before another thread has. Without that last rule the holder, already
/// running, would win the race back nearly every time (the convoy the old GIL suffered from).
class InterpreterLock {
public:
    explicit InterpreterLock(std::chrono::nanoseconds switch_interval = std::chrono::milliseconds(5));
    InterpreterLock(const InterpreterLock&) = delete;
    InterpreterLock& operator=(const InterpreterLock&) = delete;

    /// Blocks until the calling thread holds the lock; the time blocked is added to thread_wait_ns(),
    /// as is a forced release's wait for the next holder.
    void acquire();
    /// Gives the lock up. `forced`: it was asked for, so wait until another thread has it.
    void release(bool forced = false);
    /// Drops and retakes the lock when a waiting thread has asked for it; cheap otherwise.
    void checkpoint();

    /// How often the lock changed hands.
    [[nodiscard]] std::uint64_t switches() const;
    [[nodiscard]] std::chrono::nanoseconds switch_interval() const { return m_interval; }

    /// The lock the calling thread computes under, or nullptr (every thread outside GIL mode).
    [[nodiscard]] static InterpreterLock* current() { return t_current; }
    /// Nanoseconds the calling thread has spent waiting for any interpreter lock, ever.
    [[nodiscard]] static std::int64_t thread_wait_ns() { return t_wait_ns; }

private:
    friend class InterpreterLockHeld;
    static thread_local InterpreterLock* t_current;
    static thread_local std::int64_t t_wait_ns;

    const std::chrono::nanoseconds m_interval;
    mutable std::mutex m_mutex;
    std::condition_variable m_released;
    std::condition_variable m_taken;
    bool m_locked = false;
    std::thread::id m_holder;
    std::uint64_t m_switches = 0;
    std::atomic<bool> m_drop_request{false};
};

/// Where compute loops let a waiting thread have the lock: one predictable branch when no lock is
/// in use. Call it about every millisecond of work.
inline void lock_checkpoint()
{
    if (InterpreterLock* lock = InterpreterLock::current(); lock != nullptr) [[unlikely]]
        lock->checkpoint();
}

/// Holds `lock` (when not null) for the calling thread's task, as the threads executor does in
/// GIL mode: acquires it and makes it current; releases it at the end of the scope.
class InterpreterLockHeld {
public:
    explicit InterpreterLockHeld(InterpreterLock* lock);
    ~InterpreterLockHeld();
    InterpreterLockHeld(const InterpreterLockHeld&) = delete;
    InterpreterLockHeld& operator=(const InterpreterLockHeld&) = delete;

private:
    InterpreterLock* m_lock;
    InterpreterLock* m_outer;
};

/// Gives the current lock up while the calling thread waits (sleep, I/O), as CPython does around
/// blocking calls, and takes it back at the end of the scope. Nothing when no lock is current.
class InterpreterLockReleased {
public:
    InterpreterLockReleased();
    ~InterpreterLockReleased();
    InterpreterLockReleased(const InterpreterLockReleased&) = delete;
    InterpreterLockReleased& operator=(const InterpreterLockReleased&) = delete;

private:
    InterpreterLock* m_lock;
};

} // namespace parlab
