#pragma once

#include "executors/cluster/cluster_executor.h"
#include "executors/cluster/launched_job.h"
#include "executors/cluster/rank_report.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parlab {

/// One run of a launched job: reads the dealer rank's reports until every task is done, the job
/// ends, the launch times out or the run is cancelled; then makes sure the job is gone. Throws
/// nothing about the run itself: the outcome says how it ended.
class ClusterRun {
public:
    enum class Status { Finished, Failed, Cancelled };

    struct Outcome {
        Status status = Status::Finished;
        std::string message;
        std::optional<std::size_t> task;
        Run run;
        std::vector<RankInfo> ranks;
    };

    ClusterRun(LaunchedJob& job, const Workload& workload, const ExecutorOptions& options,
               std::chrono::milliseconds launch_timeout, std::int64_t start_ns);

    Outcome execute();

private:
    void handle(const rank_report::Line& line);
    void take_lines();
    void fail(std::string message, std::optional<std::size_t> task);
    /// Why the job ended early, from what the launcher said on its standard error.
    [[nodiscard]] std::string why_it_ended() const;
    [[nodiscard]] std::size_t joined() const;

    LaunchedJob& m_job;
    const Workload& m_workload;
    const ExecutorOptions& m_options;
    std::chrono::milliseconds m_launch_timeout;
    std::int64_t m_start_ns;
    std::size_t m_tasks;
    std::string m_out;
    std::string m_err;
    std::vector<RankInfo> m_ranks;
    std::vector<bool> m_joined;
    std::vector<Partial> m_partials;
    std::vector<bool> m_have;
    std::size_t m_tasks_done = 0;
    std::vector<TraceEvent> m_events;
    RunCosts m_costs;
    std::int64_t m_ready_ns = 0;        ///< 0 until every rank is ready
    std::int64_t m_parent_shift_ns = 0; ///< dealer clock minus this process's, when on another host
    std::int64_t m_parse_ns = 0;
    bool m_done = false;
    std::optional<Outcome> m_failure;
};

} // namespace parlab
