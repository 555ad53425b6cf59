#include "executors/processes/worker_liveness.h"

#include "text/text_units.h"

#include <algorithm>
#include <fstream>

namespace parlab {

namespace {

// The state letter of /proc/PID/stat ("123 (parlab-worker) T ..."): T when stopped by a signal,
// t when stopped by a debugger; '?' when it cannot be read.
char process_state(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    std::getline(stat, text);
    const auto paren = text.rfind(')');
    return paren != std::string::npos && paren + 2 < text.size() ? text[paren + 2] : '?';
}

} // namespace

WorkerLiveness::WorkerLiveness(LivenessRule rule, std::size_t workers)
    : m_rule(rule), m_last(workers, Clock::now())
{
}

void WorkerLiveness::heard_from(std::size_t index, Clock::time_point now)
{
    m_last[index] = now;
}

void WorkerLiveness::task_took(double seconds)
{
    m_longest_task_s = std::max(m_longest_task_s, seconds);
}

double WorkerLiveness::limit_s() const
{
    return std::max(m_rule.floor_s, m_rule.factor * m_longest_task_s);
}

double WorkerLiveness::silent_s(std::size_t index, Clock::time_point now) const
{
    return std::chrono::duration<double>(now - m_last[index]).count();
}

std::optional<std::size_t> WorkerLiveness::first_silent(const std::vector<bool>& busy,
                                                        Clock::time_point now) const
{
    const double limit = limit_s();
    for (std::size_t i = 0; i < busy.size() && i < m_last.size(); ++i)
        if (busy[i] && silent_s(i, now) > limit)
            return i;
    return std::nullopt;
}

std::string WorkerLiveness::silence_text(std::size_t index, pid_t pid) const
{
    const char state = process_state(pid);
    const std::string why = state == 'T' || state == 't' ? "it is stopped" : "it is hung or stopped";
    return "sent nothing for " + duration_text(silent_s(index)) + " (the limit is " +
           duration_text(limit_s()) + ": " + why + "), so it was killed";
}

} // namespace parlab
