// Bytes as a worker's pipe could deliver them: the first byte picks how the stream is cut into
// pieces, the rest is the stream. Every whole frame's payload goes to the decoder for its type.
// A malformed stream must end in std::runtime_error, never in a crash or an unbounded allocation.
#include "executors/processes/wire/process_frame_decoder.h"
#include "executors/processes/wire/process_messages.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>

namespace {

void decode_payload(const parlab::Frame& frame)
{
    using parlab::FrameType;
    switch (frame.type) {
    case FrameType::Ready: (void)parlab::decode_ready(frame.payload); break;
    case FrameType::Setup: (void)parlab::decode_setup(frame.payload); break;
    case FrameType::Task: (void)parlab::decode_task(frame.payload); break;
    case FrameType::Result: (void)parlab::decode_result(frame.payload); break;
    case FrameType::Failed: (void)parlab::decode_failed(frame.payload); break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t piece = 1 + data[0] % 32;
    const std::span<const std::byte> stream(reinterpret_cast<const std::byte*>(data + 1), size - 1);
    parlab::FrameDecoder decoder;
    try {
        for (std::size_t offset = 0; offset < stream.size(); offset += piece) {
            decoder.feed(stream.subspan(offset, std::min(piece, stream.size() - offset)));
            while (const std::optional<parlab::Frame> frame = decoder.next()) {
                try {
                    decode_payload(*frame);
                } catch (const std::runtime_error&) {
                }
            }
        }
        decoder.finish();
    } catch (const std::runtime_error&) {
    }
    return 0;
}
