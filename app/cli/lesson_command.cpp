#include "commands.h"

#include "executors/run_error.h"
#include "interrupt_guard.h"
#include "lessons/lesson_duration.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_runner.h"
#include "report/report_json.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>

namespace parlab {
namespace {

constexpr int exit_failed = 1;
constexpr int exit_usage = 2;
constexpr int exit_interrupted = 130;

std::string lessons_folder(const CliOptions& options)
{
    if (!options.lessons_folder.empty())
        return options.lessons_folder;
    if (const char* folder = std::getenv("PARLAB_LESSONS"); folder != nullptr && *folder != '\0')
        return folder;
    return PARLAB_LESSONS_DIR;
}

// The trend CSVs sit beside the lessons folder, as in resources/.
std::string trends_folder(const std::string& lessons)
{
    return (std::filesystem::path(lessons).parent_path() / "trends").string();
}

std::string number_text(double value, const std::string& unit)
{
    char text[64];
    std::snprintf(text, sizeof text, value >= 100 ? "%.0f" : "%.2f", value);
    return std::string(text) + (unit.empty() ? "" : (unit == "×" ? "" : " ") + unit);
}

std::string what_runs(const LessonRun& run)
{
    std::string text = run.workload + " on";
    for (const auto& backend : run.backends)
        text += " " + backend;
    return text + ", workers " + run.workers + (run.gil ? ", GIL on" : "");
}

int list(const LessonLibrary& library)
{
    for (const Lesson& lesson : library.lessons) {
        const bool ends_a_sentence =
            !lesson.title.empty() &&
            std::string_view("?!.").find(lesson.title.back()) != std::string_view::npos;
        std::cout << lesson.name << " - " << lesson.title << (ends_a_sentence ? " " : ". ")
                  << lesson_duration_text(lesson.expected_seconds) << '\n';
    }
    for (const LessonProblem& problem : library.problems)
        std::cerr << "parlab-cli: lesson refused: " << problem.text() << '\n';
    return 0;
}

nlohmann::ordered_json lesson_json(const Lesson& lesson)
{
    nlohmann::ordered_json json;
    json["type"] = "lesson";
    json["name"] = lesson.name;
    json["title"] = lesson.title;
    json["question"] = lesson.question;
    json["ask"] = lesson.prediction.ask;
    json["kind"] = lesson.prediction.kind;
    if (lesson.prediction.kind == "choice") {
        json["choices"] = nlohmann::ordered_json::array();
        for (const auto& choice : lesson.prediction.choices)
            json["choices"].push_back(choice.text);
    }
    json["expected_seconds"] = lesson.expected_seconds;
    json["runs"] = nlohmann::ordered_json::array();
    for (const LessonRun& run : lesson.runs)
        json["runs"].push_back({{"label", run.label},
                                {"workload", run.workload},
                                {"backends", run.backends},
                                {"workers", run.workers},
                                {"gil", run.gil}});
    json["trends"] = lesson.trends;
    return json;
}

void print_json(const Lesson& lesson, const LessonOutcome& outcome)
{
    for (const LessonSweep& sweep : outcome.sweeps) {
        for (const Point* point : {&sweep.result.serial}) {
            nlohmann::ordered_json json = point_json(*point);
            json["type"] = "baseline";
            json["run"] = sweep.run;
            json["label"] = sweep.label;
            std::cout << json.dump() << '\n';
        }
        for (const Point& point : sweep.result.points) {
            nlohmann::ordered_json json = point_json(point);
            json["run"] = sweep.run;
            json["label"] = sweep.label;
            json["gil"] = sweep.gil;
            std::cout << json.dump() << '\n';
        }
    }
    for (const TrendSeries& series : outcome.trends) {
        nlohmann::ordered_json json;
        json["type"] = "trend";
        json["name"] = series.name;
        json["points"] = series.points.size();
        json["first"] = {series.points.front().first, series.points.front().second};
        json["last"] = {series.points.back().first, series.points.back().second};
        json["plateau_year"] = plateau_year(series);
        std::cout << json.dump() << '\n';
    }
    nlohmann::ordered_json answer;
    answer["type"] = "answer";
    answer["quantity"] = lesson.prediction.quantity;
    answer["measured"] = outcome.measured;
    answer["unit"] = lesson.prediction.unit;
    if (outcome.choice)
        answer["choice"] = *outcome.choice;
    answer["explanation"] = lesson.explanation;
    answer["seconds"] = outcome.seconds;
    std::cout << answer.dump() << '\n';
}

void print_table(const Lesson& lesson, const LessonOutcome& outcome)
{
    for (const LessonSweep& sweep : outcome.sweeps) {
        std::cout << "\n"
                  << (sweep.label.empty() ? what_runs(lesson.runs[sweep.run]) : sweep.label) << " ("
                  << sweep.backend << (sweep.gil ? ", GIL on" : "") << ")\n"
                  << "  serial   " << number_text(sweep.result.serial.wall_s, "s") << '\n';
        for (const Point& point : sweep.result.points)
            std::cout << "  W=" << point.workers << std::string(point.workers < 10 ? 6 : 5, ' ')
                      << number_text(point.wall_s, "s") << "   speedup " << number_text(point.speedup, "×")
                      << '\n';
    }
    for (const TrendSeries& series : outcome.trends)
        std::cout << "\ntrend " << series.name << ": " << series.points.size() << " points, "
                  << static_cast<int>(series.points.front().first) << " .. "
                  << static_cast<int>(series.points.back().first) << ", stopped growing about "
                  << static_cast<int>(plateau_year(series)) << '\n';
    std::cout << "\nmeasured   " << number_text(outcome.measured, lesson.prediction.unit)
              << (outcome.choice ? "  (" + *outcome.choice + ")" : std::string()) << '\n'
              << "why        " << lesson.explanation << '\n'
              << "took       " << number_text(outcome.seconds, "s") << '\n';
}

int run(const LessonLibrary& library, const CliOptions& options)
{
    const Lesson* lesson = library.find(options.lesson_name);
    if (lesson == nullptr) {
        for (const LessonProblem& problem : library.problems) {
            if (std::filesystem::path(problem.file).stem() == options.lesson_name)
                throw std::invalid_argument("lesson refused: " + problem.text());
        }
        throw std::invalid_argument("no lesson named '" + options.lesson_name + "' in '" + library.folder +
                                    "' (see 'parlab-cli lesson list')");
    }
    const bool json = options.format == "json";
    if (json) {
        std::cout << lesson_json(*lesson).dump() << '\n' << std::flush;
    } else {
        std::cout << lesson->title << "\n\n"
                  << lesson->question << "\n\npredict    " << lesson->prediction.ask << '\n';
        for (std::size_t i = 0; i < lesson->prediction.choices.size(); ++i)
            std::cout << "           " << static_cast<char>('a' + i) << ") "
                      << lesson->prediction.choices[i].text << '\n';
        std::cout << "takes      " << lesson_duration_text(lesson->expected_seconds)
                  << (options.reduced ? " Less at the reduced size." : "") << '\n'
                  << std::flush;
    }
    LessonRunOptions run_options;
    run_options.reduced = options.reduced;
    run_options.trends_folder = trends_folder(library.folder);
    CancelToken cancel;
    const InterruptGuard guard(cancel);
    const LessonOutcome outcome = run_lesson(*lesson, run_options, cancel);
    if (json)
        print_json(*lesson, outcome);
    else
        print_table(*lesson, outcome);
    return 0;
}

int report(const std::string& message, int code)
{
    std::cerr << "parlab-cli: " << message << '\n';
    return code;
}

} // namespace

int lesson_command(const CliOptions& options)
{
    try {
        const LessonLibrary library = load_lessons(lessons_folder(options));
        if (options.lesson_action == "list")
            return list(library);
        return run(library, options);
    } catch (const RunCancelled&) {
        return report("cancelled", exit_interrupted);
    } catch (const RunError& error) {
        return report(std::string("run failed: ") + error.what(), exit_failed);
    } catch (const std::invalid_argument& error) {
        return report(error.what(), exit_usage);
    } catch (const std::exception& error) {
        return report(std::string("lesson failed: ") + error.what(), exit_failed);
    }
}

} // namespace parlab
