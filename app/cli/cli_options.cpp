#include "cli_options.h"

#include "executors/executor_registry.h"
#include "sweep/sweep.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstring>
#include <iostream>

namespace parlab {
namespace {

const char* const commands[] = {"list", "run", "machine", "lesson"};
constexpr std::size_t max_chunk = 1'000'000'000;
constexpr unsigned max_retries = 100;

} // namespace

CliParse parse_cli(int argc, char** argv)
{
    CliParse parse;
    CliOptions& o = parse.options;
    std::string chunk_text = "0";

    // CLI11 would say "The following arguments were not expected"; a student needs the commands.
    if (argc > 1 && argv[1][0] != '-' &&
        std::none_of(std::begin(commands), std::end(commands),
                     [&](const char* command) { return std::strcmp(command, argv[1]) == 0; })) {
        std::cerr << "parlab-cli: unknown command '" << argv[1] << "' (expected list, run, machine or lesson)\n";
        parse.exit_code = 2;
        return parse;
    }

    CLI::App app{"parlab-cli: measure how much faster parallel work gets", "parlab-cli"};
    app.set_version_flag("--version", PARLAB_VERSION);
    app.require_subcommand(1);
    CLI::App* list = app.add_subcommand("list", "List the workloads with their parameters, and the backends");
    CLI::App* machine =
        app.add_subcommand("machine", "Show the machine's facts: CPUs, cores, caches, memory");
    machine->add_option("--format", o.format, "table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    CLI::App* run = app.add_subcommand("run", "Run a workload: the serial baseline, then each worker count");
    run->add_option("--workload", o.workload, "Workload name (see 'parlab-cli list')")->required();
    std::string backends;
    for (const ExecutorInfo& info : ExecutorRegistry::all())
        backends += (backends.empty() ? "" : ", ") + info.name;
    run->add_option("--backend", o.backend, "One of: " + backends)->capture_default_str();
    run->add_option("--workers", o.workers,
                    "Worker counts: N, lo:hi, lo:hi:*k, lo:hi:+k or auto (the default; 1 for serial)");
    run->add_option("--param", o.parameters, "A workload parameter, KEY=VALUE (repeatable)")
        ->allow_extra_args(false);
    run->add_option("--repeat", o.repeats, "Runs per worker count (the median is reported)")
        ->check(CLI::Range(1u, max_repeats))
        ->capture_default_str();
    run->add_option("--chunk", chunk_text,
                    "Tasks per chunk (0 chooses; auto: Python Pool.map's rule, tasks / (4 x workers) rounded up)")
        ->check(CLI::IsMember({"auto"}) | CLI::Range(std::size_t{0}, max_chunk))
        ->capture_default_str();
    run->add_flag("--gil", o.gil,
                  "threads only: one interpreter lock, as CPython threads have (computing holds it, waiting does not)");
    run->add_option("--schedule", o.schedule, "static or dynamic")
        ->check(CLI::IsMember({"static", "dynamic"}))
        ->capture_default_str();
    run->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    run->add_option("--trace", o.trace_path, "Write the last run's trace as Chrome trace-event JSON");
    run->add_flag("--ship-inputs", o.ship_inputs, "processes: the parent sends each task's inputs");
    // A flag that may take a value: "--retry-failed" means 1, "--retry-failed 2" and
    // "--retry-failed=2" both mean 2.
    run->add_flag("--retry-failed{1}", o.retries,
                  "processes: re-run a task lost with its worker up to N times (N is 1 when left out)")
        ->expected(0, 1)
        ->type_name("[N]")
        ->check(CLI::Range(0u, max_retries));
    run->add_option("--hostfile", o.hostfile,
                    "cluster: Open MPI hostfile, one host per line: name [slots=N] (default: this machine)")
        ->type_name("FILE");
    run->add_option("--launcher", o.launcher,
                    "cluster: launch line used instead of mpirun, e.g. \"srun -n {W}\" ({W}: the worker count)")
        ->type_name("LINE");
    run->add_option(
           "--memory-limit", o.memory_limit,
           "Refuse sizes that would need more memory than this (e.g. 512M, 2G; 0: what is available)")
        ->transform(CLI::AsSizeValue(false))
        ->type_name("BYTES");

    CLI::App* lesson = app.add_subcommand("lesson", "The lecture's lessons: list them, or run one headless");
    lesson->require_subcommand(1);
    lesson->add_option("--lessons", o.lessons_folder, "A folder of lesson files (default: $PARLAB_LESSONS, else the shipped ones)");
    CLI::App* lesson_list = lesson->add_subcommand("list", "List the lessons, and the files refused with why");
    CLI::App* lesson_run = lesson->add_subcommand("run", "Run a lesson: its question, the runs, the answer");
    lesson_run->add_option("name", o.lesson_name, "The lesson's name (see 'parlab-cli lesson list')")->required();
    lesson_run->add_option("--format", o.format, "table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    lesson_run->add_flag("--reduced", o.reduced, "Run at the lesson's reduced size (a quick check before class)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            parse.exit_code = app.exit(error);
            return parse;
        }
        std::string message = error.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
        // CLI11 says what it did not expect but not where to look for what it does.
        if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr)
            message += " (see 'parlab-cli --help')";
        std::cerr << "parlab-cli: " << message << '\n';
        parse.exit_code = 2;
        return parse;
    }
    if (list->parsed())
        o.command = "list";
    else if (machine->parsed())
        o.command = "machine";
    else if (run->parsed())
        o.command = "run";
    else if (lesson->parsed()) {
        o.command = "lesson";
        o.lesson_action = lesson_list->parsed() ? "list" : "run";
    }
    if (chunk_text == "auto")
        o.chunk_auto = true;
    else
        o.chunk = static_cast<std::size_t>(std::stoull(chunk_text));
    return parse;
}

} // namespace parlab
