#pragma once

#include "trace/trace_event.h"
#include "workloads/partial.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace parlab {

/// Where a run's time and bytes went. Executors that have no such phase leave it at zero.
struct RunCosts {
    double startup_s = 0.0;   ///< starting workers until all are ready
    double ship_s = 0.0;      ///< sending inputs and receiving results
    double compute_s = 0.0;   ///< sum over workers of time spent in tasks
    double teardown_s = 0.0;  ///< stopping workers
    double lock_wait_s = 0.0; ///< GIL mode: sum over tasks of time spent waiting for the interpreter lock
    std::uint64_t bytes_sent = 0;
    std::uint64_t bytes_received = 0;
    std::vector<double> compute_s_per_worker;
};

/// The result of one executor call.
struct Run {
    std::string workload;
    std::string backend;
    std::size_t workers = 0;
    std::size_t tasks = 0;
    std::size_t tasks_done = 0; ///< < tasks when the run failed or was cancelled
    double wall_s = 0.0;
    RunCosts costs;
    Checksum checksum; ///< empty unless every task finished
    Trace trace;
    std::vector<std::string>
        hosts; ///< each worker's host, by worker index; empty when all are on this machine
};

} // namespace parlab
