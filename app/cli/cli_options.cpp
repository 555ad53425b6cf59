#include "cli_options.h"

#include "executors/executor_registry.h"
#include "sweep/sweep.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iostream>
#include <limits>
#include <stdexcept>
#include <utility>

namespace parlab {
namespace {

const char* const commands[] = {"list", "run", "machine", "lesson"};
constexpr std::size_t max_chunk = 1'000'000'000;
constexpr unsigned max_retries = 100;

bool is_whole_number(const std::string& text)
{
    return !text.empty() && text.size() <= 18 && text.find_first_not_of("0123456789") == std::string::npos;
}

// One wording for every numeric option: what is allowed and what was given. CLI11 puts the
// option's name in front.
CLI::Validator whole_number(unsigned long long low, unsigned long long high)
{
    const std::string allowed =
        "must be a whole number in " + std::to_string(low) + " .. " + std::to_string(high);
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            if (!is_whole_number(text) || std::stoull(text) < low || std::stoull(text) > high)
                return allowed + ", got '" + text + "'";
            return {};
        },
        "");
}

// "512M", "2G", "1048576", "0": binary units, as the window shows bytes.
std::uint64_t parse_byte_count(const std::string& text)
{
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
        ++digits;
    std::string unit = text.substr(digits);
    std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return std::toupper(c); });
    static const std::pair<const char*, int> units[] = {
        {"", 0},     {"B", 0},  {"K", 10},  {"KB", 10},  {"KIB", 10}, {"M", 20},  {"MB", 20},
        {"MIB", 20}, {"G", 30}, {"GB", 30}, {"GIB", 30}, {"T", 40},   {"TB", 40}, {"TIB", 40}};
    const auto found = std::find_if(std::begin(units), std::end(units),
                                    [&](const auto& entry) { return unit == entry.first; });
    if (digits == 0 || digits > 15 || found == std::end(units))
        throw std::invalid_argument(
            "--memory-limit: must be a whole number of bytes with an optional unit K, M, G "
            "or T (e.g. 512M, 2G; 0 for no limit), got '" +
            text + "'");
    const std::uint64_t value = std::stoull(text.substr(0, digits));
    if (found->second > 0 && value > (std::numeric_limits<std::uint64_t>::max() >> found->second))
        throw std::invalid_argument("--memory-limit: " + text + " is too large");
    return value << found->second;
}

} // namespace

CliParse parse_cli(int argc, char** argv)
{
    CliParse parse;
    CliOptions& o = parse.options;
    std::string chunk_text = "0";
    std::string memory_limit_text = "0";

    // CLI11 would say "The following arguments were not expected"; a student needs the commands.
    if (argc > 1 && argv[1][0] != '-' &&
        std::none_of(std::begin(commands), std::end(commands),
                     [&](const char* command) { return std::strcmp(command, argv[1]) == 0; })) {
        std::cerr << "parlab-cli: unknown command '" << argv[1]
                  << "' (expected list, run, machine or lesson)\n";
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
        ->check(whole_number(1, max_repeats))
        ->capture_default_str();
    run->add_option(
           "--chunk", chunk_text,
           "Tasks per chunk (0 chooses; auto: Python Pool.map's rule, tasks / (4 x workers) rounded up)")
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                if (text == "auto" || (is_whole_number(text) && std::stoull(text) <= max_chunk))
                    return {};
                return "must be auto or a whole number in 0 .. " + std::to_string(max_chunk) + ", got '" +
                       text + "'";
            },
            ""))
        ->capture_default_str();
    run->add_flag(
        "--gil", o.gil,
        "threads only: one interpreter lock, as CPython threads have (computing holds it, waiting does not)");
    run->add_option("--switch-interval", o.switch_interval_s,
                    "with --gil: seconds a computing thread holds the lock before handing it over "
                    "(Python's sys.setswitchinterval; default 0.005)");
    run->add_option("--schedule", o.schedule, "static or dynamic")
        ->check(CLI::IsMember({"static", "dynamic"}))
        ->capture_default_str();
    run->add_option("--format", o.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    run->add_option("--trace", o.trace_path, "Write the last run's trace as Chrome trace-event JSON");
    // Alone it means the socket, as it always has; "=shm" writes the inputs into shared memory.
    run->add_flag("--ship-inputs{socket}", o.ship_inputs,
                  "processes: the parent sends each task's inputs, over the worker's socket (socket, the "
                  "default) or through shared memory (shm)")
        ->expected(0, 1)
        ->type_name("[socket|shm]");
    // A flag that may take a value: "--retry-failed" means 1, "--retry-failed 2" and
    // "--retry-failed=2" both mean 2.
    run->add_flag("--retry-failed{1}", o.retries,
                  "processes: re-run a task lost with its worker up to N times (N is 1 when left out)")
        ->expected(0, 1)
        ->type_name("[N]")
        ->check(whole_number(0, max_retries));
    run->add_option("--hostfile", o.hostfile,
                    "cluster: Open MPI hostfile, one host per line: name [slots=N] (default: this machine)")
        ->type_name("FILE");
    run->add_option(
           "--launcher", o.launcher,
           "cluster: launch line used instead of mpirun, e.g. \"srun -n {W}\" ({W}: the worker count)")
        ->type_name("LINE");
    run->add_option(
           "--memory-limit", memory_limit_text,
           "Refuse sizes that would need more memory than this (e.g. 512M, 2G; 0: what is available)")
        ->type_name("BYTES");

    CLI::App* lesson = app.add_subcommand("lesson", "The lecture's lessons: list them, or run one headless");
    lesson->require_subcommand(1);
    lesson->add_option("--lessons", o.lessons_folder,
                       "A folder of lesson files (default: $PARLAB_LESSONS, else the shipped ones)");
    CLI::App* lesson_list =
        lesson->add_subcommand("list", "List the lessons, and the files refused with why");
    CLI::App* lesson_run = lesson->add_subcommand("run", "Run a lesson: its question, the runs, the answer");
    lesson_run->add_option("name", o.lesson_name, "The lesson's name (see 'parlab-cli lesson list')")
        ->required();
    lesson_run->add_option("--format", o.format, "table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
    lesson_run->add_flag("--reduced", o.reduced,
                         "Run at the lesson's reduced size (a quick check before class)");

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
    try {
        o.memory_limit = parse_byte_count(memory_limit_text);
    } catch (const std::invalid_argument& error) {
        std::cerr << "parlab-cli: " << error.what() << '\n';
        parse.exit_code = 2;
    }
    return parse;
}

} // namespace parlab
