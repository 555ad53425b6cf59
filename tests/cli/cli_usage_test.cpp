#include "cli_process.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace parlab::test {
namespace {

struct Mistake {
    std::vector<std::string> args;
    std::string named; ///< what the one line on stderr must mention
};

std::vector<std::string> cubes_run(std::vector<std::string> extra)
{
    std::vector<std::string> args{"run", "--workload", "cubes", "--param", "n=1000", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

class CliMistake : public ::testing::TestWithParam<Mistake> {};

TEST_P(CliMistake, ExitsTwoWithOneLineNamingTheProblemAndNoOutput)
{
    const Mistake& mistake = GetParam();
    const CliOutcome outcome = run_cli(mistake.args);
    EXPECT_EQ(outcome.exit_code, 2) << outcome.err;
    EXPECT_EQ(outcome.out, "");
    const std::vector<std::string> lines = outcome.err_lines();
    ASSERT_EQ(lines.size(), 1u) << outcome.err;
    EXPECT_EQ(lines[0].rfind("parlab-cli: ", 0), 0u) << lines[0];
    EXPECT_NE(lines[0].find(mistake.named), std::string::npos) << lines[0];
}

// Every kind of mistake the contract names: bad workers, workload, parameter, format, schedule,
// backend, repeats, options and commands, an unwritable trace, a size that does not fit.
const Mistake mistakes[] = {
    Mistake{cubes_run({"--workers", "0"}), "at least 1"},
    Mistake{cubes_run({"--workers", "10000"}), "10000"},
    Mistake{cubes_run({"--workers", "1:x"}), "'x'"},
    Mistake{{"run", "--workload", "espresso"}, "espresso"},
    Mistake{{"run"}, "--workload"},
    Mistake{cubes_run({"--param", "colour=blue"}), "colour"},
    Mistake{cubes_run({"--param", "chunks=0"}), "chunks"},
    Mistake{{"run", "--workload", "cubes", "--param", "n=0"}, "'n'"},
    Mistake{{"run", "--workload", "coffee", "--param", "seconds=-1"}, "seconds"},
    Mistake{cubes_run({"--param", "n"}), "KEY=VALUE"},
    Mistake{cubes_run({"--param", "n=7"}), "twice"},
    Mistake{{"run", "--workload", "cubes", "--format", "xml"}, "--format"},
    Mistake{cubes_run({"--schedule", "sometimes"}), "--schedule"},
    Mistake{cubes_run({"--backend", "gpu"}), "gpu"},
    Mistake{cubes_run({"--backend", "serial", "--workers", "1:2"}), "serial"},
    Mistake{cubes_run({"--repeat", "0"}), "--repeat"},
    Mistake{cubes_run({"--chunk", "-1"}), "--chunk"},
    Mistake{cubes_run({"--retry-failed", "101"}), "--retry-failed"},
    Mistake{cubes_run({"--workers", "-1"}), "worker count must be at least 1, got -1"},
    Mistake{cubes_run({"--workers", "1:-4"}), "upper end must be at least 1, got -4"},
    Mistake{cubes_run({"--retry-failed", "abc"}),
            "--retry-failed: must be a whole number in 0 .. 100, got 'abc'"},
    Mistake{cubes_run({"--repeat", "abc"}), "--repeat: must be a whole number in 1 .. 1000, got 'abc'"},
    Mistake{cubes_run({"--chunk", "abc"}), "--chunk: must be auto or a whole number in 0 .. "},
    Mistake{cubes_run({"--memory-limit", "1e3"}),
            "--memory-limit: must be a whole number of bytes with an optional unit K, M, G or T"},
    Mistake{cubes_run({"--memory-limit", "-5M"}), "--memory-limit: must be a whole number of bytes"},
    // Sixteen threads hold sixteen images at once, whatever the machine's CPU count.
    Mistake{{"run", "--workload", "images", "--param", "width=4096", "--param", "height=4096", "--param",
             "images=16", "--workers", "16", "--memory-limit", "300M"},
            "for 16 tasks at once"},
    Mistake{cubes_run({"--ship-inputs"}), "shipping inputs is not for the threads backend"},
    Mistake{cubes_run({"--retry-failed", "1"}), "retrying failed tasks is not for the threads backend"},
    Mistake{cubes_run({"--frobnicate"}), "--frobnicate"},
    Mistake{{"frobnicate"}, "frobnicate"},
    Mistake{{}, "subcommand"},
    Mistake{{"machine", "--format", "csv"}, "--format"},
    Mistake{cubes_run({"--backend", "cluster", "--hostfile", "/nonexistent-dir/hosts"}),
            "/nonexistent-dir/hosts"},
    Mistake{cubes_run({"--backend", "threads", "--launcher", "srun"}), "--launcher"},
    Mistake{cubes_run({"--trace", "/nonexistent-dir/trace.json"}), "trace"},
    Mistake{{"run", "--workload", "images", "--param", "width=1024", "--param", "height=1024",
             "--memory-limit", "1M"},
            "memory"},
};

// A test name that stays the same from build to build: the arguments as one identifier, with the
// shared cubes prefix shortened to "cubes" ("cubes_workers_1_x", "frobnicate", "no_arguments").
std::string mistake_name(const ::testing::TestParamInfo<Mistake>& info)
{
    std::vector<std::string> args = info.param.args;
    const std::vector<std::string> prefix = cubes_run({});
    std::string name;
    if (args.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), args.begin())) {
        args.erase(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(prefix.size()));
        name = "cubes_";
    }
    for (const std::string& arg : args) {
        for (const char c : arg + ' ') {
            if (std::isalnum(static_cast<unsigned char>(c)) != 0)
                name += c;
            else if (!name.empty() && name.back() != '_')
                name += '_';
        }
    }
    while (!name.empty() && name.back() == '_')
        name.pop_back();
    return name.empty() ? "no_arguments" : name;
}

INSTANTIATE_TEST_SUITE_P(Invocations, CliMistake, ::testing::ValuesIn(mistakes), mistake_name);

TEST(CliSerial, RunsOnOneWorkerWhenNoneAreGiven)
{
    const CliOutcome outcome = run_cli(cubes_run({"--backend", "serial"}));
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    const std::vector<std::string> lines = outcome.out_lines();
    ASSERT_EQ(lines.size(), 3u) << outcome.out;
    EXPECT_NE(lines[1].find("\"backend\":\"serial\",\"workers\":1,"), std::string::npos) << lines[1];
}

TEST(CliVersion, PrintsTheVersionAndExitsZero)
{
    const CliOutcome outcome = run_cli({"--version"});
    EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_NE(outcome.out.find('.'), std::string::npos) << outcome.out;
}

TEST(CliRetryFailed, TakesItsCountAsNextArgumentOrAfterEquals)
{
    for (const std::vector<std::string>& form : std::vector<std::vector<std::string>>{
             {"--retry-failed"}, {"--retry-failed", "2"}, {"--retry-failed=2"}}) {
        std::vector<std::string> args{"run", "--workload", "cubes",  "--backend", "processes", "--workers",
                                      "1",   "--param",    "n=1000", "--format",  "json"};
        args.insert(args.end(), form.begin(), form.end());
        const CliOutcome outcome = run_cli(args);
        EXPECT_EQ(outcome.exit_code, 0) << form.back() << ": " << outcome.err;
    }
}

TEST(CliFailure, RunThatCannotStartItsWorkersExitsOneWithTheReason)
{
    CliLaunch launch;
    launch.args = {"run", "--workload", "cubes",  "--backend", "processes", "--workers",
                   "1",   "--param",    "n=1000", "--format",  "json"};
    launch.env = {{"PARLAB_WORKER", "/nonexistent/parlab-worker"}};
    const std::string trace = ::testing::TempDir() + "parlab_failed_" + std::to_string(getpid()) + ".json";
    launch.args.insert(launch.args.end(), {"--trace", trace});
    const CliOutcome outcome = run_cli(launch);
    EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
    const std::vector<std::string> lines = outcome.err_lines();
    ASSERT_EQ(lines.size(), 1u) << outcome.err;
    EXPECT_NE(lines[0].find("run failed"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("/nonexistent/parlab-worker"), std::string::npos) << lines[0];
    EXPECT_NE(access(trace.c_str(), F_OK), 0) << "a failed run left a trace file behind";
    // The header was written before the run; nothing but JSON reached stdout.
    for (const std::string& line : outcome.out_lines())
        EXPECT_EQ(line.rfind("{\"type\":\"header\"", 0), 0u) << line;
}

TEST(CliFailure, AWorkerKilledMidRunExitsOneCountingTheFinishedTasks)
{
    // The real worker, killed one second after it starts: well into its two-second run.
    const std::string script =
        ::testing::TempDir() + "parlab_dying_worker_" + std::to_string(getpid()) + ".sh";
    {
        std::ofstream out(script);
        out << "#!/bin/sh\nexec timeout -s KILL 1 '" << PARLAB_WORKER_PATH << "' \"$@\"\n";
    }
    ASSERT_EQ(chmod(script.c_str(), 0700), 0);
    CliLaunch launch;
    launch.args = {"run",     "--workload",  "coffee",  "--backend",   "processes", "--workers", "1",
                   "--param", "students=20", "--param", "seconds=0.1", "--format",  "json"};
    launch.env = {{"PARLAB_WORKER", script}};
    const CliOutcome outcome = run_cli(launch);
    std::remove(script.c_str());
    EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
    const std::vector<std::string> lines = outcome.err_lines();
    ASSERT_EQ(lines.size(), 1u) << outcome.err;
    EXPECT_NE(lines[0].find("run failed"), std::string::npos) << lines[0];
    EXPECT_NE(lines[0].find("of 20 tasks finished"), std::string::npos) << lines[0];
}

TEST(CliProgress, NothingOnStderrWhenItIsNotATerminal)
{
    const CliOutcome outcome = run_cli({"run", "--workload", "coffee", "--workers", "1", "--param",
                                        "students=6", "--param", "seconds=0.02", "--format", "json"});
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    EXPECT_EQ(outcome.err, "");
}

TEST(CliProgress, BarOnATerminalShowsTasksWorkersAndEta)
{
    CliLaunch launch;
    launch.args = {"run",         "--workload", "coffee",       "--workers", "1",   "--param",
                   "students=12", "--param",    "seconds=0.03", "--format",  "json"};
    launch.stderr_on_terminal = true;
    const CliOutcome outcome = run_cli(launch);
    ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
    // Serial baseline and W=1: 24 tasks in all; the bar ends each run full.
    EXPECT_NE(outcome.err.find("\r["), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("12/24 tasks"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("24/24 tasks"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("serial W=1"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("threads W=1"), std::string::npos) << outcome.err;
    EXPECT_NE(outcome.err.find("ETA"), std::string::npos) << outcome.err;
    // The bar never reaches stdout.
    EXPECT_EQ(outcome.out.find('\r'), std::string::npos);
    EXPECT_EQ(outcome.out_lines().size(), 3u) << outcome.out;
}

TEST(CliInterrupt, CtrlCCancelsTheRunAndExits130)
{
    CliLaunch launch;
    // Minutes of waiting coffees: only the interrupt can end this in time.
    launch.args = {"run",           "--workload", "coffee",      "--workers", "1",   "--param",
                   "students=1000", "--param",    "seconds=0.2", "--format",  "json"};
    launch.timeout_s = 60.0;
    bool sent = false;
    launch.on_out = [&sent](pid_t pid, const std::string& out) {
        // The header comes after the handler is in place.
        if (!sent && out.find('\n') != std::string::npos) {
            kill(pid, SIGINT);
            sent = true;
        }
    };
    const CliOutcome outcome = run_cli(launch);
    ASSERT_TRUE(sent);
    EXPECT_EQ(outcome.signal, 0);
    EXPECT_EQ(outcome.exit_code, 130) << outcome.err;
    EXPECT_NE(outcome.err.find("cancelled"), std::string::npos) << outcome.err;
}

} // namespace
} // namespace parlab::test
