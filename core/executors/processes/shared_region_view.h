#pragma once

#include "executors/processes/wire/process_messages.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace parlab {

/// A worker's view of the region the parent writes shipped inputs into: descriptors that came
/// along the socket wait in pending() until a Region frame claims one, which is then mapped
/// read-only; a task's inputs are a span into the mapping, never copied.
class SharedRegionView {
public:
    SharedRegionView() = default;
    ~SharedRegionView();
    SharedRegionView(const SharedRegionView&) = delete;
    SharedRegionView& operator=(const SharedRegionView&) = delete;

    /// Where descriptors received with the stream go, in the order they came.
    [[nodiscard]] std::vector<int>& pending() { return m_pending; }
    /// Maps the oldest pending descriptor as the region of `message.bytes` bytes, dropping the
    /// region mapped before; 0 bytes unmaps only. Throws std::runtime_error when no descriptor
    /// came with the frame or the region is smaller than it says, std::system_error when mapping fails.
    void attach(const RegionMessage& message);
    /// The mapped region's size (0 when none): what decode_task checks a task's span against.
    [[nodiscard]] std::uint64_t bytes() const { return m_bytes; }
    /// The inputs at `span`, which decode_task has checked to lie inside bytes().
    [[nodiscard]] std::span<const std::byte> inputs(SharedSpan span) const;

private:
    void unmap();

    std::vector<int> m_pending;
    const std::byte* m_data = nullptr;
    std::size_t m_bytes = 0;
};

} // namespace parlab
