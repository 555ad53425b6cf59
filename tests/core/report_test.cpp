#include "report/report_csv.h"
#include "report/report_json.h"
#include "text/text_units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace parlab {
namespace {

using ::testing::HasSubstr;

Point sample_point()
{
    Point p;
    p.workload = "eigen";
    p.backend = "processes";
    p.workers = 4;
    p.tasks = 400;
    p.repeats = 3;
    p.wall_s = 0.5;
    p.wall_s_min = 0.25;
    p.wall_s_max = 0.75;
    p.speedup = 3.5;
    p.efficiency = 0.875;
    p.karp_flatt = 0.047619047619047616;
    p.wall_s_cv = 0.125;
    p.speedup_low = 2.5;
    p.speedup_high = 4.25;
    p.noise = 0.375;
    p.costs.startup_s = 0.125;
    p.costs.ship_s = 0.0625;
    p.costs.compute_s = 1.75;
    p.costs.teardown_s = 0.03125;
    p.costs.bytes_sent = 13'107'200;
    p.costs.bytes_received = 6400;
    p.checksum.value = "123.45678901234567";
    p.checksum.extra["checksum_max"] = "9.75";
    return p;
}

void expect_same(const Point& a, const Point& b)
{
    EXPECT_EQ(a.workload, b.workload);
    EXPECT_EQ(a.backend, b.backend);
    EXPECT_EQ(a.workers, b.workers);
    EXPECT_EQ(a.tasks, b.tasks);
    EXPECT_EQ(a.repeats, b.repeats);
    EXPECT_EQ(a.wall_s, b.wall_s);
    EXPECT_EQ(a.wall_s_min, b.wall_s_min);
    EXPECT_EQ(a.wall_s_max, b.wall_s_max);
    EXPECT_EQ(a.speedup, b.speedup);
    EXPECT_EQ(a.efficiency, b.efficiency);
    EXPECT_EQ(a.karp_flatt, b.karp_flatt);
    EXPECT_EQ(a.wall_s_cv, b.wall_s_cv);
    EXPECT_EQ(a.speedup_low, b.speedup_low);
    EXPECT_EQ(a.speedup_high, b.speedup_high);
    EXPECT_EQ(a.noise, b.noise);
    EXPECT_EQ(a.artefact, b.artefact);
    EXPECT_EQ(a.checksum.extra, b.checksum.extra); // "artefact" is no checksum extra
    EXPECT_EQ(a.costs.startup_s, b.costs.startup_s);
    EXPECT_EQ(a.costs.ship_s, b.costs.ship_s);
    EXPECT_EQ(a.costs.compute_s, b.costs.compute_s);
    EXPECT_EQ(a.costs.teardown_s, b.costs.teardown_s);
    EXPECT_EQ(a.costs.bytes_sent, b.costs.bytes_sent);
    EXPECT_EQ(a.costs.bytes_received, b.costs.bytes_received);
    EXPECT_EQ(a.checksum, b.checksum);
}

TEST(ReportJson, PointFieldsAreTheContractInOrder)
{
    const auto json = point_json(sample_point());
    std::vector<std::string> keys;
    for (const auto& item : json.items())
        keys.push_back(item.key());
    EXPECT_EQ(keys, (std::vector<std::string>{
                        "type",      "workload",    "backend",      "workers",        "tasks",
                        "repeats",   "wall_s",      "wall_s_min",   "wall_s_max",     "wall_s_cv",
                        "speedup",   "speedup_low", "speedup_high", "efficiency",     "karp_flatt",
                        "noise",     "checksum",    "checksum_max", "startup_s",      "ship_s",
                        "compute_s", "teardown_s",  "bytes_sent",   "bytes_received", "lock_wait_s"}));
    EXPECT_EQ(json["type"], "point");
}

TEST(ReportJson, PointRoundTripsThroughJsonText)
{
    const Point point = sample_point();
    expect_same(point_from_json_text(point_json(point).dump()), point);
}

TEST(ReportJson, ReadsTheNestedLayoutOfEarlierSessionFiles)
{
    const Point point = sample_point();
    nlohmann::json nested = nlohmann::json::parse(point_json(point).dump());
    nlohmann::json costs;
    for (const char* key :
         {"startup_s", "ship_s", "compute_s", "teardown_s", "bytes_sent", "bytes_received"}) {
        costs[key] = nested[key];
        nested.erase(key);
    }
    nested["costs"] = costs;
    nested.erase("checksum_max");
    nested["checksum"] = {{"value", point.checksum.value}, {"extra", {{"checksum_max", "9.75"}}}};
    expect_same(point_from_json(nested), point);

    // An extra named like a field of the point would overwrite that field when written back
    // (found by fuzzing the session loader: a "backend" extra replaced the point's backend).
    nested["checksum"]["extra"]["backend"] = "mpi";
    try {
        point_from_json(nested);
        FAIL() << "an extra named backend was accepted";
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("\"backend\""), std::string::npos) << error.what();
    }
}

TEST(ReportJson, ReadsPointsWrittenBeforeTheSpreadWasMeasured)
{
    auto json = nlohmann::json::parse(point_json(sample_point()).dump());
    for (const char* key : {"wall_s_cv", "speedup_low", "speedup_high", "noise"})
        json.erase(key);
    const Point point = point_from_json(json);
    EXPECT_EQ(point.wall_s_cv, 0.0);
    EXPECT_EQ(point.speedup_low, 0.0);
    EXPECT_EQ(point.speedup_high, 0.0);
    EXPECT_EQ(point.noise, 0.0);
    EXPECT_TRUE(point.artefact.empty());
    EXPECT_EQ(point.speedup, 3.5);
}

TEST(ReportJson, AnArtefactIsWrittenOnlyWhenThereIsOne)
{
    Point point = sample_point();
    EXPECT_FALSE(point_json(point).contains("artefact"));
    point.artefact = "speedup 2.24 above the 2 logical CPUs";
    const auto json = point_json(point);
    EXPECT_EQ(json["artefact"], point.artefact);
    expect_same(point_from_json_text(json.dump()), point);
}

TEST(ReportJson, NamesWhatIsMissingOrWrong)
{
    auto json = nlohmann::json::parse(point_json(sample_point()).dump());
    json.erase("wall_s");
    EXPECT_THAT([&] { (void)point_from_json(json, "runs[2].points[0]"); },
                ::testing::ThrowsMessage<std::invalid_argument>(
                    HasSubstr("runs[2].points[0] has no valid \"wall_s\"")));
    json["wall_s"] = "fast";
    EXPECT_THROW((void)point_from_json(json), std::invalid_argument);
    json["wall_s"] = 0.5;
    json["workers"] = 0;
    EXPECT_THAT([&] { (void)point_from_json(json); },
                ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("zero workers")));
    EXPECT_THAT([] { (void)point_from_json_text("{not json"); },
                ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("is not JSON")));
}

TEST(ReportJson, RunCarriesItsCostsPerWorker)
{
    parlab::Run run;
    run.workload = "cubes";
    run.backend = "threads";
    run.workers = 2;
    run.tasks = 10;
    run.tasks_done = 10;
    run.wall_s = 0.5;
    run.costs.compute_s = 0.75;
    run.costs.compute_s_per_worker = {0.5, 0.25};
    run.checksum.value = "42";
    run.trace.events.resize(10);
    const auto json = run_json(run);
    EXPECT_EQ(json["type"], "run");
    EXPECT_EQ(json["tasks_done"], 10);
    EXPECT_EQ(json["checksum"], "42");
    EXPECT_EQ(json["compute_s_per_worker"], nlohmann::json::array({0.5, 0.25}));
    EXPECT_EQ(json["trace_events"], 10);
}

TEST(ReportJson, MachineFactsUseTheMachineCommandsNames)
{
    MachineFacts facts;
    facts.host = "lab-7";
    facts.logical_cpus = 8;
    facts.memory_bytes = 1ull << 34;
    const auto json = machine_json(facts, 1ull << 33);
    EXPECT_EQ(json["host"], "lab-7");
    EXPECT_EQ(json["logical_cpus"], 8);
    EXPECT_EQ(json["memory_bytes"], 1ull << 34);
    EXPECT_EQ(json["available_memory_bytes"], 1ull << 33);
    for (const char* key : {"cpu_model", "physical_cores", "packages", "numa_nodes", "frequency_mhz",
                            "l1d_bytes", "l2_bytes", "l3_bytes", "max_processes"})
        EXPECT_TRUE(json.contains(key)) << key;
}

TEST(ReportCsv, HeaderAndRowFollowTheJsonFieldsWithoutType)
{
    const auto json = point_json(sample_point());
    const std::string header = csv_header(json);
    EXPECT_EQ(header.rfind("workload,backend,workers,tasks,repeats,wall_s,", 0), 0u) << header;
    EXPECT_EQ(header.find("type"), std::string::npos);
    const std::string row = csv_row(json);
    EXPECT_EQ(row.rfind("eigen,processes,4,400,3,0.5,", 0), 0u) << row;
    EXPECT_EQ(std::count(header.begin(), header.end(), ','), std::count(row.begin(), row.end(), ','));
}

TEST(ReportCsv, QuotesTextThatWouldBreakARow)
{
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(TextUnits, BytesAreBinaryUnitsEverywhere)
{
    EXPECT_EQ(bytes_text(std::uint64_t{512}), "512 B");
    EXPECT_EQ(bytes_text(std::uint64_t{48} * 1024), "48 KiB");
    EXPECT_EQ(bytes_text(std::uint64_t{13'107'200}), "12.5 MiB");
    EXPECT_EQ(bytes_text(1.5 * 1024 * 1024 * 1024), "1.5 GiB");
}

} // namespace
} // namespace parlab
