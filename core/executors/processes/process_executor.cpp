#include "executors/processes/process_executor.h"

#include "executors/processes/process_pool.h"
#include "executors/processes/process_run.h"
#include "executors/run_error.h"
#include "executors/worker_count_error.h"
#include "trace/trace_event.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace parlab {

namespace {

std::size_t logical_cpus()
{
    const long count = ::sysconf(_SC_NPROCESSORS_ONLN);
    return count > 0 ? static_cast<std::size_t>(count) : 1;
}

// Tasks (threads) of user `uid` now running: what RLIMIT_NPROC counts.
std::size_t tasks_of_user(uid_t uid)
{
    std::size_t count = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
        const auto name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream status(entry.path() / "status");
        std::string line;
        bool mine = false;
        while (std::getline(status, line)) {
            if (line.rfind("Uid:", 0) == 0)
                mine = std::strtoul(line.c_str() + 4, nullptr, 10) == uid;
            else if (line.rfind("Threads:", 0) == 0 && mine)
                count += std::strtoul(line.c_str() + 8, nullptr, 10);
        }
    }
    return count;
}

// Every thread of every user, from /proc/loadavg ("0.1 0.2 0.3 1/234 567"): an upper bound of
// tasks_of_user() that costs one read, where counting per user reads all of /proc.
std::size_t threads_on_machine()
{
    std::ifstream loadavg("/proc/loadavg");
    std::string field;
    for (int i = 0; i < 4 && loadavg >> field; ++i) {
    }
    const auto slash = field.find('/');
    if (slash == std::string::npos)
        return std::numeric_limits<std::size_t>::max() / 2; // unknown: count per user
    return std::strtoul(field.c_str() + slash + 1, nullptr, 10);
}

} // namespace

ProcessExecutor::ProcessExecutor() : ProcessExecutor(default_worker_program())
{
}

ProcessExecutor::ProcessExecutor(std::string worker_program) : m_program(std::move(worker_program))
{
}

ProcessExecutor::~ProcessExecutor()
{
    shutdown();
}

std::string ProcessExecutor::default_worker_program()
{
    if (const char* path = std::getenv("PARLAB_WORKER"); path != nullptr && *path != '\0')
        return path;
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return "parlab-worker";
    return (self.parent_path() / "parlab-worker").string();
}

namespace {

// The most workers allowed now, and why that many.
std::size_t allowed_workers(std::string& why)
{
    const std::size_t cpus = logical_cpus();
    std::size_t allowed = max_workers_per_cpu * cpus;
    why = std::to_string(max_workers_per_cpu) + " × " + std::to_string(cpus) + " logical CPUs";
    rlimit limit{};
    const uid_t uid = ::getuid();
    // Root is not held to RLIMIT_NPROC; counting /proc only matters when a limit applies.
    if (uid != 0 && ::getrlimit(RLIMIT_NPROC, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
        limit.rlim_cur < threads_on_machine() + allowed) {
        const std::size_t running = tasks_of_user(uid);
        const std::size_t room =
            limit.rlim_cur > running ? static_cast<std::size_t>(limit.rlim_cur) - running : 0;
        if (room < allowed) {
            allowed = room;
            why = "the process limit RLIMIT_NPROC " + std::to_string(limit.rlim_cur) + " minus " +
                  std::to_string(running) + " already running";
        }
    }
    return allowed;
}

} // namespace

std::size_t ProcessExecutor::max_workers() const
{
    std::string why;
    return allowed_workers(why);
}

void ProcessExecutor::check_workers(std::size_t workers) const
{
    std::string why;
    const std::size_t allowed = allowed_workers(why);
    if (workers == 0 || workers > allowed)
        throw WorkerCountError("workers: " + std::to_string(workers) +
                               " is out of range for processes; allowed 1 .. " + std::to_string(allowed) +
                               " (" + why + ")");
}

std::vector<std::int32_t> ProcessExecutor::worker_pids() const
{
    std::vector<std::int32_t> pids;
    if (m_pool)
        for (std::size_t i = 0; i < m_pool->size(); ++i)
            pids.push_back(static_cast<std::int32_t>(m_pool->worker(i).pid()));
    return pids;
}

double ProcessExecutor::shutdown()
{
    if (!m_pool)
        return 0.0;
    m_last_teardown_s = m_pool->shutdown(false);
    m_pool.reset();
    return m_last_teardown_s;
}

Run ProcessExecutor::run(const Workload& workload, const ExecutorOptions& options)
{
    check_options(options);
    double teardown_s = 0.0;
    // A pool started by another thread dies with that thread: start a fresh one for this thread.
    if (m_pool && (m_pool->owner() != std::this_thread::get_id() || !m_pool->healthy()))
        teardown_s += shutdown();
    const std::int64_t start = steady_now_ns();
    double startup_s = 0.0; // stays 0 when the warm pool is reused: nothing was started
    try {
        if (!m_pool) {
            std::error_code error;
            if (!std::filesystem::is_regular_file(m_program, error))
                throw std::runtime_error("the worker program was not found at '" + m_program +
                                         "' (build parlab-worker, or set PARLAB_WORKER to its path)");
            if (::access(m_program.c_str(), X_OK) != 0)
                throw std::runtime_error("the worker program '" + m_program + "' is not executable");
            m_pool = std::make_unique<ProcessPool>(m_program, options.workers, options.retries);
            startup_s = m_pool->startup_s();
        } else {
            // A sweep's next, larger W starts only the workers it adds; a smaller W uses the
            // first W of the pool and keeps the rest warm.
            startup_s = m_pool->grow(options.workers, options.retries);
        }
    } catch (...) {
        if (m_pool) {
            m_last_teardown_s = m_pool->shutdown(true);
            m_pool.reset();
        }
        throw;
    }
    m_pool->set_liveness(m_liveness);

    ProcessRun::Outcome outcome;
    try {
        outcome = ProcessRun(*m_pool, workload, options).execute(startup_s);
    } catch (...) {
        m_last_teardown_s = m_pool->shutdown(true);
        m_pool.reset();
        throw;
    }
    outcome.run.wall_s = seconds_since(start);
    if (outcome.status != ProcessRun::Status::Finished) {
        // The pool holds tasks that cannot be interrupted or half-sent frames: it cannot be reused.
        m_last_teardown_s = m_pool->shutdown(true);
        m_pool.reset();
        teardown_s += m_last_teardown_s;
    }
    outcome.run.costs.teardown_s = teardown_s;
    if (outcome.status == ProcessRun::Status::Cancelled)
        throw RunCancelled(std::move(outcome.run));
    if (outcome.status == ProcessRun::Status::Failed)
        throw RunError(outcome.message, outcome.task, std::move(outcome.run));
    return std::move(outcome.run);
}

} // namespace parlab
