#pragma once

#include "trace/trace_event.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <vector>

namespace parlab::gui {

/// One preallocated ring of trace events per worker. A worker appends to its own ring only,
/// with no lock and no allocation; the GUI thread drains every ring on a timer. Single producer
/// per ring (the thread running that worker index), single consumer (the draining thread).
/// A full ring drops the newest events and counts them: the live view misses a few bars, the
/// run's finished trace has them all.
class WorkerEventBuffers {
public:
    /// Room for `workers` rings of `capacity` events each.
    WorkerEventBuffers(std::size_t workers, std::size_t capacity);
    ~WorkerEventBuffers();

    /// The workers the buffers have room for.
    [[nodiscard]] std::size_t workers() const { return m_rings.size(); }
    /// From the worker's thread: keeps `event` in the ring of event.worker.
    void record(const TraceEvent& event);
    /// From the consumer: every event recorded since the last call, ring by ring.
    std::vector<TraceEvent> drain();
    /// Events dropped so far, because a ring was full or the worker index had no ring.
    [[nodiscard]] std::size_t dropped() const { return m_dropped.load(std::memory_order_relaxed); }

private:
    struct Ring;
    std::vector<std::unique_ptr<Ring>> m_rings;
    std::atomic<std::size_t> m_dropped{0};
};

} // namespace parlab::gui
