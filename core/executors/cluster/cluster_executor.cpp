#include "executors/cluster/cluster_executor.h"

#include "executors/cluster/cluster_run.h"
#include "executors/cluster/hostfile.h"
#include "executors/cluster/launched_job.h"
#include "executors/run_error.h"
#include "sweep/worker_range.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace parlab {

namespace {

std::size_t logical_cpus()
{
    const long count = ::sysconf(_SC_NPROCESSORS_ONLN);
    return count > 0 ? static_cast<std::size_t>(count) : 1;
}

std::vector<std::string> split_words(const std::string& line, std::size_t workers)
{
    std::vector<std::string> words;
    std::istringstream in(line);
    for (std::string word; in >> word;) {
        for (std::size_t at; (at = word.find("{W}")) != std::string::npos;)
            word.replace(at, 3, std::to_string(workers));
        words.push_back(word);
    }
    return words;
}

// Read by every new executor, on whichever thread constructs it; written by the command line or the
// window's hostfile editor.
std::mutex defaults_mutex;
ClusterConfig default_config; // guarded by defaults_mutex

} // namespace

ClusterConfig ClusterExecutor::defaults()
{
    const std::lock_guard lock(defaults_mutex);
    return default_config;
}

void ClusterExecutor::set_defaults(ClusterConfig config)
{
    const std::lock_guard lock(defaults_mutex);
    default_config = std::move(config);
}

void ClusterExecutor::set_default_hostfile(std::string hostfile)
{
    const std::lock_guard lock(defaults_mutex);
    default_config.hostfile = std::move(hostfile);
}

std::string ClusterExecutor::default_rank_program()
{
    if (const char* path = std::getenv("PARLAB_RANK"); path != nullptr && *path != '\0')
        return path;
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error)
        return "parlab-rank";
    return (self.parent_path() / "parlab-rank").string();
}

ClusterExecutor::ClusterExecutor() : ClusterExecutor(defaults())
{
}

ClusterExecutor::ClusterExecutor(ClusterConfig config) : m_config(std::move(config))
{
    if (m_config.rank_program.empty())
        m_config.rank_program = default_rank_program();
}

std::size_t ClusterExecutor::max_workers() const
{
    if (!m_config.hostfile.empty() && m_config.launcher.empty())
        return total_slots(read_hostfile(m_config.hostfile));
    return max_workers_per_cpu * logical_cpus();
}

void ClusterExecutor::check_workers(std::size_t workers) const
{
    if (!m_config.hostfile.empty() && m_config.launcher.empty()) {
        // On machines of its own a class shares, parlab never crowds more ranks onto a host than
        // the hostfile offers: that is the teacher's call, made by raising slots.
        const std::size_t slots = total_slots(read_hostfile(m_config.hostfile));
        if (workers == 0 || workers > slots)
            throw std::invalid_argument("workers: " + std::to_string(workers) +
                                        " is out of range for cluster; " + m_config.hostfile + " offers " +
                                        std::to_string(slots) +
                                        " slots (raise slots=N there to run more ranks per host)");
        return;
    }
    Executor::check_workers(workers);
}

std::vector<std::string> ClusterExecutor::launch_line(const Workload& workload,
                                                      const ExecutorOptions& options) const
{
    std::vector<std::string> line;
    if (!m_config.launcher.empty()) {
        // A batch system's launcher is the site's: parlab adds none of its own flags.
        line = split_words(m_config.launcher, options.workers);
        if (line.empty())
            throw std::invalid_argument("--launcher is empty");
    } else {
        line = {"mpirun", "-np", std::to_string(options.workers)};
        // Open MPI refuses root unless told; a classroom VM often runs as root. A normal user on
        // a real cluster never gets the flag.
        if (::geteuid() == 0)
            line.push_back("--allow-run-as-root");
        // Rank 0 runs the dealer beside its own compute thread: pinning it to one core would make
        // them take turns. The processes backend does not pin either.
        line.insert(line.end(), {"--bind-to", "none"});
        if (!m_config.hostfile.empty()) {
            line.insert(line.end(), {"--hostfile", m_config.hostfile});
        } else {
            // This machine alone: every logical CPU is a slot, and a sweep past them is the
            // lesson (oversubscription), so it is allowed here, and only here.
            line.push_back("--use-hwthread-cpus");
            if (options.workers > logical_cpus())
                line.push_back("--oversubscribe");
        }
    }
    line.push_back(m_config.rank_program);
    line.push_back(workload.name());
    line.push_back(std::string(to_string(options.schedule)));
    line.push_back(std::to_string(options.chunk));
    for (const auto& [key, value] : workload.parameters().values())
        line.push_back(key + "=" + value);
    return line;
}

Run ClusterExecutor::run(const Workload& workload, const ExecutorOptions& options)
{
    // Every rank recomputes its inputs, and a lost rank ends the MPI job: the traits refuse
    // shipping and retries in the same words as for every backend.
    check_options(options);
    if (!m_config.hostfile.empty())
        read_hostfile(m_config.hostfile); // a bad line is named before anything starts
    const std::vector<std::string> line = launch_line(workload, options);
    if (LaunchedJob::find_program(line.front()).empty())
        throw std::runtime_error("'" + line.front() + "' was not found on PATH" +
                                 (m_config.launcher.empty()
                                      ? " (install Open MPI: apt install openmpi-bin; or give --launcher)"
                                      : ""));
    if (LaunchedJob::find_program(m_config.rank_program).empty())
        throw std::runtime_error("the rank program was not found at '" + m_config.rank_program +
                                 "' (build parlab-rank, or set PARLAB_RANK to its path)");

    m_ranks.clear();
    const std::int64_t start = steady_now_ns();
    LaunchedJob job(line);
    ClusterRun::Outcome outcome =
        ClusterRun(job, workload, options, m_config.launch_timeout, start).execute();
    outcome.run.wall_s = seconds_since(start);
    m_ranks = std::move(outcome.ranks);
    if (outcome.status == ClusterRun::Status::Cancelled)
        throw RunCancelled(std::move(outcome.run));
    if (outcome.status == ClusterRun::Status::Failed)
        throw RunError(outcome.message, outcome.task, std::move(outcome.run));
    return std::move(outcome.run);
}

} // namespace parlab
