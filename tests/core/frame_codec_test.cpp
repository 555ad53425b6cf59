#include "executors/processes/process_worker_loop.h"
#include "executors/processes/wire/process_frame.h"
#include "executors/processes/wire/process_frame_decoder.h"
#include "executors/processes/wire/process_messages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

std::vector<std::byte> bytes_of(const std::string& text)
{
    const auto view = std::as_bytes(std::span(text.data(), text.size()));
    return {view.begin(), view.end()};
}

std::vector<Frame> decode_all(const std::vector<std::byte>& stream, std::size_t piece)
{
    FrameDecoder decoder;
    std::vector<Frame> frames;
    for (std::size_t at = 0; at < stream.size(); at += piece) {
        decoder.feed(std::span(stream).subspan(at, std::min(piece, stream.size() - at)));
        while (auto frame = decoder.next())
            frames.push_back(std::move(*frame));
    }
    decoder.finish();
    return frames;
}

std::string decode_error(std::vector<std::byte> stream)
{
    FrameDecoder decoder;
    decoder.feed(stream);
    try {
        while (decoder.next()) {
        }
        decoder.finish();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

} // namespace

TEST(FrameCodec, RoundTripsEveryMessageInAnyPieces)
{
    std::vector<std::byte> stream;
    append_ready(stream, {4242});
    append_setup(stream, {"eigen", {{"dim", "16"}, {"matrices", "40"}}, 3});
    const auto inputs = bytes_of("some inputs");
    append_task(stream, 17, true, inputs);
    Partial partial;
    partial.exact = (uint128{1} << 100) + 5;
    partial.sum = 2.5;
    partial.extra = -1.0;
    append_result(stream, {17, partial, 1, 100, 250});
    append_failed(stream, {17, "boom"});
    append_failed(stream, {std::nullopt, "no such workload"});

    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, stream.size()}) {
        const auto frames = decode_all(stream, piece);
        ASSERT_EQ(frames.size(), 6u) << "piece " << piece;
        EXPECT_EQ(decode_ready(frames[0].payload).pid, 4242);
        const auto setup = decode_setup(frames[1].payload);
        EXPECT_EQ(setup.workload, "eigen");
        EXPECT_EQ(setup.values.at("dim"), "16");
        EXPECT_EQ(setup.values.at("matrices"), "40");
        EXPECT_EQ(setup.worker, 3u);
        const auto task = decode_task(frames[2].payload);
        EXPECT_EQ(task.task, 17u);
        EXPECT_TRUE(task.shipped);
        EXPECT_EQ(task.inputs, inputs);
        const auto result = decode_result(frames[3].payload);
        EXPECT_EQ(result.task, 17u);
        EXPECT_TRUE(result.partial.exact == partial.exact);
        EXPECT_EQ(result.partial.sum, 2.5);
        EXPECT_EQ(result.partial.extra, -1.0);
        EXPECT_EQ(result.cpu, 1);
        EXPECT_EQ(result.start_ns, 100);
        EXPECT_EQ(result.end_ns, 250);
        const auto failed = decode_failed(frames[4].payload);
        EXPECT_EQ(failed.task, 17u);
        EXPECT_EQ(failed.message, "boom");
        EXPECT_FALSE(decode_failed(frames[5].payload).task.has_value());
    }
}

TEST(FrameCodec, RejectsBadMagic)
{
    auto stream = encode_frame(FrameType::Ready, {});
    stream[0] = std::byte{'X'};
    EXPECT_THAT(decode_error(stream), HasSubstr("bad magic"));
}

TEST(FrameCodec, RejectsWrongVersion)
{
    auto stream = encode_frame(FrameType::Ready, {});
    const std::uint16_t version = frame_version + 1;
    std::memcpy(stream.data() + 4, &version, 2);
    EXPECT_THAT(decode_error(stream), HasSubstr("protocol version 2"));
}

TEST(FrameCodec, RejectsUnknownType)
{
    auto stream = encode_frame(FrameType::Ready, {});
    const std::uint16_t type = 99;
    std::memcpy(stream.data() + 6, &type, 2);
    EXPECT_THAT(decode_error(stream), HasSubstr("unknown frame type 99"));
}

TEST(FrameCodec, RejectsOversizedLengthBeforeWaitingForIt)
{
    auto stream = encode_frame(FrameType::Task, {});
    const std::uint64_t length = frame_max_payload + 1;
    std::memcpy(stream.data() + 8, &length, 8);
    EXPECT_THAT(decode_error(stream), HasSubstr("over the limit"));
}

TEST(FrameCodec, RejectsStreamEndingInsideAFrame)
{
    auto stream = encode_frame(FrameType::Failed, bytes_of("0123456789abcdef"));
    stream.resize(stream.size() - 3);
    EXPECT_THAT(decode_error(stream), HasSubstr("truncated"));
    stream.resize(5);
    EXPECT_THAT(decode_error(stream), HasSubstr("truncated"));
}

TEST(FrameCodec, RejectsPayloadOfTheWrongShape)
{
    std::vector<std::byte> stream;
    append_result(stream, {1, {}, 0, 0, 0});
    const auto frames = decode_all(stream, stream.size());
    auto payload = frames[0].payload;
    payload.pop_back();
    EXPECT_THROW(static_cast<void>(decode_result(payload)), std::runtime_error);
    payload.resize(payload.size() + 2);
    EXPECT_THROW(static_cast<void>(decode_result(payload)), std::runtime_error);
    // A string length pointing far past the payload.
    std::vector<std::byte> failed(16, std::byte{0xff});
    EXPECT_THROW(static_cast<void>(decode_failed(failed)), std::runtime_error);
}

namespace {

// Known only in this test binary, so the worker loop can be tested without a real process.
class ThrowingWorkload : public Workload {
public:
    ThrowingWorkload() : Workload("throwing", Parameters({}, {})) {}
    [[nodiscard]] std::size_t task_count() const override { return 4; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken&) const override
    {
        if (task == 2)
            throw std::runtime_error("task two always breaks");
        Partial partial;
        partial.exact = task * 10;
        return partial;
    }
    [[nodiscard]] Checksum combine(std::span<const Partial>) const override { return {}; }
};

class WorkerLoop : public ::testing::Test {
protected:
    void SetUp() override
    {
        int ends[2];
        ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends), 0);
        m_parent = ends[0];
        m_child = ends[1];
        m_thread = std::thread([this] {
            m_exit = run_process_worker_loop(m_child, [](std::string_view name, const ParameterValues&) {
                if (name != "throwing")
                    throw std::invalid_argument("unknown workload '" + std::string(name) + "'");
                return std::make_unique<ThrowingWorkload>();
            });
        });
    }
    void TearDown() override
    {
        if (m_parent >= 0)
            ::close(m_parent);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_child);
    }
    void send(const std::vector<std::byte>& bytes)
    {
        ASSERT_EQ(::send(m_parent, bytes.data(), bytes.size(), MSG_NOSIGNAL),
                  static_cast<ssize_t>(bytes.size()));
    }
    Frame next_frame()
    {
        std::byte buffer[4096];
        while (true) {
            if (auto frame = m_decoder.next())
                return *frame;
            const ssize_t n = ::recv(m_parent, buffer, sizeof buffer, 0);
            if (n <= 0)
                throw std::runtime_error("worker loop closed the socket");
            m_decoder.feed(std::span(buffer, static_cast<std::size_t>(n)));
        }
    }
    int finish()
    {
        ::close(m_parent);
        m_parent = -1;
        m_thread.join();
        return m_exit;
    }

    int m_parent = -1;
    int m_child = -1;
    int m_exit = -1;
    std::thread m_thread;
    FrameDecoder m_decoder;
};

} // namespace

TEST_F(WorkerLoop, RunsTasksAndReportsAThrowingTaskWithItsIndex)
{
    EXPECT_EQ(next_frame().type, FrameType::Ready);
    std::vector<std::byte> out;
    append_setup(out, {"throwing", {}, 0});
    append_task(out, 1, false, {});
    append_task(out, 2, false, {});
    append_task(out, 3, false, {});
    send(out);
    auto frame = next_frame();
    ASSERT_EQ(frame.type, FrameType::Result);
    EXPECT_TRUE(decode_result(frame.payload).partial.exact == 10);
    frame = next_frame();
    ASSERT_EQ(frame.type, FrameType::Failed);
    const auto failed = decode_failed(frame.payload);
    EXPECT_EQ(failed.task, 2u);
    EXPECT_EQ(failed.message, "task two always breaks");
    frame = next_frame();
    ASSERT_EQ(frame.type, FrameType::Result);
    EXPECT_EQ(decode_result(frame.payload).task, 3u);
    EXPECT_EQ(finish(), 0);
}

TEST_F(WorkerLoop, RefusesATaskIndexTheWorkloadDoesNotHave)
{
    EXPECT_EQ(next_frame().type, FrameType::Ready);
    std::vector<std::byte> out;
    append_setup(out, {"throwing", {}, 0});
    append_task(out, 100000, false, {});
    send(out);
    const auto frame = next_frame();
    ASSERT_EQ(frame.type, FrameType::Failed);
    const auto failed = decode_failed(frame.payload);
    EXPECT_EQ(failed.task, 100000u);
    EXPECT_THAT(failed.message, HasSubstr("does not exist"));
    EXPECT_EQ(finish(), 0);
}

TEST_F(WorkerLoop, ReportsAWorkloadItCannotBuild)
{
    EXPECT_EQ(next_frame().type, FrameType::Ready);
    std::vector<std::byte> out;
    append_setup(out, {"nonesuch", {}, 0});
    append_task(out, 0, false, {});
    send(out);
    auto failed = decode_failed(next_frame().payload);
    EXPECT_FALSE(failed.task.has_value());
    EXPECT_THAT(failed.message, HasSubstr("unknown workload 'nonesuch'"));
    failed = decode_failed(next_frame().payload);
    EXPECT_EQ(failed.task, 0u);
    EXPECT_THAT(failed.message, HasSubstr("no workload"));
    EXPECT_EQ(finish(), 0);
}

TEST_F(WorkerLoop, ExitsWithAnErrorCodeOnACorruptFrame)
{
    EXPECT_EQ(next_frame().type, FrameType::Ready);
    auto out = encode_frame(FrameType::Task, {});
    out[1] = std::byte{0};
    send(out);
    m_thread.join();
    EXPECT_EQ(m_exit, 2);
}

TEST_F(WorkerLoop, ExitsWithAnErrorCodeWhenTheStreamEndsInsideAFrame)
{
    EXPECT_EQ(next_frame().type, FrameType::Ready);
    auto out = encode_frame(FrameType::Task, bytes_of("0123456789abcdef"));
    out.resize(out.size() - 4);
    send(out);
    EXPECT_EQ(finish(), 2);
}
