#include "workloads/workload_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

using namespace parlab;
using ::testing::HasSubstr;

TEST(WorkloadRegistry, ListsAllSevenInTeachingOrder)
{
    std::vector<std::string> names;
    for (const auto& info : WorkloadRegistry::all())
        names.push_back(info.name);
    EXPECT_EQ(names, (std::vector<std::string>{"coffee", "cubes", "eigen", "countdown", "unbalanced",
                                               "images", "integrate", "matmul"}));
}

TEST(WorkloadRegistry, EveryWorkloadHasSpecsThatParseAtTheirDefaults)
{
    for (const auto& info : WorkloadRegistry::all()) {
        SCOPED_TRACE(info.name);
        EXPECT_FALSE(info.summary.empty());
        ASSERT_FALSE(info.parameters.empty());
        for (const auto& spec : info.parameters) {
            EXPECT_FALSE(spec.help.empty()) << spec.name;
            EXPECT_FALSE(spec.range_text().empty()) << spec.name;
        }
        const Parameters defaults(info.parameters, {});
        EXPECT_EQ(defaults.values().size(), info.parameters.size());
    }
}

TEST(WorkloadRegistry, ParameterNamesPerWorkload)
{
    const auto names = [](std::string_view workload) {
        std::vector<std::string> result;
        for (const auto& spec : WorkloadRegistry::find(workload).parameters)
            result.push_back(spec.name);
        return result;
    };
    EXPECT_EQ(names("coffee"), (std::vector<std::string>{"students", "seconds", "mode"}));
    EXPECT_EQ(names("cubes"), (std::vector<std::string>{"n", "chunks"}));
    EXPECT_EQ(names("eigen"), (std::vector<std::string>{"matrices", "dim", "seed"}));
    EXPECT_EQ(names("countdown"), (std::vector<std::string>{"tasks", "steps"}));
    EXPECT_EQ(names("unbalanced"), (std::vector<std::string>{"durations", "scale", "mode", "order", "seed"}));
    EXPECT_EQ(names("images"), (std::vector<std::string>{"images", "width", "height", "seed"}));
    EXPECT_EQ(names("matmul"),
              (std::vector<std::string>{"products", "size", "inner_threads", "inner", "seed"}));
}

TEST(WorkloadRegistry, CreatesEachWorkloadWithItsName)
{
    for (const auto& info : WorkloadRegistry::all()) {
        const auto workload = WorkloadRegistry::create(info.name, {});
        ASSERT_NE(workload, nullptr);
        EXPECT_EQ(workload->name(), info.name);
        EXPECT_GT(workload->task_count(), 0u);
    }
}

TEST(WorkloadRegistry, UnknownNameListsTheKnownOnes)
{
    try {
        (void)WorkloadRegistry::find("tea");
        FAIL() << "expected std::invalid_argument";
    } catch (const std::invalid_argument& error) {
        EXPECT_STREQ(error.what(),
                     "unknown workload 'tea' (known: coffee, cubes, eigen, countdown, unbalanced, images, "
                     "integrate, matmul)");
    }
    EXPECT_THROW((void)WorkloadRegistry::create("", {}), std::invalid_argument);
}

TEST(WorkloadRegistry, CreateValidatesParameters)
{
    EXPECT_THAT(
        [] {
            (void)WorkloadRegistry::create("coffee", {{"students", "0"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(
            HasSubstr("parameter 'students' must be in 1 .. 100000")));
    EXPECT_THAT(
        [] {
            (void)WorkloadRegistry::create("cubes", {{"chunk", "3"}});
        },
        ::testing::ThrowsMessage<std::invalid_argument>(HasSubstr("unknown parameter 'chunk'")));
}
