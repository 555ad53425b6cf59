// What parlab-cli does with the values of --workers and --param: the input's first line is a
// --workers value, each further line one --param KEY=VALUE, split as run_command.cpp splits it
// and checked against parameter specs of every kind. Anything but std::invalid_argument is a bug;
// so is a range whose counts are not ascending, or parameters that, fed back in their canonical
// form, do not give the same values. (CLI11's own option parsing is left out: building its parser
// for each input made a run 50 times slower, and the words it accepts are checked by cli_test.)
#include "sweep/worker_range.h"
#include "workloads/parameters.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
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

// A list like 2*1e6 is valid and fills a million elements; reading that back three times takes
// about a second under the sanitizers, and inputs near it would soon be most of the corpus. Repeat
// counts above this are left out so the run covers many inputs; the limit itself is plain code.
constexpr double max_fuzzed_repeat = 10'000;

bool repeats_too_many(const std::string& value)
{
    for (auto star = value.find('*'); star != std::string::npos; star = value.find('*', star + 1)) {
        const std::string count = value.substr(star + 1, value.find(',', star) - star - 1);
        char* end = nullptr;
        const double number = std::strtod(count.c_str(), &end);
        if (end != count.c_str() && !(number <= max_fuzzed_repeat))
            return true;
    }
    return false;
}

void check(const std::string& workers, const std::vector<std::string>& params)
{
    const parlab::WorkerRange range = parlab::WorkerRange::parse(workers);
    const std::vector<std::size_t> counts = range.counts(8);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0 || (i > 0 && counts[i] <= counts[i - 1]))
            std::abort();
    }
    parlab::ParameterValues given;
    for (const std::string& parameter : params) {
        const auto equals = parameter.find('=');
        if (equals == std::string::npos || equals == 0)
            return;
        if (repeats_too_many(parameter))
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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string> lines;
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    while (!rest.empty() && lines.size() < 64) {
        const auto newline = rest.find('\n');
        lines.emplace_back(rest.substr(0, newline));
        rest = newline == std::string_view::npos ? std::string_view{} : rest.substr(newline + 1);
    }
    if (lines.empty())
        return 0;
    try {
        check(lines.front(), {lines.begin() + 1, lines.end()});
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
