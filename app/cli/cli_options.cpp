#include "cli_options.h"

#include "sweep/sweep.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstring>
#include <iostream>

namespace parlab {
namespace {

const char* const commands[] = {"list", "run", "machine"};

} // namespace

CliParse parse_cli(int argc, char** argv)
{
    CliParse parse;
    CliOptions& o = parse.options;

    // CLI11 would say "The following arguments were not expected"; a student needs the commands.
    if (argc > 1 && argv[1][0] != '-' &&
        std::none_of(std::begin(commands), std::end(commands),
                     [&](const char* command) { return std::strcmp(command, argv[1]) == 0; })) {
        std::cerr << "parlab-cli: unknown command '" << argv[1] << "' (expected list, run or machine)\n";
        parse.exit_code = 2;
        return parse;
    }

    CLI::App app{"parlab-cli: measure how much faster parallel work gets", "parlab-cli"};
    app.require_subcommand(1);
    CLI::App* list = app.add_subcommand("list", "List the workloads with their parameters, and the backends");
    CLI::App* machine = app.add_subcommand("machine", "Show the machine's facts: CPUs, cores, caches, memory");
    machine->add_option("--format", o.format, "table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    CLI::App* run = app.add_subcommand("run", "Run a workload: the serial baseline, then each worker count");
    run->add_option("--workload", o.workload, "Workload name (see 'parlab-cli list')")->required();
    run->add_option("--backend", o.backend, "serial, threads or processes")->capture_default_str();
    run->add_option("--workers", o.workers, "Worker counts: N, lo:hi, lo:hi:*k, lo:hi:+k or auto")
        ->capture_default_str();
    run->add_option("--param", o.parameters, "A workload parameter, KEY=VALUE (repeatable)")
        ->allow_extra_args(false);
    run->add_option("--repeat", o.repeats, "Runs per worker count (the median is reported)")
        ->check(CLI::Range(1u, max_repeats))
        ->capture_default_str();
    run->add_option("--chunk", o.chunk, "Tasks per chunk (0 chooses)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    run->add_option("--schedule", o.schedule, "static or dynamic")
        ->check(CLI::IsMember({"static", "dynamic"}))
        ->capture_default_str();
    run->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    run->add_option("--trace", o.trace_path, "Write the last run's trace as Chrome trace-event JSON");
    run->add_flag("--ship-inputs", o.ship_inputs, "processes: the parent sends each task's inputs");
    run->add_flag("--retry-failed{1}", o.retries, "processes: re-run a task lost with its worker, N times")
        ->check(CLI::Range(0u, 100u));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            parse.exit_code = app.exit(error);
            return parse;
        }
        std::string message = error.what();
        std::replace(message.begin(), message.end(), '\n', ' ');
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
    return parse;
}

} // namespace parlab
