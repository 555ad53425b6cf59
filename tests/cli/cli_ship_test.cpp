// --ship-inputs alone means the socket, as scripts have always used it; =socket and =shm choose
// explicitly, and the JSON header says which.
#include "cli_process.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace parlab::test {
namespace {

using json = nlohmann::json;

std::vector<std::string> eigen_processes(std::vector<std::string> extra)
{
    std::vector<std::string> args{"run",    "--workload", "eigen",     "--param",  "matrices=20", "--param",
                                  "dim=16", "--backend",  "processes", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

json header_of(const CliOutcome& outcome)
{
    const auto lines = outcome.out_lines();
    if (lines.empty())
        return json::object();
    return json::parse(lines.front(), nullptr, false);
}

} // namespace

TEST(CliShipInputs, TheHeaderSaysWhetherAndHowInputsAreShipped)
{
    struct Form {
        std::vector<std::string> args;
        bool ship;
        std::string via;
    };
    // The bare flag followed by another option must not take that option for its value.
    for (const Form& form : std::vector<Form>{{{"--workers", "2"}, false, ""},
                                              {{"--ship-inputs", "--workers", "2"}, true, "socket"},
                                              {{"--workers", "2", "--ship-inputs"}, true, "socket"},
                                              {{"--ship-inputs=socket", "--workers", "2"}, true, "socket"},
                                              {{"--ship-inputs=shm", "--workers", "2"}, true, "shm"},
                                              {{"--ship-inputs", "shm", "--workers", "1:2"}, true, "shm"}}) {
        const std::string label = form.args.front() + " " + form.args.back();
        const CliOutcome outcome = run_cli(eigen_processes(form.args));
        ASSERT_EQ(outcome.exit_code, 0) << label << ": " << outcome.err;
        const json header = header_of(outcome);
        EXPECT_EQ(header.value("ship_inputs", !form.ship), form.ship) << label;
        if (form.ship)
            EXPECT_EQ(header.value("ship_via", ""), form.via) << label;
        else
            EXPECT_FALSE(header.contains("ship_via")) << label;
        // The shipped checksum is the serial one, however it was shipped.
        const auto lines = outcome.out_lines();
        ASSERT_GE(lines.size(), 3u) << label;
        const json summary = json::parse(lines.back(), nullptr, false);
        for (std::size_t i = 1; i + 1 < lines.size(); ++i)
            EXPECT_EQ(json::parse(lines[i], nullptr, false).value("checksum", "?"),
                      summary.value("serial_checksum", "!"))
                << label;
    }
}

TEST(CliShipInputs, AnUnknownWayIsRefusedNamingTheWords)
{
    const CliOutcome outcome = run_cli(eigen_processes({"--ship-inputs=bogus"}));
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    EXPECT_EQ(outcome.out, "");
    EXPECT_NE(outcome.err.find("--ship-inputs: inputs are shipped via socket | shm, got 'bogus'"),
              std::string::npos)
        << outcome.err;
}

TEST(CliShipInputs, ThreadsRefuseSharedMemoryAsTheyRefuseShipping)
{
    const CliOutcome outcome =
        run_cli({"run", "--workload", "cubes", "--param", "n=1000", "--workers", "2", "--ship-inputs=shm"});
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    EXPECT_NE(outcome.err.find("shipping inputs is not for the threads backend"), std::string::npos)
        << outcome.err;
}

} // namespace parlab::test
