#include "analysis/coffee_replay.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parlab {

CoffeeReplay::CoffeeReplay(const std::vector<TaskSpan>& spans, std::size_t tasks, std::size_t workers,
                           std::size_t max_students)
    : m_spans(spans), m_workers(workers)
{
    std::sort(m_spans.begin(), m_spans.end(), [](const TaskSpan& a, const TaskSpan& b) {
        return a.start_ns != b.start_ns ? a.start_ns < b.start_ns : a.task < b.task;
    });
    std::size_t highest = 0;
    for (const TaskSpan& span : m_spans) {
        highest = std::max<std::size_t>(highest, span.task + 1);
        m_workers = std::max<std::size_t>(m_workers, span.worker + 1);
    }
    m_tasks = std::max(tasks, highest);
    const std::size_t limit = std::max<std::size_t>(1, max_students);
    m_group = std::max<std::size_t>(1, (m_tasks + limit - 1) / limit);
    m_students = (m_tasks + m_group - 1) / m_group;
    m_origin_ns = m_spans.empty() ? 0 : m_spans.front().start_ns;
    m_ends.reserve(m_spans.size());
    for (const TaskSpan& span : m_spans)
        m_ends.push_back(span.end_ns);
    std::sort(m_ends.begin(), m_ends.end());
}

double CoffeeReplay::duration_s() const
{
    return m_ends.empty() ? 0.0 : static_cast<double>(m_ends.back() - m_origin_ns) * 1e-9;
}

std::size_t CoffeeReplay::tasks_ended_by(double time_s) const
{
    const auto limit = m_origin_ns + static_cast<std::int64_t>(std::llround(time_s * 1e9));
    return static_cast<std::size_t>(std::upper_bound(m_ends.begin(), m_ends.end(), limit) - m_ends.begin());
}

CoffeeState CoffeeReplay::at(double time_s) const
{
    const auto now = m_origin_ns + static_cast<std::int64_t>(std::llround(time_s * 1e9));
    CoffeeState state;
    state.time_s = time_s;
    state.place.assign(m_students, StudentPlace::Queue);
    state.worker.assign(m_students, -1);
    state.since_s.assign(m_students, 0.0);
    state.serving.assign(m_workers, -1);

    std::vector<std::size_t> ended(m_students, 0);
    std::vector<std::int64_t> left_at(m_students, std::numeric_limits<std::int64_t>::min());
    std::vector<std::int64_t> latest_start(m_students, std::numeric_limits<std::int64_t>::min());
    std::vector<std::int64_t> arrived(m_students, std::numeric_limits<std::int64_t>::max());
    for (const TaskSpan& span : m_spans) {
        if (span.start_ns > now)
            break; // sorted by start: no later span has begun
        ++state.tasks_started;
        const std::size_t student = span.task / m_group;
        arrived[student] = std::min(arrived[student], span.start_ns); // spans come in start order
        if (span.start_ns >= latest_start[student]) {
            latest_start[student] = span.start_ns;
            state.worker[student] = static_cast<std::int32_t>(span.worker);
        }
        if (span.end_ns <= now) {
            ++state.tasks_ended;
            ++ended[student];
            left_at[student] = std::max(left_at[student], span.end_ns);
        } else {
            state.serving[span.worker] = static_cast<std::int32_t>(student);
            state.worker[student] = static_cast<std::int32_t>(span.worker);
            latest_start[student] = std::numeric_limits<std::int64_t>::max();
        }
    }
    for (std::size_t student = 0; student < m_students; ++student) {
        const std::size_t size = std::min(m_group, m_tasks - student * m_group);
        const auto seconds = [this](std::int64_t ns) { return static_cast<double>(ns - m_origin_ns) * 1e-9; };
        if (ended[student] == size) {
            state.place[student] = StudentPlace::Left;
            state.since_s[student] = seconds(left_at[student]);
        } else if (state.worker[student] >= 0) {
            state.place[student] = StudentPlace::AtBarista;
            state.since_s[student] = seconds(arrived[student]);
        }
    }
    // A group between two of its tasks waits at the barista that ran its latest task.
    for (std::size_t student = 0; student < m_students; ++student) {
        if (state.place[student] != StudentPlace::AtBarista)
            continue;
        auto& slot = state.serving[static_cast<std::size_t>(state.worker[student])];
        if (slot < 0)
            slot = static_cast<std::int32_t>(student);
    }
    for (std::size_t student = 0; student < m_students; ++student)
        if (state.place[student] == StudentPlace::Left)
            state.served_order.push_back(static_cast<std::uint32_t>(student));
    std::stable_sort(state.served_order.begin(), state.served_order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return left_at[a] < left_at[b]; });
    return state;
}

} // namespace parlab
