#include "cli_process.h"

#include "executors/cluster/launched_job.h"
#include "executors/serial_executor.h"
#include "workloads/workload_registry.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace parlab::test {
namespace {

using nlohmann::json;

const char* const point_fields[] = {"workload",   "backend",    "workers", "tasks",      "wall_s",
                                    "wall_s_min", "wall_s_max", "speedup", "efficiency", "checksum"};
const char* const process_cost_fields[] = {"startup_s", "ship_s", "bytes_sent", "bytes_received",
                                           "teardown_s"};

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer.
__extension__ using uint128 = unsigned __int128;

std::string u128_text(uint128 value)
{
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
        value /= 10;
    } while (value != 0);
    return digits;
}

// (n(n-1)/2)², the closed form of the sum of i³ for i in [0, n).
std::string cubes_sum(unsigned long long n)
{
    const uint128 half = static_cast<uint128>(n) * (n - 1) / 2;
    return u128_text(half * half);
}

// Every stdout line must be a JSON object: nothing else may share stdout with the data.
std::vector<json> json_lines(const CliOutcome& outcome)
{
    std::vector<json> lines;
    for (const std::string& line : outcome.out_lines()) {
        json parsed = json::parse(line, nullptr, false);
        EXPECT_TRUE(parsed.is_object()) << "not a JSON object on stdout: " << line;
        lines.push_back(std::move(parsed));
    }
    return lines;
}

std::vector<json> points_of(const std::vector<json>& lines)
{
    std::vector<json> points;
    for (const json& line : lines) {
        if (line.value("type", "") == "point")
            points.push_back(line);
    }
    return points;
}

std::string temporary_path(const std::string& name)
{
    return ::testing::TempDir() + "parlab_cli_" + std::to_string(getpid()) + "_" + name;
}

TEST(CliList, NamesEveryWorkloadWithItsParametersAndEveryBackend)
{
    const CliOutcome outcome = run_cli({"list"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(outcome.err, "");
    for (const char* name : {"coffee", "cubes", "eigen", "countdown", "unbalanced", "images", "integrate"})
        EXPECT_NE(outcome.out.find("  " + std::string(name) + " - "), std::string::npos) << name;
    for (const WorkloadInfo& info : WorkloadRegistry::all()) {
        for (const ParameterSpec& spec : info.parameters) {
            EXPECT_NE(outcome.out.find("    " + spec.name + " "), std::string::npos)
                << info.name << ' ' << spec.name;
            EXPECT_NE(outcome.out.find(spec.range_text()), std::string::npos)
                << info.name << ' ' << spec.name;
        }
    }
    for (const char* parameter :
         {"students", "seconds", "mode", "n", "chunks", "matrices", "dim", "seed", "tasks", "steps",
          "durations", "scale", "order", "images", "width", "height", "first", "step"})
        EXPECT_NE(outcome.out.find("    " + std::string(parameter) + " "), std::string::npos) << parameter;
    for (const char* backend : {"serial", "threads", "processes", "cluster"})
        EXPECT_NE(outcome.out.find("  " + std::string(backend) + " "), std::string::npos) << backend;
}

TEST(CliRun, JsonHasHeaderOnePointPerWorkerCountAndSummary)
{
    const CliOutcome outcome =
        run_cli({"run", "--workload", "cubes", "--workers", "1:2", "--param", "n=1000", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> lines = json_lines(outcome);
    ASSERT_EQ(lines.size(), 4u) << outcome.out;

    const json& header = lines.front();
    EXPECT_EQ(header.at("type"), "header");
    for (const char* field :
         {"host", "cpu_model", "logical_cpus", "physical_cores", "packages", "frequency_mhz", "memory_bytes",
          "workload", "backend", "parameters", "repeats", "chunk", "schedule"})
        EXPECT_TRUE(header.contains(field)) << field;
    EXPECT_EQ(header.at("workload"), "cubes");
    EXPECT_EQ(header.at("parameters").at("n"), "1000");
    EXPECT_EQ(header.at("parameters").at("chunks"), "50");

    const std::vector<json> points = points_of(lines);
    ASSERT_EQ(points.size(), 2u);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const json& point = points[i];
        for (const char* field : point_fields)
            EXPECT_TRUE(point.contains(field)) << field;
        EXPECT_EQ(point.at("workers"), i + 1);
        EXPECT_EQ(point.at("backend"), "threads");
        EXPECT_EQ(point.at("tasks"), 50);
        ASSERT_TRUE(point.at("checksum").is_string());
        EXPECT_EQ(point.at("checksum"), cubes_sum(1000));
        EXPECT_LE(point.at("wall_s_min").get<double>(), point.at("wall_s").get<double>());
        EXPECT_LE(point.at("wall_s").get<double>(), point.at("wall_s_max").get<double>());
        EXPECT_NEAR(point.at("efficiency").get<double>(),
                    point.at("speedup").get<double>() / static_cast<double>(i + 1), 1e-12);
    }

    const json& summary = lines.back();
    EXPECT_EQ(summary.at("type"), "summary");
    EXPECT_TRUE(summary.at("serial_fraction").is_number());
    EXPECT_EQ(summary.at("serial_checksum"), cubes_sum(1000));
    // Gustafson's s + p(1 - s) for each worker count, with the fitted s.
    const double s = summary.at("serial_fraction").get<double>();
    ASSERT_EQ(summary.at("scaled_speedup").size(), 2u);
    EXPECT_NEAR(summary.at("scaled_speedup").at("1").get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(summary.at("scaled_speedup").at("2").get<double>(), s + 2.0 * (1.0 - s), 1e-12);
}

TEST(CliRun, CubesChecksumIsTheClosedFormBeyond64Bits)
{
    // (n(n-1)/2)² passes 2⁶⁴ here, so the exact 128-bit sum is what gets printed.
    const unsigned long long n = 3'000'001;
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--workers", "3", "--param",
                                        "n=" + std::to_string(n), "--param", "chunks=7", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> points = points_of(json_lines(outcome));
    ASSERT_EQ(points.size(), 1u);
    EXPECT_EQ(points[0].at("checksum"), cubes_sum(n));
}

TEST(CliRun, EigenPointsAddChecksumMax)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "eigen", "--workers", "2", "--param",
                                        "matrices=6", "--param", "dim=8", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> points = points_of(json_lines(outcome));
    ASSERT_EQ(points.size(), 1u);
    ASSERT_TRUE(points[0].at("checksum").is_string());
    ASSERT_TRUE(points[0].at("checksum_max").is_string());
    // A float checksum is printed with every digit it has: the text is the serial run's own, and
    // reads back to the same double (counting digits fails when the shortest form ends in zeros).
    const auto workload = WorkloadRegistry::create("eigen", {{"matrices", "6"}, {"dim", "8"}});
    SerialExecutor serial;
    ExecutorOptions options;
    const parlab::Run baseline = serial.run(*workload, options);
    const std::string checksum = points[0].at("checksum");
    EXPECT_EQ(checksum, baseline.checksum.value);
    EXPECT_EQ(std::stod(checksum), std::stod(baseline.checksum.value));
    EXPECT_NE(checksum.find_first_not_of("-0123456789"), std::string::npos) << "a float, not a count";
}

TEST(CliRun, ProcessesPointsCarryTheirCosts)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--backend", "processes", "--workers",
                                        "1:2", "--param", "n=1000", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> points = points_of(json_lines(outcome));
    ASSERT_EQ(points.size(), 2u);
    for (const json& point : points) {
        EXPECT_EQ(point.at("backend"), "processes");
        for (const char* field : point_fields)
            EXPECT_TRUE(point.contains(field)) << field;
        for (const char* field : process_cost_fields)
            EXPECT_TRUE(point.at(field).is_number()) << field;
        EXPECT_GT(point.at("bytes_received").get<double>(), 0.0);
        EXPECT_EQ(point.at("checksum"), cubes_sum(1000));
    }
}

TEST(CliRun, ClusterPointsCarryHostsAndRanksPerHost)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "integrate", "--backend", "cluster", "--workers",
                                        "1:2", "--param", "tasks=30", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<json> lines = json_lines(outcome);
    const std::vector<json> points = points_of(lines);
    ASSERT_EQ(points.size(), 2u);
    for (const json& point : points) {
        EXPECT_EQ(point.at("backend"), "cluster");
        for (const char* field : point_fields)
            EXPECT_TRUE(point.contains(field)) << field;
        ASSERT_TRUE(point.at("hosts").is_array()) << point.dump();
        ASSERT_EQ(point.at("hosts").size(), 1u);
        const std::string host = point.at("hosts")[0];
        EXPECT_EQ(point.at("ranks_per_host").at(host), point.at("workers"));
        EXPECT_GT(point.at("startup_s").get<double>(), 0.0);
        EXPECT_EQ(point.at("checksum"), lines.back().at("serial_checksum"));
    }
}

TEST(CliRun, ClusterRunSaysEachRanksClockOffsetAndUncertainty)
{
    if (LaunchedJob::find_program("mpirun").empty())
        GTEST_SKIP() << "mpirun is not on PATH";
    const CliOutcome outcome = run_cli({"run", "--workload", "integrate", "--backend", "cluster", "--workers",
                                        "3", "--param", "tasks=12", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    json_lines(outcome); // stdout stays data only
    std::vector<std::string> clocks;
    for (const std::string& line : outcome.err_lines())
        if (line.rfind("clocks, W=3 ", 0) == 0)
            clocks.push_back(line);
    ASSERT_EQ(clocks.size(), 1u) << outcome.err;
    const std::string host = host_name();
    for (const char* rank : {"rank 1 on ", "rank 2 on "}) {
        const auto at = clocks[0].find(rank + host + " ");
        ASSERT_NE(at, std::string::npos) << clocks[0];
        // "+1.2 µs ± 3.4 µs": a signed offset, then its uncertainty.
        const std::string rest = clocks[0].substr(at + std::string(rank).size() + host.size() + 1);
        EXPECT_TRUE(rest[0] == '+' || rest[0] == '-') << rest;
        EXPECT_NE(rest.find(" ± "), std::string::npos) << rest;
    }
    EXPECT_EQ(clocks[0].find("rank 0 on " + host + " +"), std::string::npos) << "rank 0 is the reference";
}

TEST(CliRun, CsvHeaderHasThePointFieldsAndRowsMatchIt)
{
    const CliOutcome outcome =
        run_cli({"run", "--workload", "cubes", "--workers", "1:2", "--param", "n=1000", "--format", "csv"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<std::string> lines = outcome.out_lines();
    ASSERT_EQ(lines.size(), 3u) << outcome.out;
    const auto split = [](const std::string& row) {
        std::vector<std::string> fields;
        std::size_t begin = 0;
        for (std::size_t comma = row.find(','); comma != std::string::npos; comma = row.find(',', begin)) {
            fields.push_back(row.substr(begin, comma - begin));
            begin = comma + 1;
        }
        fields.push_back(row.substr(begin));
        return fields;
    };
    const std::vector<std::string> header = split(lines[0]);
    const std::set<std::string> columns(header.begin(), header.end());
    for (const char* field : point_fields)
        EXPECT_EQ(columns.count(field), 1u) << field;
    for (const char* field : process_cost_fields)
        EXPECT_EQ(columns.count(field), 1u) << field;
    std::size_t checksum_column = 0;
    while (checksum_column < header.size() && header[checksum_column] != "checksum")
        ++checksum_column;
    for (std::size_t row = 1; row < lines.size(); ++row) {
        const std::vector<std::string> fields = split(lines[row]);
        ASSERT_EQ(fields.size(), header.size()) << lines[row];
        EXPECT_EQ(fields[checksum_column], cubes_sum(1000));
    }
}

TEST(CliRun, TraceFileIsChromeTraceJsonWithOneCompleteEventPerTask)
{
    const std::string path = temporary_path("trace.json");
    const CliOutcome outcome = run_cli({"run", "--workload", "cubes", "--workers", "1:2", "--param", "n=1000",
                                        "--param", "chunks=9", "--format", "json", "--trace", path});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    std::ifstream file(path);
    ASSERT_TRUE(file) << path;
    const json trace = json::parse(file, nullptr, false);
    std::remove(path.c_str());
    ASSERT_TRUE(trace.is_object());
    ASSERT_TRUE(trace.at("traceEvents").is_array());
    std::multiset<long long> tasks;
    for (const json& event : trace.at("traceEvents")) {
        if (event.at("ph") != "X")
            continue;
        EXPECT_GE(event.at("dur").get<double>(), 0.0);
        EXPECT_TRUE(event.contains("ts") && event.contains("pid") && event.contains("tid"));
        tasks.insert(event.at("args").at("task").get<long long>());
    }
    ASSERT_EQ(tasks.size(), 9u);
    for (long long task = 0; task < 9; ++task)
        EXPECT_EQ(tasks.count(task), 1u) << "task " << task;
}

TEST(CliRun, TableIsTheDefaultAndEndsWithTheAmdahlFit)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "coffee", "--workers", "1:2", "--param",
                                        "students=4", "--param", "seconds=0.001"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_NE(outcome.out.find("workers"), std::string::npos);
    EXPECT_NE(outcome.out.find("speedup"), std::string::npos);
    EXPECT_NE(outcome.out.find("serial fraction"), std::string::npos);
}

TEST(CliMachine, JsonHasTheMachineFacts)
{
    const CliOutcome outcome = run_cli({"machine", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const json facts = json::parse(outcome.out, nullptr, false);
    ASSERT_TRUE(facts.is_object()) << outcome.out;
    EXPECT_GE(facts.at("logical_cpus").get<int>(), 1);
    EXPECT_GE(facts.at("physical_cores").get<int>(), 1);
    EXPECT_GT(facts.at("memory_bytes").get<double>(), 0.0);
}

} // namespace
} // namespace parlab::test
