#include "executors/threads_executor.h"
#include "trace/chrome_trace_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace parlab {
namespace {

using nlohmann::json;

std::vector<json> of_phase(const json& document, const std::string& phase)
{
    std::vector<json> found;
    for (const auto& event : document.at("traceEvents"))
        if (event.at("ph") == phase)
            found.push_back(event);
    return found;
}

TEST(ChromeTraceWriter, OneCompleteEventPerSpanInMicroseconds)
{
    Trace trace;
    trace.host = "lab-07";
    trace.events = {
        {0, 0, 4242, 1, Phase::Compute, 5'000'000, 5'002'500},
        {1, 1, 4242, 0, Phase::Compute, 5'001'000, 5'004'000},
        {2, 0, 4242, 1, Phase::Ship, 5'002'500, 5'003'000},
    };
    std::ostringstream out;
    write_chrome_trace(trace, out, "cubes on threads");
    const json document = json::parse(out.str());

    EXPECT_EQ(document.at("displayTimeUnit"), "ms");
    EXPECT_EQ(document.at("otherData").at("host"), "lab-07");
    EXPECT_EQ(document.at("otherData").at("title"), "cubes on threads");

    const auto spans = of_phase(document, "X");
    ASSERT_EQ(spans.size(), 3u);
    EXPECT_EQ(spans[0].at("name"), "task 0");
    EXPECT_EQ(spans[0].at("cat"), "compute");
    EXPECT_DOUBLE_EQ(spans[0].at("ts").get<double>(), 0.0);
    EXPECT_DOUBLE_EQ(spans[0].at("dur").get<double>(), 2.5);
    EXPECT_EQ(spans[0].at("pid"), 4242);
    EXPECT_EQ(spans[0].at("tid"), 0);
    EXPECT_EQ(spans[1].at("name"), "task 1");
    EXPECT_DOUBLE_EQ(spans[1].at("ts").get<double>(), 1.0);
    EXPECT_EQ(spans[1].at("tid"), 1);
    EXPECT_EQ(spans[1].at("args").at("task"), 1);
    EXPECT_EQ(spans[1].at("args").at("cpu"), 0);
    EXPECT_EQ(spans[1].at("args").at("worker"), 1);
    EXPECT_EQ(spans[2].at("cat"), "ship");
    EXPECT_DOUBLE_EQ(spans[2].at("ts").get<double>(), 2.5);

    std::vector<std::string> names;
    for (const auto& meta : of_phase(document, "M")) {
        if (meta.at("name") == "thread_name")
            names.push_back(meta.at("args").at("name"));
        if (meta.at("name") == "process_name") {
            EXPECT_EQ(meta.at("args").at("name"), "cubes on threads (pid 4242)");
        }
    }
    EXPECT_EQ(names, (std::vector<std::string>{"worker 0", "worker 1"}));
}

TEST(ChromeTraceWriter, EmptyTraceIsValidJson)
{
    std::ostringstream out;
    write_chrome_trace({}, out, "nothing");
    const json document = json::parse(out.str());
    EXPECT_TRUE(document.at("traceEvents").empty());
}

class IndexWorkload : public Workload {
public:
    IndexWorkload() : Workload("index", Parameters({}, {})) {}
    [[nodiscard]] std::size_t task_count() const override { return 9; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken&) const override
    {
        Partial partial;
        partial.exact = task;
        return partial;
    }
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override
    {
        return {std::to_string(partials.size()), {}};
    }
};

TEST(ChromeTraceWriter, WritesARealRun)
{
    ExecutorOptions options;
    options.workers = 3;
    const auto run = ThreadsExecutor().run(IndexWorkload(), options);
    std::ostringstream out;
    write_chrome_trace(run.trace, out, "index");
    const json document = json::parse(out.str());
    const auto spans = of_phase(document, "X");
    ASSERT_EQ(spans.size(), 9u);
    for (const auto& span : spans) {
        EXPECT_LT(span.at("tid").get<int>(), 3);
        EXPECT_GE(span.at("ts").get<double>(), 0.0);
        EXPECT_GE(span.at("dur").get<double>(), 0.0);
    }
}

} // namespace
} // namespace parlab
