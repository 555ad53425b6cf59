#include "worker_event_buffers.h"

#include <algorithm>

namespace parlab::gui {

// Head and tail count up forever; the slot is the count modulo the capacity. Apart on their own
// cache lines, so a worker writing its head does not slow the next worker's ring.
struct WorkerEventBuffers::Ring {
    explicit Ring(std::size_t capacity) : slots(capacity) {}
    alignas(64) std::atomic<std::size_t> head{0}; ///< written by the worker
    alignas(64) std::atomic<std::size_t> tail{0}; ///< written by the consumer
    std::vector<TraceEvent> slots;
};

WorkerEventBuffers::WorkerEventBuffers(std::size_t workers, std::size_t capacity)
{
    m_rings.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w)
        m_rings.push_back(std::make_unique<Ring>(std::max<std::size_t>(1, capacity)));
}

WorkerEventBuffers::~WorkerEventBuffers() = default;

void WorkerEventBuffers::record(const TraceEvent& event)
{
    if (event.worker >= m_rings.size()) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    Ring& ring = *m_rings[event.worker];
    const std::size_t head = ring.head.load(std::memory_order_relaxed);
    if (head - ring.tail.load(std::memory_order_acquire) >= ring.slots.size()) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    ring.slots[head % ring.slots.size()] = event;
    ring.head.store(head + 1, std::memory_order_release);
}

std::vector<TraceEvent> WorkerEventBuffers::drain()
{
    std::vector<TraceEvent> events;
    for (const auto& ring : m_rings) {
        const std::size_t tail = ring->tail.load(std::memory_order_relaxed);
        const std::size_t head = ring->head.load(std::memory_order_acquire);
        for (std::size_t i = tail; i != head; ++i)
            events.push_back(ring->slots[i % ring->slots.size()]);
        ring->tail.store(head, std::memory_order_release);
    }
    return events;
}

} // namespace parlab::gui
