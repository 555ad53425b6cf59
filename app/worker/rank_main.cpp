// The MPI rank program of the cluster backend, started by mpirun (or srun) as W ranks:
//   parlab-rank WORKLOAD static|dynamic CHUNK [KEY=VALUE ...]
// Rank 0 deals and reports to the parlab process on its standard output; see ClusterExecutor.
#include "executors/cluster/rank_report.h"
#include "rank_dealer.h"
#include "rank_messages.h"
#include "workloads/workload_registry.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <mpi.h>
#include <string>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

namespace {

using namespace parlab;

// Ping-pongs per rank at start-up; the shortest round trip gives the offset (as MPI tracing tools do).
constexpr int clock_rounds = 20;
constexpr std::size_t hello_size = 512;
constexpr auto idle_sleep = std::chrono::microseconds(50);

std::string cpu_model()
{
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(line.find_first_not_of(' ', colon + 1));
        }
    return "unknown";
}

[[noreturn]] void fail_job(int rank, const std::string& message)
{
    if (rank == 0) {
        std::fputs(rank_report::format(rank_report::Failed{std::nullopt, message}).c_str(), stdout);
        std::fflush(stdout);
    }
    MPI_Abort(MPI_COMM_WORLD, 3);
    std::_Exit(3);
}

// Every rank's hello reaches rank 0, which reports them.
void say_hello(int rank, int ranks)
{
    char hello[hello_size] = {};
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    std::snprintf(hello, sizeof hello, "%s\t%d\t%u\t%s", host, static_cast<int>(::getpid()),
                  std::thread::hardware_concurrency(), cpu_model().c_str());
    std::vector<char> all(rank == 0 ? hello_size * static_cast<std::size_t>(ranks) : 0);
    MPI_Gather(hello, hello_size, MPI_CHAR, all.data(), hello_size, MPI_CHAR, 0, MPI_COMM_WORLD);
    if (rank != 0)
        return;
    for (int r = 0; r < ranks; ++r) {
        const std::string text(all.data() + static_cast<std::size_t>(r) * hello_size);
        auto field = [&text](int n) {
            std::size_t start = 0;
            for (int i = 0; i < n; ++i)
                start = text.find('\t', start) + 1;
            return text.substr(start, n == 3 ? std::string::npos : text.find('\t', start) - start);
        };
        std::fputs(rank_report::format(
                       rank_report::Hello{static_cast<std::uint32_t>(r), field(0), std::stoi(field(1)),
                                          static_cast<std::uint32_t>(std::stoul(field(2))), field(3)})
                       .c_str(),
                   stdout);
    }
}

// Rank 0 measures each rank's clock against its own; returns the offsets (rank's clock − rank 0's).
std::vector<std::int64_t> measure_clocks(int rank, int ranks)
{
    std::vector<std::int64_t> offsets(static_cast<std::size_t>(ranks), 0);
    if (rank != 0) {
        for (int i = 0; i < clock_rounds; ++i) {
            MPI_Recv(nullptr, 0, MPI_BYTE, 0, rank_messages::Ping, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            const std::int64_t now = steady_now_ns();
            MPI_Send(&now, 1, MPI_INT64_T, 0, rank_messages::Pong, MPI_COMM_WORLD);
        }
        return offsets;
    }
    for (int r = 1; r < ranks; ++r) {
        std::int64_t best = std::numeric_limits<std::int64_t>::max();
        for (int i = 0; i < clock_rounds; ++i) {
            const std::int64_t sent = steady_now_ns();
            MPI_Send(nullptr, 0, MPI_BYTE, r, rank_messages::Ping, MPI_COMM_WORLD);
            std::int64_t theirs = 0;
            MPI_Recv(&theirs, 1, MPI_INT64_T, r, rank_messages::Pong, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            const std::int64_t back = steady_now_ns();
            if (back - sent < best) {
                best = back - sent;
                offsets[static_cast<std::size_t>(r)] = theirs - (sent + back) / 2;
            }
        }
        std::fputs(rank_report::format(rank_report::Clock{static_cast<std::uint32_t>(r),
                                                          offsets[static_cast<std::size_t>(r)], best / 2})
                       .c_str(),
                   stdout);
    }
    return offsets;
}

// Ranks other than 0: run the tasks they are sent until told to stop.
void serve(const Workload& workload)
{
    const CancelToken never;
    std::vector<std::int64_t> tasks;
    for (;;) {
        int flag = 0;
        MPI_Status status;
        MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
        if (flag == 0) {
            // MPI_Recv would spin on a CPU that an oversubscribed neighbour needs.
            std::this_thread::sleep_for(idle_sleep);
            continue;
        }
        int count = 0;
        MPI_Get_count(&status, MPI_INT64_T, &count);
        tasks.resize(static_cast<std::size_t>(count));
        MPI_Recv(tasks.data(), count, MPI_INT64_T, 0, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (status.MPI_TAG == rank_messages::Stop)
            return;
        for (const std::int64_t task : tasks) {
            rank_messages::ResultMessage result;
            result.task = task;
            result.pid = static_cast<std::int32_t>(::getpid());
            result.start_ns = steady_now_ns();
            try {
                const Partial partial = workload.run_task(static_cast<std::size_t>(task), never);
                result.end_ns = steady_now_ns();
                result.cpu = current_cpu();
                result.exact_high = static_cast<std::uint64_t>(partial.exact >> 64);
                result.exact_low = static_cast<std::uint64_t>(partial.exact);
                result.sum = partial.sum;
                result.extra = partial.extra;
            } catch (const std::exception& error) {
                const std::string text = std::to_string(task) + "\t" + error.what();
                MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, rank_messages::Failed,
                         MPI_COMM_WORLD);
                continue;
            }
            MPI_Send(&result, sizeof result, MPI_BYTE, 0, rank_messages::Result, MPI_COMM_WORLD);
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 4) {
        std::fprintf(stderr,
                     "usage: %s WORKLOAD static|dynamic CHUNK [KEY=VALUE ...]\n"
                     "(started as MPI ranks by parlab's cluster backend, not by hand)\n",
                     argv[0]);
        return 64;
    }
    // A launcher that dies without stopping its ranks takes them along, even mid-task.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank = 0;
    int ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    // Only rank 0 speaks to parlab on standard output; anything else a rank prints goes to stderr.
    if (rank != 0)
        ::dup2(2, 1);

    std::unique_ptr<Workload> workload;
    Schedule schedule = Schedule::Dynamic;
    std::size_t chunk = 0;
    try {
        ParameterValues values;
        for (int i = 4; i < argc; ++i) {
            const char* equals = std::strchr(argv[i], '=');
            if (equals == nullptr)
                throw std::invalid_argument(std::string("expected KEY=VALUE, got '") + argv[i] + "'");
            values[std::string(argv[i], static_cast<std::size_t>(equals - argv[i]))] = equals + 1;
        }
        schedule = parse_schedule(argv[2]);
        chunk = static_cast<std::size_t>(std::stoull(argv[3]));
        workload = WorkloadRegistry::create(argv[1], values);
    } catch (const std::exception& error) {
        fail_job(rank, std::string("parlab-rank: ") + error.what());
    }

    say_hello(rank, ranks);
    const auto offsets = measure_clocks(rank, ranks);
    int code = 0;
    if (rank == 0) {
        std::fputs(rank_report::format(rank_report::Ready{steady_now_ns()}).c_str(), stdout);
        std::fflush(stdout);
        code = RankDealer(*workload, ranks, schedule, chunk, offsets).run();
    } else {
        serve(*workload);
    }
    MPI_Finalize();
    return code;
}
