#pragma once

#include "executors/threads_executor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parlab {

/// Everything the command line asked for, before it is checked against the registries.
struct CliOptions {
    std::string command; ///< "list", "run", "machine" or "lesson"
    std::string workload;
    std::string backend{ThreadsExecutor::backend_traits.name};
    std::string workers;                 ///< empty: not given (auto, or 1 for the serial backend)
    std::vector<std::string> parameters; ///< KEY=VALUE
    unsigned repeats = 1;
    std::size_t chunk = 0;
    bool chunk_auto = false;                 ///< --chunk auto: Python Pool.map's rule
    bool gil = false;                        ///< --gil: threads behave like CPython threads
    std::optional<double> switch_interval_s; ///< --switch-interval: the lock's hand-over period
    std::string schedule = "dynamic";
    std::string format = "table";
    std::string trace_path;
    std::string ship_inputs; ///< --ship-inputs[=socket|shm]: empty when not shipping
    unsigned retries = 0;
    std::uint64_t memory_limit = 0; ///< bytes; 0: what the machine has available
    std::string hostfile;           ///< cluster: the hosts to run ranks on; empty: this machine
    std::string launcher;           ///< cluster: a launch line used instead of mpirun
    std::string lesson_action;      ///< lesson: "list" or "run"
    std::string lesson_name;        ///< lesson run: the lesson's name
    std::string lessons_folder;     ///< lesson: empty: $PARLAB_LESSONS, else the shipped lessons
    bool reduced = false;           ///< lesson run: at the lesson's reduced size
};

/// What parsing the command line gave: options to act on, or an exit code when it is done
/// already (help printed: 0; a mistake reported on one line of stderr: 2).
struct CliParse {
    CliOptions options;
    std::optional<int> exit_code;
};

/// Parses argv with CLI11; reports mistakes itself, as one line on stderr.
CliParse parse_cli(int argc, char** argv);

} // namespace parlab
