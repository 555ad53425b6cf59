#pragma once

#include "trace/trace_event.h"
#include "workloads/partial.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace parlab {

/// What the dealer rank reports to the parlab process, one line each on its standard output
/// (the one channel that every launcher, mpirun or srun, forwards from any host). Lines start
/// with "PARLAB\t"; fields are tab-separated; doubles travel as hex floats so results round-trip
/// exactly. Times are the dealer's steady clock, other ranks' already shifted by their offset.
namespace rank_report {

/// A rank has joined: who and where it is.
struct Hello {
    std::uint32_t rank = 0;
    std::string host;
    std::int32_t pid = 0;
    std::uint32_t cpus = 0;
    std::string cpu_model;
};
/// A rank's clock offset to the dealer (its clock minus the dealer's) and its uncertainty (half
/// the shortest ping-pong round trip).
struct Clock {
    std::uint32_t rank = 0;
    std::int64_t offset_ns = 0;
    std::int64_t uncertainty_ns = 0;
};
/// Every rank has joined and has been measured; `now_ns` is the dealer's clock as it wrote this.
struct Ready {
    std::int64_t now_ns = 0;
};
/// One task done: its trace event (worker = rank) and its partial result.
struct Task {
    TraceEvent event;
    Partial partial;
};
/// A task failed, or a rank failed outside a task (no task).
struct Failed {
    std::optional<std::uint32_t> task;
    std::string message;
};
/// Every task is done; `ship_ns` is the time the ranks spent in MPI sending tasks and results.
struct Done {
    std::int64_t ship_ns = 0;
    std::uint64_t bytes = 0;
};

using Line = std::variant<Hello, Clock, Ready, Task, Failed, Done>;

std::string format(const Line& line);
/// The report on one line (without its newline); nullopt for a line that is not one (other
/// output of a rank). Throws std::runtime_error for a "PARLAB" line that cannot be read.
std::optional<Line> parse(std::string_view line);

} // namespace rank_report
} // namespace parlab
