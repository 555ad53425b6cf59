// Shipping inputs through shared memory: the same checksums as the serial run, the same faults
// survived as with the socket, and no region left behind by a run however it ends.
#include "executors/processes/process_executor.h"
#include "executors/processes/wire/process_frame_decoder.h"
#include "executors/processes/wire/process_messages.h"
#include "executors/run_error.h"
#include "executors/ship_via.h"
#include "executors/threads_executor.h"
#include "small_workloads.h"
#include "workloads/workload_registry.h"

#include "process_test_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace parlab;
using namespace parlab::test;
using ::testing::HasSubstr;

namespace {

ExecutorOptions shm_options(std::size_t workers, Schedule schedule = Schedule::Dynamic)
{
    ExecutorOptions options;
    options.workers = workers;
    options.schedule = schedule;
    options.ship_inputs = true;
    options.ship_via = ShipVia::Shm;
    return options;
}

// Descriptors this process holds, and how many of them are shared input regions.
struct OpenFds {
    std::size_t all = 0;
    std::size_t regions = 0;
    friend bool operator==(const OpenFds&, const OpenFds&) = default;
};

OpenFds open_fds(const std::string& process = "self")
{
    OpenFds fds;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/" + process + "/fd")) {
        ++fds.all;
        std::error_code error;
        const auto target = std::filesystem::read_symlink(entry.path(), error);
        if (!error && target.string().find("parlab-inputs") != std::string::npos)
            ++fds.regions;
    }
    return fds;
}

// Mappings of a shared input region in a process.
std::size_t region_mappings(std::int32_t pid)
{
    std::ifstream maps("/proc/" + std::to_string(pid) + "/maps");
    std::size_t count = 0;
    for (std::string line; std::getline(maps, line);)
        count += line.find("parlab-inputs") != std::string::npos ? 1 : 0;
    return count;
}

class ShipViaShmSameAsSerial : public ::testing::TestWithParam<SmallWorkload> {};

} // namespace

TEST(ShipVia, WordsRoundTripAndBadOnesAreNamed)
{
    for (const ShipVia via : {ShipVia::Socket, ShipVia::Shm})
        EXPECT_EQ(parse_ship_via(to_string(via)), via);
    EXPECT_EQ(to_string(ShipVia::Shm), "shm");
    try {
        static_cast<void>(parse_ship_via("bogus"));
        ADD_FAILURE() << "'bogus' was taken for a way to ship";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("socket | shm, got 'bogus'"));
    }
}

TEST_P(ShipViaShmSameAsSerial, AtOneTwoAndThreeWorkers)
{
    ASSERT_TRUE(GetParam().listed) << "no small parameters for '" << GetParam().workload << "'";
    const auto workload = WorkloadRegistry::create(GetParam().workload, GetParam().values);
    const Checksum expected = serial_checksum(*workload);
    std::uint64_t input_bytes = 0;
    for (std::size_t task = 0; task < workload->task_count(); ++task)
        input_bytes += workload->serialize_inputs(task).size();
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const std::size_t workers : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
            const parlab::Run run = executor.run(*workload, shm_options(workers, schedule));
            const std::string label = "W=" + std::to_string(workers) + " " + std::string(to_string(schedule));
            EXPECT_EQ(run.checksum, expected) << label;
            EXPECT_EQ(run.tasks_done, workload->task_count()) << label;
            // The region's bytes count as shipped, beside the (small) task frames on the socket.
            EXPECT_GE(run.costs.bytes_sent, input_bytes) << label;
        }
    }
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

INSTANTIATE_TEST_SUITE_P(Workloads, ShipViaShmSameAsSerial, ::testing::ValuesIn(small_workloads()),
                         [](const auto& param_info) { return param_info.param.workload; });

TEST(ShipViaShm, RegionsGrowWhenMoreIsInFlightThanTheFirstHolds)
{
    // Static dealing keeps 16 tasks in flight; 16 matrices of 128×128 doubles are 2 MiB, more
    // than a first region holds, so the region is replaced while tasks in the old one still run.
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "40"}, {"dim", "128"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const std::size_t workers : {std::size_t{1}, std::size_t{2}}) {
        auto options = shm_options(workers, Schedule::Static);
        options.chunk = 1;
        EXPECT_EQ(executor.run(*workload, options).checksum, serial_checksum(*workload)) << workers;
    }
    executor.shutdown();
}

TEST(ShipViaShm, AKilledWorkersTasksAreRetriedOnAFreshRegion)
{
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "60"}, {"dim", "32"}});
    const Checksum expected = serial_checksum(*workload);
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static}) {
        KillFirstWorker killer;
        auto options = shm_options(2, schedule);
        options.chunk = schedule == Schedule::Static ? 1 : 0;
        options.observer = &killer;
        options.retries = 1;
        const parlab::Run run = executor.run(*workload, options);
        EXPECT_EQ(run.checksum, expected) << to_string(schedule);
        EXPECT_EQ(run.tasks_done, workload->task_count());
        const auto pids = executor.worker_pids();
        EXPECT_EQ(std::count(pids.begin(), pids.end(), killer.pid()), 0);
    }
    executor.shutdown();
    EXPECT_TRUE(no_children_left());
}

TEST(ShipViaShm, AFinishedRunLeavesNoRegionInParentOrWarmWorkers)
{
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "40"}, {"dim", "32"}});
    ProcessExecutor executor(PARLAB_WORKER_PATH);
    ExecutorOptions plain;
    plain.workers = 2;
    static_cast<void>(executor.run(*workload, plain)); // the pool is warm: its sockets are open
    const OpenFds before = open_fds();
    EXPECT_EQ(before.regions, 0u);
    static_cast<void>(executor.run(*workload, shm_options(2)));
    EXPECT_EQ(open_fds(), before);
    // The next run's results come after the workers read the end of the last run's region.
    static_cast<void>(executor.run(*workload, plain));
    for (const auto pid : executor.worker_pids()) {
        EXPECT_EQ(region_mappings(pid), 0u) << "worker " << pid;
        EXPECT_EQ(open_fds(std::to_string(pid)).regions, 0u) << "worker " << pid;
    }
    executor.shutdown();
}

TEST(ShipViaShm, CancelAndFailureLeaveNoDescriptorOpen)
{
    const OpenFds before = open_fds();
    {
        const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "400"}, {"dim", "48"}});
        ProcessExecutor executor(PARLAB_WORKER_PATH);
        auto options = shm_options(2);
        CancelOnFirstTask canceller(options.cancel);
        options.observer = &canceller;
        EXPECT_THROW(static_cast<void>(executor.run(*workload, options)), RunCancelled);
        EXPECT_EQ(open_fds(), before) << "after a cancel";

        const BadInputsEigen bad(WorkloadRegistry::create("eigen", {{"matrices", "8"}, {"dim", "8"}}));
        try {
            static_cast<void>(executor.run(bad, shm_options(2)));
            ADD_FAILURE() << "a task that threw was taken for a result";
        } catch (const RunError& error) {
            EXPECT_THAT(error.what(), HasSubstr("task 3 failed: eigen task inputs must be"));
        }
        EXPECT_EQ(open_fds(), before) << "after a failed task";
    }
    EXPECT_EQ(open_fds(), before);
    EXPECT_TRUE(no_children_left());
}

TEST(ShipViaShm, ThreadsRefuseItAsTheyRefuseShipping)
{
    ThreadsExecutor threads;
    auto options = shm_options(2);
    try {
        threads.check_options(options);
        ADD_FAILURE() << "threads took shipped inputs";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("shipping inputs is not for the threads backend"));
    }
    EXPECT_TRUE(honours(ProcessExecutor::backend_traits, BackendOption::ShipViaShm));
    // A backend that ships over a network cannot share memory with its workers.
    ExecutorTraits remote = ProcessExecutor::backend_traits;
    remote.name = "remote";
    remote.ships_via_shm = false;
    try {
        check_backend_option(remote, BackendOption::ShipViaShm, true);
        ADD_FAILURE() << "shared memory taken by a backend that cannot share it";
    } catch (const std::invalid_argument& error) {
        EXPECT_THAT(error.what(), HasSubstr("shipping inputs through shared memory is not for the remote "
                                            "backend (only for: processes)"));
    }
}

TEST(ShipViaShmWire, ASharedTaskRoundTripsAndIsCheckedAgainstTheMappedSize)
{
    std::vector<std::byte> stream;
    append_region(stream, {4096});
    append_shared_task(stream, 7, {1024, 2048});
    FrameDecoder decoder;
    decoder.feed(stream);
    const auto region = decoder.next();
    ASSERT_TRUE(region);
    ASSERT_EQ(region->type, FrameType::Region);
    EXPECT_EQ(decode_region(region->payload).bytes, 4096u);
    const auto frame = decoder.next();
    ASSERT_TRUE(frame);
    const TaskMessage task = decode_task(frame->payload, 4096);
    EXPECT_EQ(task.task, 7u);
    EXPECT_TRUE(task.shipped);
    ASSERT_TRUE(task.shared);
    EXPECT_EQ(task.shared->offset, 1024u);
    EXPECT_EQ(task.shared->length, 2048u);
    EXPECT_TRUE(task.inputs.empty());
    // One byte past the region, no region at all, and a sum that would wrap round 2^64.
    for (const auto& [span, mapped] :
         std::vector<std::pair<SharedSpan, std::uint64_t>>{{{1024, 3073}, 4096},
                                                           {{0, 1}, 0},
                                                           {{8, ~std::uint64_t{0}}, 4096},
                                                           {{~std::uint64_t{0}, 2}, 4096}}) {
        std::vector<std::byte> bad;
        append_shared_task(bad, 7, span);
        FrameDecoder bad_decoder;
        bad_decoder.feed(bad);
        const auto bad_frame = bad_decoder.next();
        ASSERT_TRUE(bad_frame);
        try {
            static_cast<void>(decode_task(bad_frame->payload, mapped));
            ADD_FAILURE() << "a span outside the region was accepted: " << span.offset << "+" << span.length;
        } catch (const std::runtime_error& error) {
            EXPECT_THAT(error.what(), HasSubstr("outside the shared region of " + std::to_string(mapped)));
        }
    }
}
