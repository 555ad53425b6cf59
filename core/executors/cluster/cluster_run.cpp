#include "executors/cluster/cluster_run.h"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <regex>
#include <set>
#include <stdexcept>

namespace parlab {

namespace {

constexpr int poll_tick_ms = 20;
// Kept of the launcher's standard error, for the message of a failed run.
constexpr std::size_t stderr_kept = 16384;
// mpirun passes SIGTERM on to every rank on every host and cleans up its daemons: this long
// before its process group is killed outright.
constexpr std::chrono::milliseconds stop_grace{5000};
// A job that has reported "done" only has to finalize MPI and exit.
constexpr std::chrono::milliseconds exit_grace{10000};

std::string last_lines(const std::string& text, std::size_t count)
{
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' '))
        --end;
    std::size_t start = end;
    for (std::size_t lines = 0; start > 0 && lines < count; --start)
        if (text[start - 1] == '\n' && ++lines == count)
            break;
    std::string out = text.substr(start, end - start);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

} // namespace

ClusterRun::ClusterRun(LaunchedJob& job, const Workload& workload, const ExecutorOptions& options,
                       std::chrono::milliseconds launch_timeout, std::int64_t start_ns)
    : m_job(job), m_workload(workload), m_options(options), m_launch_timeout(launch_timeout),
      m_start_ns(start_ns), m_tasks(workload.task_count()), m_ranks(options.workers),
      m_joined(options.workers, false), m_partials(m_tasks), m_have(m_tasks, false)
{
    m_costs.compute_s_per_worker.assign(options.workers, 0.0);
    m_events.reserve(m_tasks);
    if (m_options.observer != nullptr)
        m_options.observer->set_up(options.workers);
}

std::size_t ClusterRun::joined() const
{
    return static_cast<std::size_t>(std::count(m_joined.begin(), m_joined.end(), true));
}

void ClusterRun::fail(std::string message, std::optional<std::size_t> task)
{
    if (!m_failure)
        m_failure = Outcome{Status::Failed, std::move(message), task, {}, {}};
}

void ClusterRun::handle(const rank_report::Line& line)
{
    using namespace rank_report;
    if (const auto* hello = std::get_if<Hello>(&line)) {
        if (hello->rank >= m_ranks.size())
            throw std::runtime_error("a hello from rank " + std::to_string(hello->rank) + " of " +
                                     std::to_string(m_ranks.size()));
        m_ranks[hello->rank] = {hello->rank, hello->host, hello->pid, hello->cpus, hello->cpu_model, 0, 0};
        m_joined[hello->rank] = true;
    } else if (const auto* clock = std::get_if<Clock>(&line)) {
        if (clock->rank >= m_ranks.size())
            throw std::runtime_error("a clock of rank " + std::to_string(clock->rank));
        m_ranks[clock->rank].clock_offset_ns = clock->offset_ns;
        m_ranks[clock->rank].clock_uncertainty_ns = clock->uncertainty_ns;
    } else if (const auto* ready = std::get_if<Ready>(&line)) {
        m_ready_ns = steady_now_ns();
        m_costs.startup_s = static_cast<double>(m_ready_ns - m_start_ns) * 1e-9;
        // A dealer on another host has another clock: shift its times onto this one. The line
        // took the launcher's forwarding to arrive, so this is good to about a millisecond.
        if (!m_ranks.empty() && m_ranks[0].host != host_name())
            m_parent_shift_ns = ready->now_ns - m_ready_ns;
        if (m_options.observer != nullptr) {
            try {
                m_options.observer->on_joined(m_ranks);
            } catch (const std::exception& error) {
                fail("the run's observer failed when the ranks joined: " + std::string(error.what()),
                     std::nullopt);
            }
        }
    } else if (const auto* task = std::get_if<Task>(&line)) {
        TraceEvent event = task->event;
        if (event.task >= m_tasks || event.worker >= m_ranks.size() || m_have[event.task])
            throw std::runtime_error("a result for task " + std::to_string(event.task) + " from rank " +
                                     std::to_string(event.worker) + " that was not expected");
        event.start_ns -= m_parent_shift_ns;
        event.end_ns -= m_parent_shift_ns;
        m_partials[event.task] = task->partial;
        m_have[event.task] = true;
        ++m_tasks_done;
        m_costs.compute_s_per_worker[event.worker] +=
            static_cast<double>(event.end_ns - event.start_ns) * 1e-9;
        m_events.push_back(event);
        if (m_options.observer != nullptr) {
            try {
                m_options.observer->on_task_done(event.worker, event);
            } catch (const std::exception& error) {
                fail("the run's observer failed after task " + std::to_string(event.task) + ": " +
                         error.what(),
                     event.task);
            }
        }
    } else if (const auto* failed = std::get_if<Failed>(&line)) {
        if (failed->task)
            fail("task " + std::to_string(*failed->task) + " failed: " + failed->message, *failed->task);
        else
            fail(failed->message, std::nullopt);
    } else if (const auto* done = std::get_if<Done>(&line)) {
        m_done = true;
        m_costs.ship_s += static_cast<double>(done->ship_ns) * 1e-9;
        m_costs.bytes_sent += done->bytes;
    }
}

void ClusterRun::take_lines()
{
    std::size_t start = 0;
    for (std::size_t end; (end = m_out.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string_view line(m_out.data() + start, end - start);
        m_costs.bytes_received += line.size() + 1;
        try {
            if (const auto report = rank_report::parse(line))
                handle(*report);
        } catch (const std::runtime_error& error) {
            fail("a report of rank 0 made no sense (" + std::string(error.what()) + "): '" +
                     std::string(line) + "'",
                 std::nullopt);
        }
    }
    m_out.erase(0, start);
}

std::string ClusterRun::why_it_ended() const
{
    // mpirun's own words: "mpirun noticed that process rank 1 with PID 1234 on node a exited on
    // signal 9 (Killed)." (or "... exited with status 3").
    static const std::regex died(
        R"(process rank (\d+) with PID (\d+) on node (\S+) (exited on signal \d+( \([^)]*\))?|exited with status \d+))");
    std::smatch match;
    if (std::regex_search(m_err, match, died))
        return "rank " + match[1].str() + " (pid " + match[2].str() + " on " + match[3].str() + ") " +
               match[4].str();
    // ssh says why a host cannot be reached in one line; mpirun's own page of advice does not.
    static const std::regex ssh(
        R"((ssh: [^\n]*|[^\n]*Permission denied[^\n]*|[^\n]*Connection (refused|timed out)[^\n]*))");
    if (std::regex_search(m_err, match, ssh))
        return "a host could not be reached: " + match[1].str();
    if (m_err.find("ORTE was unable to reliably start one or more daemons") != std::string::npos)
        return "mpirun could not start its daemon on a host (check ssh without a password, Open MPI and "
               "parlab "
               "installed there, and that the hosts can reach each other)";
    std::string text = "the job ended before the run did: the launcher " + m_job.exit_text();
    if (!m_err.empty())
        text += ": " + last_lines(m_err, 3);
    return text;
}

ClusterRun::Outcome ClusterRun::execute()
{
    bool out_open = true;
    bool err_open = true;
    bool cancelled = false;
    const std::int64_t deadline_ns =
        m_start_ns + static_cast<std::int64_t>(m_launch_timeout.count()) * 1'000'000;
    while (out_open && !m_done && !m_failure) {
        if (m_options.cancel.cancelled()) {
            cancelled = true;
            break;
        }
        if (m_ready_ns == 0 && steady_now_ns() > deadline_ns) {
            fail("the launch did not finish within " +
                     std::to_string(m_launch_timeout.count() / 1000.0).substr(0, 4) +
                     " s: " + std::to_string(joined()) + " of " + std::to_string(m_ranks.size()) +
                     " ranks joined" + (m_err.empty() ? std::string() : " (" + last_lines(m_err, 2) + ")"),
                 std::nullopt);
            break;
        }
        pollfd fds[2] = {{m_job.out_fd(), POLLIN, 0}, {err_open ? m_job.err_fd() : -1, POLLIN, 0}};
        if (::poll(fds, 2, poll_tick_ms) < 0 && errno != EINTR)
            break;
        if (fds[1].revents != 0) {
            err_open = m_job.read_some(m_job.err_fd(), m_err);
            if (m_err.size() > stderr_kept)
                m_err.erase(0, m_err.size() - stderr_kept);
        }
        if (fds[0].revents != 0) {
            const std::int64_t start = steady_now_ns();
            out_open = m_job.read_some(m_job.out_fd(), m_out);
            take_lines();
            m_parse_ns += steady_now_ns() - start;
        }
    }
    const std::int64_t end_ns = steady_now_ns();
    if (m_done && !m_failure && !cancelled) {
        if (!m_job.wait(exit_grace))
            m_job.stop(stop_grace);
    } else {
        m_job.stop(stop_grace);
    }
    // What the launcher said while it went down names the rank that died.
    while (err_open && m_job.read_some(m_job.err_fd(), m_err)) {
        pollfd fd{m_job.err_fd(), POLLIN, 0};
        if (::poll(&fd, 1, 200) <= 0)
            break;
    }
    if (!m_done && !m_failure && !cancelled)
        fail(why_it_ended(), std::nullopt);

    Outcome outcome;
    if (m_failure)
        outcome = std::move(*m_failure);
    if (cancelled)
        outcome.status = Status::Cancelled;
    Run& run = outcome.run;
    run.workload = m_workload.name();
    run.backend = "cluster";
    run.workers = m_ranks.size();
    run.tasks = m_tasks;
    run.tasks_done = m_tasks_done;
    run.costs = m_costs;
    run.costs.ship_s += static_cast<double>(m_parse_ns) * 1e-9;
    run.costs.teardown_s = seconds_since(end_ns);
    for (const double seconds : run.costs.compute_s_per_worker)
        run.costs.compute_s += seconds;
    if (outcome.status == Status::Finished)
        run.checksum = m_workload.combine(m_partials);
    std::set<std::string> hosts;
    for (const RankInfo& rank : m_ranks) {
        run.hosts.push_back(rank.host);
        hosts.insert(rank.host);
    }
    for (const std::string& host : hosts)
        run.trace.host += (run.trace.host.empty() ? "" : ", ") + host;
    if (run.trace.host.empty())
        run.trace.host = host_name();
    run.trace.events = std::move(m_events);
    std::sort(run.trace.events.begin(), run.trace.events.end(),
              [](const TraceEvent& a, const TraceEvent& b) { return a.start_ns < b.start_ns; });
    outcome.ranks = m_ranks;
    return outcome;
}

} // namespace parlab
