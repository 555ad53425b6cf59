#pragma once

#include "executors/executor.h"
#include "executors/rank_info.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parlab {

/// How the cluster backend starts its ranks.
struct ClusterConfig {
    std::string rank_program; ///< the parlab-rank program; empty: default_rank_program()
    std::string hostfile;     ///< Open MPI hostfile; empty: every rank on this machine
    std::string launcher;     ///< a launch line used instead of mpirun ("srun -n {W}"); words split on spaces
    std::chrono::milliseconds launch_timeout{60000}; ///< from starting the launcher to every rank ready
};

/// W MPI ranks of the parlab-rank program, started by mpirun (or a launch line such as srun) for
/// each run. Rank 0 deals the tasks over MPI, computes its share on a thread of its own, and
/// reports hellos, clock offsets, results and trace events on its standard output, which every
/// launcher forwards from whichever host rank 0 landed on; the parlab process reads that stream.
/// So parlab needs no MPI itself, opens no port, and the launch works wherever the launcher does.
class ClusterExecutor : public Executor {
public:
    /// Uses defaults(), with the rank program from $PARLAB_RANK or beside the running program.
    ClusterExecutor();
    explicit ClusterExecutor(ClusterConfig config);

    static constexpr ExecutorTraits backend_traits{
        .name = "cluster",
        .display_name = "cluster (MPI)",
        .worker_word = "rank",
        .workers_word = "ranks",
        .summary = "W MPI ranks started by mpirun on this machine or the hosts of a hostfile",
        .shares_memory = false,
        .ships_inputs = false,
        .retries = false,
    };
    [[nodiscard]] const ExecutorTraits& traits() const override { return backend_traits; }
    /// The hostfile's slots when one is given; else 4 × logical CPUs.
    [[nodiscard]] std::size_t max_workers() const override;
    void check_workers(std::size_t workers) const override;
    /// Throws std::invalid_argument for a bad hostfile or worker count, std::runtime_error when
    /// the launcher or rank program is missing, RunError when a rank dies, a task fails or the
    /// launch times out (after every rank has gone), RunCancelled when cancelled.
    Run run(const Workload& workload, const ExecutorOptions& options) override;

    /// The launch line a run with these options uses (mpirun and its flags, then the rank program).
    [[nodiscard]] std::vector<std::string> launch_line(const Workload& workload,
                                                       const ExecutorOptions& options) const;
    /// The ranks of the latest run, by rank, with their clock offsets.
    [[nodiscard]] const std::vector<RankInfo>& last_ranks() const { return m_ranks; }
    [[nodiscard]] const ClusterConfig& config() const { return m_config; }

    /// The settings new cluster executors start from (set by the command line or the window), as
    /// a copy taken under a lock: the window's run and break-even threads construct executors
    /// while the GUI thread changes the hostfile.
    static ClusterConfig defaults();
    static void set_defaults(ClusterConfig config);
    /// Sets only the defaults' hostfile (empty: every rank on this machine).
    static void set_default_hostfile(std::string hostfile);
    /// $PARLAB_RANK, else parlab-rank in the directory of /proc/self/exe.
    static std::string default_rank_program();

private:
    ClusterConfig m_config;
    std::vector<RankInfo> m_ranks;
};

} // namespace parlab
