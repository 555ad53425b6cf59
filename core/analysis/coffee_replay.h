#pragma once

#include "trace/task_span.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parlab {

/// Where one student of the coffee bar is at a moment of the replay.
enum class StudentPlace : std::uint8_t { Queue, AtBarista, Left };

/// The coffee bar at one moment: a pure function of the trace and the time.
struct CoffeeState {
    double time_s = 0.0;
    std::size_t tasks_started = 0;
    std::size_t tasks_ended = 0;             ///< tasks served by time_s
    std::vector<StudentPlace> place;         ///< per student
    std::vector<std::int32_t> worker;        ///< per student: the barista serving or who served, -1 before
    std::vector<double> since_s;             ///< per student: when it reached its place (0 in the queue)
    std::vector<std::int32_t> serving;       ///< per worker: the student at that barista, -1 when idle
    std::vector<std::uint32_t> served_order; ///< students who left, in the order they left
};

/// Replays a run's trace as the coffee bar: students are tasks, baristas are workers. With more
/// tasks than `max_students`, each student stands for a group of consecutive task indexes,
/// served when the group's last task ends and at the barista that runs its latest task.
class CoffeeReplay {
public:
    CoffeeReplay(const std::vector<TaskSpan>& spans, std::size_t tasks, std::size_t workers,
                 std::size_t max_students = 1000);

    [[nodiscard]] std::size_t tasks() const { return m_tasks; }
    [[nodiscard]] std::size_t workers() const { return m_workers; }
    [[nodiscard]] std::size_t students() const { return m_students; }
    /// Task indexes per student (the last student may hold fewer).
    [[nodiscard]] std::size_t tasks_per_student() const { return m_group; }
    /// Seconds from the first task's start to the last task's end.
    [[nodiscard]] double duration_s() const;
    /// Tasks whose end is at or before `time_s` (seconds since the first start).
    [[nodiscard]] std::size_t tasks_ended_by(double time_s) const;
    /// The whole bar at `time_s`.
    [[nodiscard]] CoffeeState at(double time_s) const;

private:
    std::vector<TaskSpan> m_spans;    // sorted by start
    std::vector<std::int64_t> m_ends; // sorted
    std::size_t m_tasks;
    std::size_t m_workers;
    std::size_t m_students;
    std::size_t m_group;
    std::int64_t m_origin_ns = 0;
};

} // namespace parlab
