#pragma once

#include "lessons/lesson.h"
#include "sweep/sweep.h"
#include "trends/trend_series.h"

#include <optional>
#include <string>
#include <vector>

namespace parlab {

struct LessonRunOptions {
    bool reduced = false;      ///< apply each run's `reduced` parameters (a quick run)
    std::string trends_folder; ///< where `<series>.csv` files are; needed when the lesson shows trends
    SweepObserver* observer = nullptr;
};

/// One sweep of a lesson: one run on one backend.
struct LessonSweep {
    std::size_t run = 0; ///< index into Lesson::runs
    std::string label;
    std::string backend;
    bool gil = false;
    SweepRequest request;
    SweepResult result;
};

/// What a lesson measured, to put beside the class's prediction and the explanation.
struct LessonOutcome {
    std::vector<LessonSweep> sweeps;
    std::vector<TrendSeries> trends;
    double measured = 0.0;             ///< the prediction's quantity
    std::optional<std::string> choice; ///< for a choice prediction: the choice the measurement falls in
    double seconds = 0.0;              ///< how long the lesson took
};

/// The sweep request of one run on one backend, `cpus` resolved, reduced when asked.
SweepRequest lesson_request(const LessonRun& run, const std::string& backend, bool reduced);

/// Runs every run of the lesson on each of its backends (a sweep each), loads its trends, and
/// measures the prediction's quantity. Throws what a sweep throws, and std::invalid_argument
/// when a trend file cannot be read.
LessonOutcome run_lesson(const Lesson& lesson, const LessonRunOptions& options, const CancelToken& cancel);

/// Sets outcome.measured (the prediction's quantity from the sweeps or trends already in
/// `outcome`) and outcome.choice. Throws std::invalid_argument when the outcome lacks what it needs.
void measure_outcome(const LessonPrediction& prediction, LessonOutcome& outcome);

/// The first choice whose [min, max) holds `measured`; nothing when none does.
std::optional<std::string> choice_for(const LessonPrediction& prediction, double measured);

/// The first year `series` reached 75 % of its highest value: where it stopped growing.
double plateau_year(const TrendSeries& series);

} // namespace parlab
