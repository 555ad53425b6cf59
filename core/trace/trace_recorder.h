#pragma once

#include "trace/trace_event.h"

#include <cstddef>
#include <vector>

namespace parlab {

/// Collects trace events into per-worker buffers allocated up front, so that recording is a
/// plain store with no lock and no allocation: it cannot disturb scheduling.
class TraceRecorder {
public:
    /// Room for `events_per_worker` events on each of `workers` workers.
    TraceRecorder(std::size_t workers, std::size_t events_per_worker);

    /// Called only by worker `worker` itself; events past the reserved room are counted, not kept.
    void record(std::size_t worker, const TraceEvent& event);

    /// Every recorded event, sorted by start time.
    [[nodiscard]] Trace collect() const;
    [[nodiscard]] std::size_t dropped() const;

private:
    struct alignas(64) Buffer {
        std::vector<TraceEvent> events;
        std::size_t dropped = 0;
    };
    std::vector<Buffer> m_buffers;
    std::size_t m_capacity;
};

} // namespace parlab
