#pragma once

#include "executors/executor.h"
#include "workloads/parameter_spec.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace parlab {

/// One thing a lesson runs: a workload at the lesson's size, swept over worker counts on each
/// of its backends.
struct LessonRun {
    std::string label; ///< how the class tells the runs apart ("given order", "GIL on")
    std::string workload;
    ParameterValues parameters; ///< the lesson's size
    ParameterValues reduced;    ///< overrides for a quick run (preparing the class, tests)
    std::vector<std::string> backends;
    std::string workers = "auto"; ///< a worker range; `cpus` stands for the logical CPUs (`1:cpus+3`)
    bool gil = false;
    unsigned repeats = 1;
    std::size_t chunk = 0;
    bool chunk_auto = false;
    Schedule schedule = Schedule::Dynamic;
};

/// One answer the class may choose, and the measured values that make it the right one.
struct LessonChoice {
    std::string text;
    std::optional<double> min; ///< inclusive
    std::optional<double> max; ///< exclusive
};

/// What the class predicts and which measurement answers it.
struct LessonPrediction {
    std::string ask;             ///< "What speedup do 2 workers give?"
    std::string kind = "number"; ///< "number" or "choice"
    std::vector<LessonChoice> choices;
    /// speedup or wall_s of one point (run, backend, workers), or plateau_year of a trend series
    /// (the first year it reached 75 % of its highest value).
    std::string quantity = "speedup";
    std::size_t run = 0;
    std::string backend;
    std::size_t workers = 0;
    std::string series;
    std::string unit; ///< how the number reads ("×", "s", "")
};

/// A teacher-editable lesson: a question, what to run, the class's prediction, the explanation.
struct Lesson {
    std::string name; ///< the file name without .json
    std::string file; ///< where it was read from
    std::string title;
    std::string question;
    std::vector<LessonRun> runs;
    std::vector<std::string> trends; ///< trend series shown instead of (or beside) runs
    LessonPrediction prediction;
    std::string explanation;
    double expected_seconds = 0.0; ///< at the lesson's size on a 2-core machine; said before it starts
};

/// What is wrong with a lesson file: the file, the field (a JSON path such as runs[0].workload)
/// and what is wrong with it.
struct LessonProblem {
    std::string file;
    std::string field;
    std::string message;

    [[nodiscard]] std::string text() const;
};

} // namespace parlab
