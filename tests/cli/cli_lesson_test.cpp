#include "cli_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace parlab::test {
namespace {

using nlohmann::json;

std::vector<json> lines_of(const CliOutcome& outcome)
{
    std::vector<json> lines;
    for (const std::string& line : outcome.out_lines())
        lines.push_back(json::parse(line));
    return lines;
}

} // namespace

TEST(CliLesson, ListsTheShippedLessons)
{
    const CliOutcome outcome = run_cli({"lesson", "list"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(outcome.err, "");
    for (const char* name : {"01-coffee", "02-database", "03-gil", "04-sweep", "05-short-tasks",
                             "06-unbalanced-chunking", "07-nested-blas", "08-eigen", "09-dennard"})
        EXPECT_NE(outcome.out.find(std::string(name) + " - "), std::string::npos) << name;
}

TEST(CliLesson, RunsALessonAtReducedSizeAsJson)
{
    const CliOutcome outcome = run_cli({"lesson", "run", "database", "--reduced", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> lines = lines_of(outcome);
    ASSERT_GE(lines.size(), 3u);
    EXPECT_EQ(lines.front().at("type"), "lesson");
    EXPECT_EQ(lines.front().at("name"), "02-database");
    EXPECT_FALSE(lines.front().at("question").get<std::string>().empty());
    EXPECT_GT(lines.front().at("expected_seconds").get<double>(), 0.0);
    std::size_t points = 0;
    std::set<std::string> labels;
    for (const json& line : lines) {
        if (line.at("type") == "point") {
            ++points;
            labels.insert(line.at("label").get<std::string>());
            EXPECT_EQ(line.at("workers"), 2);
        }
    }
    EXPECT_EQ(points, 4u); // two orders × threads and processes
    EXPECT_EQ(labels, (std::set<std::string>{"given order", "longest first"}));
    const json& answer = lines.back();
    EXPECT_EQ(answer.at("type"), "answer");
    EXPECT_GT(answer.at("measured").get<double>(), 0.0);
    EXPECT_TRUE(answer.contains("choice"));
    EXPECT_FALSE(answer.at("explanation").get<std::string>().empty());
}

TEST(CliLesson, ABrokenLessonIsReportedAndSkipped)
{
    const auto folder =
        std::filesystem::temp_directory_path() / ("parlab-cli-lessons-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "good.json")
        << R"({"title": "Trends", "question": "When?", "trends": ["frequency_mhz"],
        "prediction": {"ask": "Year?", "quantity": "plateau_year", "series": "frequency_mhz"},
        "explanation": "Power.", "expected_seconds": 1})";
    std::ofstream(folder / "broken.json") << R"({"title": "x", "question": "y", "explanation": "z",
        "expected_seconds": 1, "runs": [{"workload": "tea", "backends": ["threads"]}],
        "prediction": {"ask": "?", "workers": 1}})";
    const CliOutcome list = run_cli({"lesson", "--lessons", folder.string(), "list"});
    EXPECT_EQ(list.exit_code, 0) << list.err;
    EXPECT_NE(list.out.find("good - Trends"), std::string::npos) << list.out;
    EXPECT_NE(list.err.find("broken.json: field 'runs[0].workload' unknown workload 'tea'"),
              std::string::npos)
        << list.err;
    const CliOutcome run = run_cli({"lesson", "--lessons", folder.string(), "run", "broken"});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_NE(run.err.find("runs[0].workload"), std::string::npos) << run.err;
    const CliOutcome missing = run_cli({"lesson", "--lessons", folder.string(), "run", "nothing"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("no lesson named 'nothing'"), std::string::npos) << missing.err;
    std::filesystem::remove_all(folder);
}

TEST(CliGil, ThreadsOnlyAndShownInTheHeaders)
{
    const CliOutcome refused =
        run_cli({"run", "--workload", "coffee", "--backend", "processes", "--workers", "2", "--gil"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("--gil: GIL mode is for the threads backend only"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("own interpreter lock"), std::string::npos) << refused.err;

    const CliOutcome json_run = run_cli({"run", "--workload", "coffee", "--workers", "2", "--gil", "--param",
                                         "students=4", "--param", "seconds=0.001", "--format", "json"});
    ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
    const std::vector<json> lines = lines_of(json_run);
    EXPECT_EQ(lines.front().at("gil"), true);
    EXPECT_TRUE(lines.at(1).contains("lock_wait_s"));

    const CliOutcome table = run_cli({"run", "--workload", "coffee", "--workers", "2", "--gil", "--param",
                                      "students=4", "--param", "seconds=0.001"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("GIL on"), std::string::npos) << table.out;
}

TEST(CliGil, TheSwitchIntervalIsAParameterOfGilMode)
{
    const CliOutcome run =
        run_cli({"run", "--workload", "coffee", "--workers", "2", "--gil", "--switch-interval", "0.001",
                 "--param", "students=4", "--param", "seconds=0.001", "--format", "json"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_DOUBLE_EQ(lines_of(run).front().at("gil_switch_interval_s").get<double>(), 0.001);

    const CliOutcome without_gil = run_cli({"run", "--workload", "coffee", "--switch-interval", "0.001"});
    EXPECT_EQ(without_gil.exit_code, 2);
    EXPECT_NE(without_gil.err.find("--switch-interval goes with --gil"), std::string::npos)
        << without_gil.err;
    const CliOutcome too_long = run_cli({"run", "--workload", "coffee", "--gil", "--switch-interval", "5"});
    EXPECT_EQ(too_long.exit_code, 2);
    EXPECT_NE(too_long.err.find("switch interval must be in 0.0001 .. 1 s"), std::string::npos)
        << too_long.err;
}

TEST(CliChunk, AutoFollowsPoolMap)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--workers", "2", "--chunk", "auto",
                                        "--param", "n=100000", "--param", "chunks=100", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> lines = lines_of(outcome);
    EXPECT_EQ(lines.front().at("chunk"), "auto");
    EXPECT_EQ(run_cli({"run", "--workload", "cubes", "--chunk", "some"}).exit_code, 2);
}

TEST(CliMachine, PrintsEachBackendsBreakEven)
{
    const CliOutcome outcome = run_cli({"machine"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_NE(outcome.out.find("lose on this backend"), std::string::npos) << outcome.out;
    const CliOutcome as_json = run_cli({"machine", "--format", "json"});
    ASSERT_EQ(as_json.exit_code, 0) << as_json.err;
    const json facts = json::parse(as_json.out);
    EXPECT_GT(facts.at("task_overhead").at("processes").at("per_task_s").get<double>(), 0.0);
}

} // namespace parlab::test
