#include "executors/processes/wire/process_frame_decoder.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace parlab {

namespace {

bool known_type(std::uint16_t type)
{
    return type >= static_cast<std::uint16_t>(FrameType::Ready) &&
           type <= static_cast<std::uint16_t>(FrameType::Region);
}

} // namespace

void FrameDecoder::feed(std::span<const std::byte> bytes)
{
    // Drop consumed bytes before growing, so a long stream never holds more than a frame or two.
    if (m_offset > 0 && m_offset >= m_data.size() / 2) {
        m_data.erase(m_data.begin(), m_data.begin() + static_cast<std::ptrdiff_t>(m_offset));
        m_offset = 0;
    }
    m_data.insert(m_data.end(), bytes.begin(), bytes.end());
}

std::optional<Frame> FrameDecoder::next()
{
    if (buffered() < frame_header_size)
        return std::nullopt;
    const std::byte* header = m_data.data() + m_offset;
    std::uint32_t magic = 0;
    std::uint16_t version = 0;
    std::uint16_t type = 0;
    std::uint64_t length = 0;
    std::memcpy(&magic, header, 4);
    std::memcpy(&version, header + 4, 2);
    std::memcpy(&type, header + 6, 2);
    std::memcpy(&length, header + 8, 8);
    if (magic != frame_magic) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08x", magic);
        throw std::runtime_error(std::string("bad magic number ") + hex + " (not a parlab frame)");
    }
    if (version != frame_version)
        throw std::runtime_error("protocol version " + std::to_string(version) + ", expected " +
                                 std::to_string(frame_version) + " (worker program from another build?)");
    if (!known_type(type))
        throw std::runtime_error("unknown frame type " + std::to_string(type));
    if (length > frame_max_payload)
        throw std::runtime_error("frame length " + std::to_string(length) + " is over the limit of " +
                                 std::to_string(frame_max_payload) + " bytes");
    if (buffered() - frame_header_size < length)
        return std::nullopt;
    Frame frame;
    frame.type = static_cast<FrameType>(type);
    const auto* begin = header + frame_header_size;
    frame.payload.assign(begin, begin + length);
    m_offset += frame_header_size + length;
    if (m_offset == m_data.size()) {
        m_data.clear();
        m_offset = 0;
    }
    return frame;
}

void FrameDecoder::finish() const
{
    if (buffered() != 0)
        throw std::runtime_error("stream ended inside a frame (" + std::to_string(buffered()) +
                                 " bytes of a truncated frame)");
}

} // namespace parlab
