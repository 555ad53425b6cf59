#include "executors/processes/wire/process_messages.h"

#include <cstring>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace parlab {

namespace {

constexpr std::uint64_t no_task = std::numeric_limits<std::uint64_t>::max();
// The Task frame's inputs byte: regenerate, inline bytes, or a span of the shared region.
constexpr std::uint8_t inputs_none = 0;
constexpr std::uint8_t inputs_inline = 1;
constexpr std::uint8_t inputs_shared = 2;

class PayloadWriter {
public:
    template <typename T> void put(const T& value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        const auto* bytes = reinterpret_cast<const std::byte*>(&value);
        m_bytes.insert(m_bytes.end(), bytes, bytes + sizeof(T));
    }
    void put_bytes(std::span<const std::byte> bytes)
    {
        put(static_cast<std::uint64_t>(bytes.size()));
        m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
    }
    void put_string(const std::string& text)
    {
        put_bytes(std::as_bytes(std::span(text.data(), text.size())));
    }
    [[nodiscard]] std::span<const std::byte> bytes() const { return m_bytes; }

private:
    std::vector<std::byte> m_bytes;
};

class PayloadReader {
public:
    PayloadReader(std::span<const std::byte> payload, const char* what) : m_payload(payload), m_what(what) {}

    template <typename T> T get()
    {
        static_assert(std::is_trivially_copyable_v<T>);
        T value;
        std::memcpy(&value, take(sizeof(T)).data(), sizeof(T));
        return value;
    }
    std::span<const std::byte> get_bytes() { return take(get<std::uint64_t>()); }
    std::string get_string()
    {
        const auto bytes = get_bytes();
        return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
    }
    void expect_end() const
    {
        if (m_at != m_payload.size())
            throw std::runtime_error(std::string(m_what) + " message has " +
                                     std::to_string(m_payload.size() - m_at) + " unexpected trailing bytes");
    }

private:
    std::span<const std::byte> take(std::uint64_t count)
    {
        if (count > m_payload.size() - m_at)
            throw std::runtime_error(std::string(m_what) + " message is truncated");
        const auto part = m_payload.subspan(m_at, count);
        m_at += count;
        return part;
    }

    std::span<const std::byte> m_payload;
    std::size_t m_at = 0;
    const char* m_what;
};

} // namespace

void append_ready(std::vector<std::byte>& out, const ReadyMessage& message)
{
    PayloadWriter writer;
    writer.put(message.pid);
    append_frame(out, FrameType::Ready, writer.bytes());
}

void append_setup(std::vector<std::byte>& out, const SetupMessage& message)
{
    PayloadWriter writer;
    writer.put_string(message.workload);
    writer.put(message.worker);
    writer.put(static_cast<std::uint64_t>(message.values.size()));
    for (const auto& [name, value] : message.values) {
        writer.put_string(name);
        writer.put_string(value);
    }
    append_frame(out, FrameType::Setup, writer.bytes());
}

void append_task(std::vector<std::byte>& out, std::uint64_t task, bool shipped,
                 std::span<const std::byte> inputs)
{
    // Written straight into `out`: shipped inputs can be large and are copied once only.
    PayloadWriter head;
    head.put(task);
    head.put(shipped ? inputs_inline : inputs_none);
    head.put(static_cast<std::uint64_t>(inputs.size()));
    auto length = static_cast<std::uint64_t>(head.bytes().size() + inputs.size());
    // Checked before anything is written, so `out` never holds half a frame.
    if (length > frame_max_payload)
        throw std::invalid_argument("task " + std::to_string(task) + " inputs of " +
                                    std::to_string(inputs.size()) + " bytes are over the frame limit of " +
                                    std::to_string(frame_max_payload));
    const std::size_t at = out.size();
    append_frame(out, FrameType::Task, head.bytes());
    std::memcpy(out.data() + at + 8, &length, 8);
    out.insert(out.end(), inputs.begin(), inputs.end());
}

void append_shared_task(std::vector<std::byte>& out, std::uint64_t task, SharedSpan inputs)
{
    PayloadWriter writer;
    writer.put(task);
    writer.put(inputs_shared);
    writer.put(inputs.offset);
    writer.put(inputs.length);
    append_frame(out, FrameType::Task, writer.bytes());
}

void append_region(std::vector<std::byte>& out, const RegionMessage& message)
{
    PayloadWriter writer;
    writer.put(message.bytes);
    append_frame(out, FrameType::Region, writer.bytes());
}

void append_result(std::vector<std::byte>& out, const ResultMessage& message)
{
    PayloadWriter writer;
    writer.put(message.task);
    writer.put(message.partial);
    writer.put(message.cpu);
    writer.put(message.start_ns);
    writer.put(message.end_ns);
    append_frame(out, FrameType::Result, writer.bytes());
}

void append_failed(std::vector<std::byte>& out, const FailedMessage& message)
{
    PayloadWriter writer;
    writer.put(message.task.value_or(no_task));
    writer.put_string(message.message);
    append_frame(out, FrameType::Failed, writer.bytes());
}

ReadyMessage decode_ready(std::span<const std::byte> payload)
{
    PayloadReader reader(payload, "ready");
    ReadyMessage message;
    message.pid = reader.get<std::int32_t>();
    reader.expect_end();
    return message;
}

SetupMessage decode_setup(std::span<const std::byte> payload)
{
    PayloadReader reader(payload, "setup");
    SetupMessage message;
    message.workload = reader.get_string();
    message.worker = reader.get<std::uint32_t>();
    const auto count = reader.get<std::uint64_t>();
    for (std::uint64_t i = 0; i < count; ++i) {
        auto name = reader.get_string();
        message.values[std::move(name)] = reader.get_string();
    }
    reader.expect_end();
    return message;
}

TaskMessage decode_task(std::span<const std::byte> payload, std::uint64_t shared_bytes)
{
    PayloadReader reader(payload, "task");
    TaskMessage message;
    message.task = reader.get<std::uint64_t>();
    const auto kind = reader.get<std::uint8_t>();
    if (kind > inputs_shared)
        throw std::runtime_error("task message has an unknown kind of inputs (" + std::to_string(kind) + ")");
    message.shipped = kind != inputs_none;
    if (kind == inputs_shared) {
        SharedSpan span{reader.get<std::uint64_t>(), reader.get<std::uint64_t>()};
        // Written so that no sum can wrap around.
        if (span.offset > shared_bytes || span.length > shared_bytes - span.offset)
            throw std::runtime_error("task " + std::to_string(message.task) + " inputs at offset " +
                                     std::to_string(span.offset) + ", " + std::to_string(span.length) +
                                     " bytes long, are outside the shared region of " +
                                     std::to_string(shared_bytes) + " bytes");
        message.shared = span;
    } else {
        const auto inputs = reader.get_bytes();
        message.inputs.assign(inputs.begin(), inputs.end());
    }
    reader.expect_end();
    return message;
}

RegionMessage decode_region(std::span<const std::byte> payload)
{
    PayloadReader reader(payload, "region");
    RegionMessage message;
    message.bytes = reader.get<std::uint64_t>();
    reader.expect_end();
    return message;
}

ResultMessage decode_result(std::span<const std::byte> payload)
{
    PayloadReader reader(payload, "result");
    ResultMessage message;
    message.task = reader.get<std::uint64_t>();
    message.partial = reader.get<Partial>();
    message.cpu = reader.get<std::int32_t>();
    message.start_ns = reader.get<std::int64_t>();
    message.end_ns = reader.get<std::int64_t>();
    reader.expect_end();
    return message;
}

FailedMessage decode_failed(std::span<const std::byte> payload)
{
    PayloadReader reader(payload, "failed");
    FailedMessage message;
    if (const auto task = reader.get<std::uint64_t>(); task != no_task)
        message.task = task;
    message.message = reader.get_string();
    reader.expect_end();
    return message;
}

} // namespace parlab
