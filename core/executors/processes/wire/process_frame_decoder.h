#pragma once

#include "executors/processes/wire/process_frame.h"

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace parlab {

/// Cuts a byte stream into frames. Bytes arrive in any pieces; a frame comes out once whole.
class FrameDecoder {
public:
    /// Appends received bytes.
    void feed(std::span<const std::byte> bytes);

    /// The next whole frame, or nothing yet. Throws std::runtime_error describing the fault for a
    /// bad magic, version or type, or a length over frame_max_payload.
    std::optional<Frame> next();

    /// Bytes received but not yet returned as a frame.
    [[nodiscard]] std::size_t buffered() const { return m_data.size() - m_offset; }

    /// Called at end of stream: throws std::runtime_error when a frame was cut short.
    void finish() const;

private:
    std::vector<std::byte> m_data;
    std::size_t m_offset = 0;
};

} // namespace parlab
