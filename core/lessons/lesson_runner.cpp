#include "lessons/lesson_runner.h"

#include "lessons/lesson_parser.h"
#include "machine/machine_facts.h"
#include "trace/trace_event.h"
#include "trends/trend_csv.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace parlab {

namespace {

TrendSeries read_trend(const std::string& folder, const std::string& name)
{
    const std::string path = (std::filesystem::path(folder) / (name + ".csv")).string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::invalid_argument("cannot read the trend file '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_trend_csv(text.str(), name);
}

double point_quantity(const LessonOutcome& outcome, const LessonPrediction& prediction)
{
    for (const LessonSweep& sweep : outcome.sweeps) {
        if (sweep.run != prediction.run || sweep.backend != prediction.backend)
            continue;
        for (const Point& point : sweep.result.points) {
            if (point.workers == prediction.workers)
                return prediction.quantity == "wall_s" ? point.wall_s : point.speedup;
        }
    }
    throw std::invalid_argument("the lesson measured no point at " + std::to_string(prediction.workers) +
                                " workers on " + prediction.backend);
}

} // namespace

SweepRequest lesson_request(const LessonRun& run, const std::string& backend, bool reduced)
{
    SweepRequest request;
    request.workload = run.workload;
    request.parameters = run.parameters;
    if (reduced) {
        for (const auto& [name, value] : run.reduced)
            request.parameters[name] = value;
    }
    request.backend = backend;
    request.workers = WorkerRange::parse(resolve_workers(run.workers, machine_facts().logical_cpus));
    request.repeats = run.repeats;
    request.chunk = run.chunk;
    request.chunk_auto = run.chunk_auto;
    request.schedule = run.schedule;
    request.gil = run.gil;
    return request;
}

LessonOutcome run_lesson(const Lesson& lesson, const LessonRunOptions& options, const CancelToken& cancel)
{
    const std::int64_t start_ns = steady_now_ns();
    LessonOutcome outcome;
    for (const std::string& name : lesson.trends)
        outcome.trends.push_back(read_trend(options.trends_folder, name));
    for (std::size_t index = 0; index < lesson.runs.size(); ++index) {
        const LessonRun& run = lesson.runs[index];
        for (const std::string& backend : run.backends) {
            LessonSweep sweep;
            sweep.run = index;
            sweep.label = run.label;
            sweep.backend = backend;
            sweep.gil = run.gil;
            sweep.request = lesson_request(run, backend, options.reduced);
            sweep.result = run_sweep(sweep.request, options.observer, cancel);
            outcome.sweeps.push_back(std::move(sweep));
        }
    }
    measure_outcome(lesson.prediction, outcome);
    outcome.seconds = seconds_since(start_ns);
    return outcome;
}

void measure_outcome(const LessonPrediction& prediction, LessonOutcome& outcome)
{
    if (prediction.quantity == "plateau_year") {
        const auto series = std::find_if(outcome.trends.begin(), outcome.trends.end(),
                                         [&](const TrendSeries& s) { return s.name == prediction.series; });
        if (series == outcome.trends.end())
            throw std::invalid_argument("the lesson shows no trend named '" + prediction.series + "'");
        outcome.measured = plateau_year(*series);
    } else {
        outcome.measured = point_quantity(outcome, prediction);
    }
    outcome.choice = choice_for(prediction, outcome.measured);
}

std::optional<std::string> choice_for(const LessonPrediction& prediction, double measured)
{
    for (const LessonChoice& choice : prediction.choices) {
        if ((!choice.min || measured >= *choice.min) && (!choice.max || measured < *choice.max))
            return choice.text;
    }
    return std::nullopt;
}

double plateau_year(const TrendSeries& series)
{
    if (series.points.empty())
        throw std::invalid_argument("the trend '" + series.name + "' has no points");
    double highest = 0.0;
    for (const auto& point : series.points)
        highest = std::max(highest, point.second);
    double year = series.points.front().first;
    bool found = false;
    for (const auto& [when, value] : series.points) {
        if (value >= 0.75 * highest && (!found || when < year)) {
            year = when;
            found = true;
        }
    }
    return year;
}

} // namespace parlab
