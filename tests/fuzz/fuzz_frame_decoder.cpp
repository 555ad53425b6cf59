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

// The size of the shared region a worker has mapped: a Task frame's span must lie inside it.
constexpr std::uint64_t mapped_bytes = 4096;

void decode_task_in_region(const parlab::Frame& frame)
{
    const parlab::TaskMessage task = parlab::decode_task(frame.payload, mapped_bytes);
    if (task.shared &&
        (task.shared->offset > mapped_bytes || task.shared->length > mapped_bytes - task.shared->offset))
        __builtin_trap(); // decode let a read outside the mapping through
}

void decode_payload(const parlab::Frame& frame)
{
    using parlab::FrameType;
    switch (frame.type) {
    case FrameType::Ready: (void)parlab::decode_ready(frame.payload); break;
    case FrameType::Setup: (void)parlab::decode_setup(frame.payload); break;
    case FrameType::Task: decode_task_in_region(frame); break;
    case FrameType::Region: (void)parlab::decode_region(frame.payload); break;
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
