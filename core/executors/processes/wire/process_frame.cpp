#include "executors/processes/wire/process_frame.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace parlab {

std::string_view to_string(FrameType type)
{
    switch (type) {
    case FrameType::Ready: return "ready";
    case FrameType::Setup: return "setup";
    case FrameType::Task: return "task";
    case FrameType::Result: return "result";
    case FrameType::Failed: return "failed";
    case FrameType::Region: return "region";
    }
    return "unknown";
}

void append_frame(std::vector<std::byte>& out, FrameType type, std::span<const std::byte> payload)
{
    if (payload.size() > frame_max_payload)
        throw std::invalid_argument("frame payload of " + std::to_string(payload.size()) +
                                    " bytes is over the limit of " + std::to_string(frame_max_payload));
    const std::size_t at = out.size();
    out.resize(at + frame_header_size + payload.size());
    std::byte* header = out.data() + at;
    const auto type_value = static_cast<std::uint16_t>(type);
    const auto length = static_cast<std::uint64_t>(payload.size());
    std::memcpy(header, &frame_magic, 4);
    std::memcpy(header + 4, &frame_version, 2);
    std::memcpy(header + 6, &type_value, 2);
    std::memcpy(header + 8, &length, 8);
    if (!payload.empty())
        std::memcpy(header + frame_header_size, payload.data(), payload.size());
}

std::vector<std::byte> encode_frame(FrameType type, std::span<const std::byte> payload)
{
    std::vector<std::byte> out;
    append_frame(out, type, payload);
    return out;
}

} // namespace parlab
