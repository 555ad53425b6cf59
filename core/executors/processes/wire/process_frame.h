#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace parlab {

/// What a frame between the processes executor and a worker carries.
enum class FrameType : std::uint16_t {
    Ready = 1,  ///< worker → parent, once after start: the worker's pid
    Setup = 2,  ///< parent → worker, once per run: workload name, parameter values, worker index
    Task = 3,   ///< parent → worker: a task index, optionally with its shipped inputs
    Result = 4, ///< worker → parent: a task's Partial, CPU and times
    Failed = 5, ///< worker → parent: a task (or the set-up) threw; carries the message
    Region = 6, ///< parent → worker: the shared region of shipped inputs (its fd rides along), or none
};

/// "ready", "setup", …; "unknown" for a value outside the enum.
std::string_view to_string(FrameType type);

/// One decoded frame.
struct Frame {
    FrameType type = FrameType::Ready;
    std::vector<std::byte> payload;
};

/// The wire format: a 16-byte header (magic, version, type, payload length; native byte order,
/// both ends run on the same machine) followed by the payload.
inline constexpr std::uint32_t frame_magic = 0x4B574C50; // "PLWK"
inline constexpr std::uint16_t frame_version = 1;
inline constexpr std::size_t frame_header_size = 16;
inline constexpr std::uint64_t frame_max_payload = std::uint64_t{1} << 30;

/// Appends one encoded frame to `out`. Throws std::invalid_argument for a payload over the limit.
void append_frame(std::vector<std::byte>& out, FrameType type, std::span<const std::byte> payload);

/// One encoded frame.
std::vector<std::byte> encode_frame(FrameType type, std::span<const std::byte> payload);

} // namespace parlab
