#include "workloads/parameters.h"

#include "text/trimmed.h"

#include "workloads/number_text.h"
#include "workloads/parameter_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace parlab {

namespace {

/// More list elements than any lesson needs; keeps a typo like 1*1e12 from exhausting memory.
constexpr std::size_t max_list_elements = 1'000'000;

[[noreturn]] void fail(const ParameterSpec& spec, const std::string& expected, std::string_view got)
{
    throw ParameterError(spec.name, "parameter '" + spec.name + "' must be " + expected + ", got '" +
                                        std::string(got) + "'");
}

std::optional<std::int64_t> parse_digits(std::string_view text)
{
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end)
        return std::nullopt;
    return value;
}

/// Plain digits, or an exact power-of-ten form such as 5e7 (a mantissa of digits, no fraction).
std::optional<std::int64_t> parse_integer(std::string_view text)
{
    if (text.starts_with('+'))
        text.remove_prefix(1);
    const auto e = text.find_first_of("eE");
    if (e == std::string_view::npos)
        return parse_digits(text);
    auto mantissa = parse_digits(text.substr(0, e));
    auto exponent = parse_digits(text.substr(e + 1));
    if (!mantissa || !exponent || *exponent < 0 || *exponent > 18)
        return std::nullopt;
    std::int64_t value = *mantissa;
    for (std::int64_t i = 0; i < *exponent; ++i) {
        if (value > std::numeric_limits<std::int64_t>::max() / 10 ||
            value < std::numeric_limits<std::int64_t>::min() / 10)
            return std::nullopt;
        value *= 10;
    }
    return value;
}

std::optional<double> parse_real(std::string_view text)
{
    if (text.starts_with('+'))
        text.remove_prefix(1);
    double value = 0.0;
    const auto* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

void check_real_range(const ParameterSpec& spec, double value, std::string_view got)
{
    if (value < spec.min || value > spec.max)
        fail(spec, "in " + spec.range_text(), got);
}

std::vector<double> parse_real_list(const ParameterSpec& spec, std::string_view text)
{
    const std::string expected = "a comma-separated list of numbers in " + shortest_text(spec.min) + " .. " +
                                 shortest_text(spec.max) + " (2*16 repeats 2 sixteen times)";
    std::vector<double> values;
    std::string_view rest = text;
    while (true) {
        const auto comma = rest.find(',');
        const auto item = trimmed(rest.substr(0, comma));
        const auto star = item.find('*');
        const auto value = parse_real(trimmed(item.substr(0, star)));
        std::optional<std::int64_t> count = 1;
        if (star != std::string_view::npos)
            count = parse_integer(trimmed(item.substr(star + 1)));
        if (!value || !count || *count < 1)
            fail(spec, expected, text);
        if (*value < spec.min || *value > spec.max)
            fail(spec, expected, text);
        if (static_cast<std::uint64_t>(*count) > max_list_elements - values.size())
            fail(spec, "a list of at most " + std::to_string(max_list_elements) + " numbers", text);
        values.insert(values.end(), static_cast<std::size_t>(*count), *value);
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return values;
}

/// Runs of equal values are written as value*count, so "2*16" stays "2*16" and reads back the same.
std::string real_list_text(const std::vector<double>& values)
{
    std::string text;
    for (std::size_t i = 0; i < values.size();) {
        std::size_t run = 1;
        while (i + run < values.size() && values[i + run] == values[i])
            ++run;
        // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) about
        // "literal" + std::string, which inserts at the front of the temporary.
        if (!text.empty())
            text += ',';
        text += shortest_text(values[i]);
        if (run > 1) {
            text += '*';
            text += std::to_string(run);
        }
        i += run;
    }
    return text;
}

/// Parses and range-checks `text` for `spec`, returning its canonical form.
std::string canonical(const ParameterSpec& spec, std::string_view text)
{
    const auto value_text = trimmed(text);
    switch (spec.kind) {
    case ParameterKind::Integer: {
        const auto value = parse_integer(value_text);
        if (!value)
            fail(spec, "an integer", text);
        if (static_cast<double>(*value) < spec.min || static_cast<double>(*value) > spec.max)
            fail(spec, "in " + spec.range_text(), text);
        return std::to_string(*value);
    }
    case ParameterKind::Real: {
        const auto value = parse_real(value_text);
        if (!value)
            fail(spec, "a number", text);
        check_real_range(spec, *value, text);
        return shortest_text(*value == 0.0 ? 0.0 : *value);
    }
    case ParameterKind::Choice:
        if (std::find(spec.choices.begin(), spec.choices.end(), value_text) == spec.choices.end())
            fail(spec, "one of " + spec.range_text(), text);
        return std::string(value_text);
    case ParameterKind::RealList: return real_list_text(parse_real_list(spec, text));
    }
    return std::string(text);
}

const char* kind_name(ParameterKind kind)
{
    switch (kind) {
    case ParameterKind::Integer: return "an integer";
    case ParameterKind::Real: return "a number";
    case ParameterKind::Choice: return "a choice";
    case ParameterKind::RealList: return "a list";
    }
    return "";
}

} // namespace

Parameters::Parameters(std::vector<ParameterSpec> specs, const ParameterValues& given)
    : m_specs(std::move(specs))
{
    for (const auto& [name, text] : given) {
        const bool known =
            std::any_of(m_specs.begin(), m_specs.end(),
                        [&name = name](const ParameterSpec& spec) { return spec.name == name; });
        if (!known) {
            std::string names;
            for (const auto& spec : m_specs)
                names += (names.empty() ? "" : ", ") + spec.name;
            throw ParameterError(name, "unknown parameter '" + name +
                                           "' (parameters: " + (names.empty() ? "none" : names) + ")");
        }
    }
    for (const auto& spec : m_specs) {
        const auto found = given.find(spec.name);
        m_values[spec.name] = canonical(spec, found == given.end() ? spec.default_value : found->second);
    }
}

namespace {

const std::string& value_of(const std::vector<ParameterSpec>& specs, const ParameterValues& values,
                            std::string_view name, ParameterKind kind)
{
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [name](const ParameterSpec& candidate) { return candidate.name == name; });
    if (spec == specs.end())
        throw ParameterError(std::string(name), "no parameter '" + std::string(name) + "'");
    if (spec->kind != kind)
        throw ParameterError(std::string(name),
                             "parameter '" + std::string(name) + "' is not " + kind_name(kind));
    return values.at(spec->name);
}

} // namespace

ParameterValues Parameters::parse_assignments(const std::vector<std::string>& assignments)
{
    ParameterValues values;
    for (const std::string& assignment : assignments) {
        const auto equals = assignment.find('=');
        if (equals == std::string::npos || equals == 0)
            throw ParameterError(assignment.substr(0, equals),
                                 "a parameter must be given as KEY=VALUE, got '" + assignment + "'");
        const std::string key = assignment.substr(0, equals);
        if (values.count(key) != 0)
            throw ParameterError(key, "parameter '" + key + "' is given twice");
        values[key] = assignment.substr(equals + 1);
    }
    return values;
}

std::int64_t Parameters::integer(std::string_view name) const
{
    return *parse_digits(value_of(m_specs, m_values, name, ParameterKind::Integer));
}

double Parameters::real(std::string_view name) const
{
    return *parse_real(value_of(m_specs, m_values, name, ParameterKind::Real));
}

const std::string& Parameters::choice(std::string_view name) const
{
    return value_of(m_specs, m_values, name, ParameterKind::Choice);
}

std::vector<double> Parameters::real_list(std::string_view name) const
{
    const auto& text = value_of(m_specs, m_values, name, ParameterKind::RealList);
    const auto spec = std::find_if(m_specs.begin(), m_specs.end(),
                                   [name](const ParameterSpec& candidate) { return candidate.name == name; });
    return parse_real_list(*spec, text);
}

} // namespace parlab
