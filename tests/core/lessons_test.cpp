#include "lessons/lesson_duration.h"
#include "lessons/lesson_error.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_parser.h"
#include "lessons/lesson_runner.h"
#include "workloads/memory_estimate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace parlab;
using ::testing::HasSubstr;

namespace {

const std::string valid = R"({
  "title": "Coffee",
  "question": "How much faster?",
  "runs": [{"workload": "coffee", "parameters": {"students": 4, "seconds": 0.001},
            "backends": ["threads"], "workers": "1:2"}],
  "prediction": {"ask": "Speedup?", "kind": "choice", "workers": 2,
                 "choices": [{"text": "low", "max": 1.5}, {"text": "high", "min": 1.5}]},
  "explanation": "Waiting needs no core.",
  "expected_seconds": 1
})";

// `valid` with one text replaced.
std::string with(const std::string& from, const std::string& to)
{
    std::string text = valid;
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

LessonProblem refusal(const std::string& text)
{
    try {
        (void)parse_lesson(text, "bad.json");
    } catch (const LessonError& error) {
        return error.problem();
    }
    ADD_FAILURE() << "accepted: " << text;
    return {};
}

class TempFolder {
public:
    TempFolder()
        : m_path(std::filesystem::temp_directory_path() / ("parlab-lessons-" + std::to_string(getpid())))
    {
        std::filesystem::create_directories(m_path);
    }
    ~TempFolder() { std::filesystem::remove_all(m_path); }
    void write(const std::string& name, const std::string& text) const
    {
        std::ofstream(m_path / name) << text;
    }
    [[nodiscard]] std::string path() const { return m_path.string(); }

private:
    std::filesystem::path m_path;
};

} // namespace

TEST(LessonDuration, WholeSecondsOnATwoCoreMachine)
{
    EXPECT_EQ(lesson_duration_text(9.4), "Takes about 9 s on a 2-core machine.");
    EXPECT_EQ(lesson_duration_text(24.6), "Takes about 25 s on a 2-core machine.");
    EXPECT_EQ(lesson_duration_text(0.4), "Takes about a second.");
}

TEST(LessonParser, ReadsEveryField)
{
    const Lesson lesson = parse_lesson(valid, "coffee.json");
    EXPECT_EQ(lesson.title, "Coffee");
    EXPECT_EQ(lesson.question, "How much faster?");
    ASSERT_EQ(lesson.runs.size(), 1u);
    EXPECT_EQ(lesson.runs[0].workload, "coffee");
    EXPECT_EQ(lesson.runs[0].parameters.at("students"), "4");
    EXPECT_EQ(lesson.runs[0].backends, std::vector<std::string>{"threads"});
    EXPECT_EQ(lesson.prediction.kind, "choice");
    EXPECT_EQ(lesson.prediction.backend, "threads");
    EXPECT_EQ(lesson.prediction.workers, 2u);
    ASSERT_EQ(lesson.prediction.choices.size(), 2u);
    EXPECT_EQ(choice_for(lesson.prediction, 1.9), "high");
    EXPECT_EQ(choice_for(lesson.prediction, 1.0), "low");
    EXPECT_EQ(lesson.explanation, "Waiting needs no core.");
    EXPECT_DOUBLE_EQ(lesson.expected_seconds, 1.0);
}

TEST(LessonParser, RefusesNamingTheFieldAndTheFile)
{
    struct Case {
        std::string text;
        std::string field;
        std::string says;
    };
    const std::vector<Case> cases = {
        {"{ not json", "", "not valid JSON"},
        {"[1e99999]", "", "not valid JSON"}, // a number past a double's range (found by fuzz_lesson_file)
        {with(R"("title": "Coffee",)", ""), "title", "missing"},
        {with(R"("workload": "coffee")", R"("workload": "tea")"), "runs[0].workload",
         "unknown workload 'tea'"},
        {with(R"(["threads"])", R"(["threads", "gpu"])"), "runs[0].backends[1]", "unknown backend 'gpu'"},
        {with(R"("students": 4)", R"("cups": 4)"), "runs[0].parameters.cups", "unknown parameter"},
        {with(R"("students": 4)", R"("students": -4)"), "runs[0].parameters", "students"},
        {with(R"("workers": "1:2")", R"("workers": "2:1")"), "runs[0].workers", ""},
        {with(R"("workers": "1:2")", R"("workers": "1:2", "gil": true, "chunk": "some")"), "runs[0].chunk",
         ""},
        {with(R"(["threads"])", R"(["processes"], "gil": true)"), "runs[0].gil", "own interpreter lock"},
        {with(R"("ask": "Speedup?",)", R"("ask": "Speedup?", "quantity": "joy",)"), "prediction.quantity",
         ""},
        {with(R"("workers": 2,)", R"("workers": 3,)"), "prediction.workers", "worker counts"},
        {with(R"("expected_seconds": 1)", R"("expected_seconds": "soon")"), "expected_seconds", "number"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        const LessonProblem problem = refusal(c.text);
        EXPECT_EQ(problem.file, "bad.json");
        EXPECT_EQ(problem.field, c.field);
        EXPECT_THAT(problem.message, HasSubstr(c.says));
        EXPECT_THAT(problem.text(), HasSubstr("bad.json"));
    }
}

TEST(LessonParser, RefusesASizeOverTheMachinesMemory)
{
    set_workload_memory_limit(std::uint64_t{64} << 20);
    const LessonProblem problem =
        refusal(with(R"("workload": "coffee", "parameters": {"students": 4, "seconds": 0.001})",
                     R"("workload": "matmul", "parameters": {"size": 4000})"));
    set_workload_memory_limit(0);
    EXPECT_EQ(problem.field, "runs[0].parameters");
    EXPECT_THAT(problem.message, HasSubstr("size"));
}

TEST(LessonParser, CpusStandsForTheLogicalCpus)
{
    EXPECT_EQ(resolve_workers("1:cpus+3", 2), "1:5");
    EXPECT_EQ(resolve_workers("cpus", 8), "8");
    EXPECT_EQ(resolve_workers("1:4", 8), "1:4");
}

TEST(LessonLibrary, EveryShippedLessonLoads)
{
    const LessonLibrary library = load_lessons(PARLAB_LESSONS_DIR);
    for (const LessonProblem& problem : library.problems)
        ADD_FAILURE() << problem.text();
    EXPECT_GE(library.lessons.size(), 9u);
    for (const char* name : {"coffee", "database", "gil", "sweep", "short-tasks", "unbalanced-chunking",
                             "nested-blas", "eigen", "dennard"})
        EXPECT_NE(library.find(name), nullptr) << name;
    for (const Lesson& lesson : library.lessons)
        EXPECT_LE(lesson.expected_seconds, 30.0) << lesson.name;
}

TEST(LessonLibrary, ABrokenFileIsReportedAndTheOthersLoad)
{
    const TempFolder folder;
    folder.write("01-good.json", valid);
    folder.write("02-broken.json", with(R"("workload": "coffee")", R"("workload": "tea")"));
    folder.write("03-garbled.json", "{ \"title\": ");
    folder.write("notes.txt", "not a lesson");
    const LessonLibrary library = load_lessons(folder.path());
    ASSERT_EQ(library.lessons.size(), 1u);
    EXPECT_EQ(library.lessons[0].name, "01-good");
    EXPECT_NE(library.find("good"), nullptr);
    ASSERT_EQ(library.problems.size(), 2u);
    EXPECT_THAT(library.problems[0].file, HasSubstr("02-broken.json"));
    EXPECT_EQ(library.problems[0].field, "runs[0].workload");
    EXPECT_THAT(library.problems[1].file, HasSubstr("03-garbled.json"));
    EXPECT_THROW((void)load_lessons(folder.path() + "/missing"), std::invalid_argument);
}

TEST(LessonRunner, RunsAtReducedSizeAndMeasuresThePrediction)
{
    Lesson lesson =
        parse_lesson(with(R"("parameters": {"students": 4, "seconds": 0.001},)",
                          R"("parameters": {"students": 4, "seconds": 5}, "reduced": {"seconds": 0.002},)"),
                     "coffee.json");
    const LessonOutcome outcome = run_lesson(lesson, {true, "", nullptr}, CancelToken{});
    ASSERT_EQ(outcome.sweeps.size(), 1u);
    EXPECT_EQ(outcome.sweeps[0].request.parameters.at("seconds"), "0.002");
    ASSERT_EQ(outcome.sweeps[0].result.points.size(), 2u);
    EXPECT_DOUBLE_EQ(outcome.measured, outcome.sweeps[0].result.points[1].speedup);
    EXPECT_EQ(outcome.choice, choice_for(lesson.prediction, outcome.measured));
    EXPECT_LT(outcome.seconds, 5.0); // the lesson's size would take 20 s: the reduced one ran
}

TEST(LessonRunner, DennardLessonFindsWhenFrequencyStopped)
{
    const LessonLibrary library = load_lessons(PARLAB_LESSONS_DIR);
    const Lesson* lesson = library.find("dennard");
    ASSERT_NE(lesson, nullptr);
    LessonRunOptions options;
    options.trends_folder = (std::filesystem::path(PARLAB_LESSONS_DIR).parent_path() / "trends").string();
    const LessonOutcome outcome = run_lesson(*lesson, options, CancelToken{});
    EXPECT_EQ(outcome.trends.size(), lesson->trends.size());
    EXPECT_GT(outcome.measured, 2000.0);
    EXPECT_LT(outcome.measured, 2010.0);
    EXPECT_EQ(outcome.choice, "between 1995 and 2010");
}

TEST(LessonRunner, EveryShippedLessonRunsAtReducedSize)
{
    const LessonLibrary library = load_lessons(PARLAB_LESSONS_DIR);
    LessonRunOptions options;
    options.reduced = true;
    options.trends_folder = (std::filesystem::path(PARLAB_LESSONS_DIR).parent_path() / "trends").string();
    for (const Lesson& lesson : library.lessons) {
        SCOPED_TRACE(lesson.name);
        const LessonOutcome outcome = run_lesson(lesson, options, CancelToken{});
        std::size_t sweeps = 0;
        for (const LessonRun& run : lesson.runs)
            sweeps += run.backends.size();
        EXPECT_EQ(outcome.sweeps.size(), sweeps);
        EXPECT_GT(outcome.measured, 0.0);
        if (lesson.prediction.kind == "choice") {
            EXPECT_TRUE(outcome.choice.has_value()) << "measured " << outcome.measured << " fits no choice";
        }
    }
}
