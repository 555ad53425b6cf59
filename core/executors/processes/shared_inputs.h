#pragma once

#include "executors/processes/wire/process_messages.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace parlab {

class ProcessWorker;

/// The parent's side of shipping inputs through shared memory (the counterpart of Python's
/// multiprocessing.shared_memory): one region per worker, a memfd mapped here read-write and by
/// the worker read-only, used as a ring. A task's inputs are written at the ring's tail and freed
/// from its head once the task's result has come, in the order the worker runs its tasks, so a
/// region holds at most what is in flight. A region too small for that is replaced by a larger
/// one (the worker is sent the new one before the task that needs it) and the old one lives until
/// its last task is done. Every region is unmapped and closed with this object: at the end of a
/// run, on failure and on cancel alike.
class SharedInputs {
public:
    explicit SharedInputs(std::size_t workers);
    ~SharedInputs();
    SharedInputs(const SharedInputs&) = delete;
    SharedInputs& operator=(const SharedInputs&) = delete;

    /// Drops worker `index`'s regions: its process is new (a replacement), so it maps none of them.
    void reset(std::size_t index);
    /// Room for `length` bytes of inputs in worker `index`'s region: where the worker will read
    /// them, and the bytes to write them into.
    struct Room {
        SharedSpan where;
        std::span<std::byte> bytes;
    };
    /// Makes room for the inputs of worker `index`'s next task in its region, first appending a
    /// Region frame (with the descriptor) to `worker`'s outbox when a new region is needed. The
    /// caller fills the room before the task's frame is sent. Throws std::system_error when no
    /// region can be made.
    Room reserve(std::size_t index, ProcessWorker& worker, std::size_t length);
    /// Worker `index`'s oldest written task is done: its bytes may be written over.
    void release(std::size_t index);
    /// The run is over: tells the worker to unmap (a Region frame of 0 bytes) and frees its regions.
    void detach(std::size_t index, ProcessWorker& worker);

    /// Regions mapped now, over all workers (for tests and accounting).
    [[nodiscard]] std::size_t region_count() const;

private:
    struct Region {
        std::uint64_t id = 0;
        int fd = -1;
        std::byte* data = nullptr;
        std::size_t bytes = 0;
    };
    struct Entry {
        std::uint64_t region = 0; ///< 0 for empty inputs, which take no room
        std::size_t offset = 0;
        std::size_t length = 0;
    };
    struct PerWorker {
        std::deque<Region> regions; ///< the newest is the one written to
        std::deque<Entry> entries;  ///< written and not yet released, oldest first
    };

    /// Where `length` bytes fit in the newest region of `w`, if they do.
    static bool fits(const PerWorker& w, std::size_t length, std::size_t& offset);
    Region& add_region(PerWorker& w, ProcessWorker& worker, std::size_t at_least);
    static void free_unused(PerWorker& w);
    static void free_region(Region& region);

    std::vector<PerWorker> m_workers;
    std::uint64_t m_next_id = 1;
};

} // namespace parlab
