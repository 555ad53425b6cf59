#include "lessons/lesson_parser.h"

#include "executors/executor_registry.h"
#include "executors/gil_mode.h"
#include "lessons/lesson_error.h"
#include "machine/machine_facts.h"
#include "sweep/worker_range.h"
#include "workloads/workload_registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace parlab {

namespace {

using json = nlohmann::json;

const std::set<std::string> quantities = {"speedup", "wall_s", "plateau_year"};

class Reader {
public:
    explicit Reader(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const std::string& field, const std::string& message) const
    {
        throw LessonError({m_file, field, message});
    }

    const json& member(const json& object, const std::string& path, const char* key) const
    {
        const auto found = object.find(key);
        if (found == object.end())
            fail(join(path, key), "is missing");
        return *found;
    }

    std::string text(const json& object, const std::string& path, const char* key) const
    {
        const json& value = member(object, path, key);
        if (!value.is_string() || value.get<std::string>().empty())
            fail(join(path, key), "must be a text, not empty");
        return value.get<std::string>();
    }

    std::string optional_text(const json& object, const std::string& path, const char* key,
                              const std::string& fallback) const
    {
        return object.contains(key) ? text(object, path, key) : fallback;
    }

    double number(const json& value, const std::string& field) const
    {
        if (!value.is_number())
            fail(field, "must be a number");
        return value.get<double>();
    }

    static std::string join(const std::string& path, const std::string& key)
    {
        return path.empty() ? key : path + "." + key;
    }

private:
    std::string m_file;
};

// Parameter values may be written as numbers or texts; the registry reads texts.
std::string value_text(const json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    if (value.is_number())
        return value.dump();
    return {};
}

ParameterValues parameter_values(const Reader& reader, const json& object, const std::string& field,
                                 const WorkloadInfo& info)
{
    if (!object.is_object())
        reader.fail(field, "must be an object of NAME: VALUE");
    ParameterValues values;
    for (const auto& item : object.items()) {
        // Named copies, not structured bindings: clang 14 cannot capture a binding in a lambda.
        const std::string name = item.key();
        const json& value = item.value();
        const bool known = std::any_of(info.parameters.begin(), info.parameters.end(),
                                       [&](const ParameterSpec& spec) { return spec.name == name; });
        if (!known) {
            std::string names;
            for (const auto& spec : info.parameters)
                names += (names.empty() ? "" : ", ") + spec.name;
            reader.fail(field + "." + name,
                        "unknown parameter of workload '" + info.name + "' (known: " + names + ")");
        }
        const std::string text = value_text(value);
        if (text.empty())
            reader.fail(field + "." + name, "must be a number or a text");
        values[name] = text;
    }
    return values;
}

LessonRun parse_run(const Reader& reader, const json& object, const std::string& path)
{
    if (!object.is_object())
        reader.fail(path, "must be an object");
    LessonRun run;
    run.label = reader.optional_text(object, path, "label", "");
    run.workload = reader.text(object, path, "workload");
    const WorkloadInfo* info = nullptr;
    try {
        info = &WorkloadRegistry::find(run.workload);
    } catch (const std::invalid_argument& error) {
        reader.fail(path + ".workload", error.what());
    }
    if (object.contains("parameters"))
        run.parameters = parameter_values(reader, object["parameters"], path + ".parameters", *info);
    if (object.contains("reduced"))
        run.reduced = parameter_values(reader, object["reduced"], path + ".reduced", *info);

    const json& backends = reader.member(object, path, "backends");
    if (!backends.is_array() || backends.empty())
        reader.fail(path + ".backends", "must be a list of backend names, not empty");
    for (std::size_t i = 0; i < backends.size(); ++i) {
        const std::string field = path + ".backends[" + std::to_string(i) + "]";
        if (!backends[i].is_string())
            reader.fail(field, "must be a backend name");
        run.backends.push_back(backends[i].get<std::string>());
        try {
            (void)ExecutorRegistry::create(run.backends.back());
        } catch (const std::invalid_argument& error) {
            reader.fail(field, error.what());
        }
    }
    run.workers = reader.optional_text(object, path, "workers", "auto");
    if (object.contains("gil")) {
        if (!object["gil"].is_boolean())
            reader.fail(path + ".gil", "must be true or false");
        run.gil = object["gil"].get<bool>();
    }
    if (object.contains("repeats")) {
        const double repeats = reader.number(object["repeats"], path + ".repeats");
        if (repeats < 1 || repeats > 1000 || repeats != static_cast<unsigned>(repeats))
            reader.fail(path + ".repeats", "must be a whole number in 1 .. 1000");
        run.repeats = static_cast<unsigned>(repeats);
    }
    if (object.contains("chunk")) {
        const json& chunk = object["chunk"];
        if (chunk.is_string() && chunk.get<std::string>() == "auto")
            run.chunk_auto = true;
        else if (chunk.is_number_unsigned())
            run.chunk = chunk.get<std::size_t>();
        else
            reader.fail(path + ".chunk", "must be a whole number (0 chooses) or \"auto\"");
    }
    if (object.contains("schedule")) {
        try {
            run.schedule = parse_schedule(reader.text(object, path, "schedule"));
        } catch (const LessonError&) {
            throw;
        } catch (const std::invalid_argument& error) {
            reader.fail(path + ".schedule", error.what());
        }
    }
    return run;
}

// Everything plan_sweep checks, with each mistake put on its field: parameter values and the
// memory the size needs, the worker range against each backend, GIL mode.
void check_run(const Reader& reader, const LessonRun& run, const std::string& path)
{
    for (const ParameterValues* values : {&run.parameters, &run.reduced}) {
        ParameterValues merged = run.parameters;
        for (const auto& [name, value] : *values)
            merged[name] = value;
        try {
            const auto workload = WorkloadRegistry::create(run.workload, merged);
            if (run.chunk > workload->task_count())
                reader.fail(path + ".chunk",
                            "is more than the " + std::to_string(workload->task_count()) + " tasks");
        } catch (const LessonError&) {
            throw;
        } catch (const std::invalid_argument& error) {
            reader.fail(path + (values == &run.parameters ? ".parameters" : ".reduced"), error.what());
        }
    }
    std::vector<std::size_t> counts;
    try {
        counts = WorkerRange::parse(resolve_workers(run.workers, machine_facts().logical_cpus))
                     .counts(machine_facts().logical_cpus);
    } catch (const std::invalid_argument& error) {
        reader.fail(path + ".workers", error.what());
    }
    for (std::size_t i = 0; i < run.backends.size(); ++i) {
        const auto executor = ExecutorRegistry::create(run.backends[i]);
        try {
            for (const std::size_t workers : counts)
                executor->check_workers(workers);
        } catch (const std::invalid_argument& error) {
            reader.fail(path + ".workers", error.what());
        }
        try {
            check_gil_mode(run.backends[i], run.gil);
        } catch (const std::invalid_argument& error) {
            reader.fail(path + ".gil", error.what());
        }
    }
}

LessonPrediction parse_prediction(const Reader& reader, const json& object, const Lesson& lesson)
{
    const std::string path = "prediction";
    if (!object.is_object())
        reader.fail(path, "must be an object");
    LessonPrediction prediction;
    prediction.ask = reader.text(object, path, "ask");
    prediction.kind = reader.optional_text(object, path, "kind", "number");
    if (prediction.kind != "number" && prediction.kind != "choice")
        reader.fail(path + ".kind", "must be \"number\" or \"choice\"");
    prediction.quantity = reader.optional_text(object, path, "quantity", "speedup");
    if (quantities.count(prediction.quantity) == 0)
        reader.fail(path + ".quantity", "must be speedup, wall_s or plateau_year");
    if (object.contains("unit") && !object["unit"].is_string())
        reader.fail(path + ".unit", "must be a text");
    prediction.unit = object.contains("unit") ? object["unit"].get<std::string>()
                                              : (prediction.quantity == "speedup"  ? "×"
                                                 : prediction.quantity == "wall_s" ? "s"
                                                                                   : "");
    if (prediction.kind == "choice") {
        const json& choices = reader.member(object, path, "choices");
        if (!choices.is_array() || choices.size() < 2)
            reader.fail(path + ".choices", "must list at least two choices");
        for (std::size_t i = 0; i < choices.size(); ++i) {
            const std::string field = path + ".choices[" + std::to_string(i) + "]";
            LessonChoice choice;
            choice.text = reader.text(choices[i], field, "text");
            if (choices[i].contains("min"))
                choice.min = reader.number(choices[i]["min"], field + ".min");
            if (choices[i].contains("max"))
                choice.max = reader.number(choices[i]["max"], field + ".max");
            prediction.choices.push_back(choice);
        }
    }
    if (prediction.quantity == "plateau_year") {
        prediction.series = reader.text(object, path, "series");
        if (std::find(lesson.trends.begin(), lesson.trends.end(), prediction.series) == lesson.trends.end())
            reader.fail(path + ".series", "names no series of this lesson's trends");
        return prediction;
    }
    if (object.contains("run")) {
        const double run = reader.number(object["run"], path + ".run");
        if (run < 0 || run >= static_cast<double>(lesson.runs.size()) || run != static_cast<std::size_t>(run))
            reader.fail(path + ".run", "must be the index of one of the lesson's runs (0 .. " +
                                           std::to_string(lesson.runs.size()) + " − 1)");
        prediction.run = static_cast<std::size_t>(run);
    }
    if (lesson.runs.empty())
        reader.fail(path + ".quantity", "needs a run to measure, and the lesson has none");
    const LessonRun& measured = lesson.runs[prediction.run];
    prediction.backend = reader.optional_text(object, path, "backend", measured.backends.front());
    if (std::find(measured.backends.begin(), measured.backends.end(), prediction.backend) ==
        measured.backends.end())
        reader.fail(path + ".backend", "is not one of the measured run's backends");
    // A number, or a text with `cpus` in it ("cpus+3") for a lesson that fits every machine.
    const json& given = reader.member(object, path, "workers");
    double workers = 0;
    if (given.is_string()) {
        try {
            workers = std::stod(resolve_workers(given.get<std::string>(), machine_facts().logical_cpus));
        } catch (const std::exception&) {
            reader.fail(path + ".workers", "must be a number, or a text such as \"cpus+3\"");
        }
    } else {
        workers = reader.number(given, path + ".workers");
    }
    prediction.workers = static_cast<std::size_t>(workers);
    const auto counts = WorkerRange::parse(resolve_workers(measured.workers, machine_facts().logical_cpus))
                            .counts(machine_facts().logical_cpus);
    if (workers < 1 || std::find(counts.begin(), counts.end(), prediction.workers) == counts.end())
        reader.fail(path + ".workers", "is not one of the measured run's worker counts");
    return prediction;
}

} // namespace

std::string LessonProblem::text() const
{
    return file + ": " + (field.empty() ? "" : "field '" + field + "' ") + message;
}

std::string resolve_workers(const std::string& text, std::size_t logical_cpus)
{
    static const std::regex cpus(R"(cpus(\+([0-9]+))?)");
    std::string resolved;
    auto last = text.cbegin();
    for (std::sregex_iterator it(text.begin(), text.end(), cpus), end; it != end; ++it) {
        resolved.append(last, text.cbegin() + it->position());
        std::size_t count = logical_cpus;
        if ((*it)[2].matched)
            count += std::stoull((*it)[2].str());
        resolved += std::to_string(count);
        last = text.cbegin() + it->position() + it->length();
    }
    resolved.append(last, text.cend());
    return resolved;
}

Lesson parse_lesson(std::string_view text, const std::string& file)
{
    const Reader reader(file);
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& error) {
        // parse_error, and out_of_range for a number too large for a double.
        reader.fail("", std::string("is not valid JSON: ") + error.what());
    }
    if (!root.is_object())
        reader.fail("", "must hold one JSON object");
    Lesson lesson;
    lesson.file = file;
    lesson.title = reader.text(root, "", "title");
    lesson.question = reader.text(root, "", "question");
    lesson.explanation = reader.text(root, "", "explanation");
    lesson.expected_seconds = reader.number(reader.member(root, "", "expected_seconds"), "expected_seconds");
    if (!(lesson.expected_seconds > 0.0))
        reader.fail("expected_seconds", "must be more than 0");
    if (root.contains("trends")) {
        const json& trends = root["trends"];
        if (!trends.is_array() || trends.empty())
            reader.fail("trends", "must be a list of trend series names, not empty");
        for (std::size_t i = 0; i < trends.size(); ++i) {
            if (!trends[i].is_string() || trends[i].get<std::string>().empty())
                reader.fail("trends[" + std::to_string(i) + "]", "must be a trend series name");
            lesson.trends.push_back(trends[i].get<std::string>());
        }
    }
    if (root.contains("runs")) {
        const json& runs = root["runs"];
        if (!runs.is_array())
            reader.fail("runs", "must be a list of runs");
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const std::string path = "runs[" + std::to_string(i) + "]";
            lesson.runs.push_back(parse_run(reader, runs[i], path));
            check_run(reader, lesson.runs.back(), path);
        }
    }
    if (lesson.runs.empty() && lesson.trends.empty())
        reader.fail("runs", "is missing: a lesson runs something or shows trends");
    lesson.prediction = parse_prediction(reader, reader.member(root, "", "prediction"), lesson);
    return lesson;
}

Lesson read_lesson_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw LessonError({path, "", "cannot be read"});
    std::ostringstream text;
    text << in.rdbuf();
    Lesson lesson = parse_lesson(text.str(), path);
    lesson.name = std::filesystem::path(path).stem().string();
    return lesson;
}

} // namespace parlab
