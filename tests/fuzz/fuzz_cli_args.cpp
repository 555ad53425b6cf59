// parlab-cli's command line: the input is argv, one argument per line. What CLI11 accepts then
// goes through what `run` does with it: the --workers range is parsed and expanded, and each
// --param KEY=VALUE is split as run_command.cpp splits it and checked against parameter specs of
// every kind. Anything but std::invalid_argument is a bug; so is a value that, fed back in its
// canonical form, does not give the same parameters.
#include "cli_options.h"
#include "sweep/worker_range.h"
#include "workloads/parameters.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::vector<parlab::ParameterSpec> specs()
{
    using parlab::ParameterKind;
    return {
        {"n", ParameterKind::Integer, "1000", 1, 1e9, {}, "an integer"},
        {"ms", ParameterKind::Real, "1.5", 0, 1e4, {}, "a real"},
        {"mode", ParameterKind::Choice, "wait", 0, 0, {"wait", "work"}, "a choice"},
        {"costs", ParameterKind::RealList, "1,2*3", 0, 1e3, {}, "a list"},
    };
}

void check_request(const parlab::CliOptions& options)
{
    if (!options.workers.empty()) {
        const parlab::WorkerRange range = parlab::WorkerRange::parse(options.workers);
        const std::vector<std::size_t> counts = range.counts(8);
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (counts[i] == 0 || (i > 0 && counts[i] <= counts[i - 1]))
                std::abort();
        }
    }
    parlab::ParameterValues given;
    for (const std::string& parameter : options.parameters) {
        const auto equals = parameter.find('=');
        if (equals == std::string::npos || equals == 0)
            return;
        given[parameter.substr(0, equals)] = parameter.substr(equals + 1);
    }
    const parlab::Parameters parameters(specs(), given);
    const parlab::Parameters again(specs(), parameters.values());
    if (again.values() != parameters.values())
        std::abort();
    (void)parameters.integer("n");
    (void)parameters.real("ms");
    (void)parameters.choice("mode");
    (void)parameters.real_list("costs");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // Every refused command line prints one line; thousands a second would bury the fuzzer's own.
    std::cerr.setstate(std::ios::failbit);
    std::cout.setstate(std::ios::failbit);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> arguments{"parlab-cli"};
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    while (!rest.empty() && arguments.size() < 64) {
        const auto newline = rest.find('\n');
        arguments.emplace_back(rest.substr(0, newline));
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    }
    std::vector<char*> argv;
    for (std::string& argument : arguments)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    const parlab::CliParse parse = parlab::parse_cli(static_cast<int>(arguments.size()), argv.data());
    if (parse.exit_code)
        return 0;
    try {
        check_request(parse.options);
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
