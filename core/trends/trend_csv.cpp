#include "trends/trend_csv.h"

#include "text/trimmed.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace parlab {
namespace {

[[noreturn]] void fail(const std::string& name, std::size_t line, const std::string& why)
{
    throw std::invalid_argument("trend file '" + name + "', line " + std::to_string(line) + ": " + why);
}

double parse_field(const std::string& name, std::size_t line, std::string_view field, const char* what)
{
    field = trimmed(field);
    if (field.empty())
        fail(name, line, std::string(what) + " is missing (expected year,value)");
    double value = 0.0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc() || end != field.data() + field.size() || !std::isfinite(value))
        fail(name, line, std::string(what) + " '" + std::string(field) + "' is not a number");
    return value;
}

bool is_header(std::string_view line)
{
    const auto comma = line.find(',');
    return comma != std::string_view::npos && trimmed(line.substr(0, comma)) == "year" &&
           trimmed(line.substr(comma + 1)) == "value";
}

} // namespace

TrendSeries parse_trend_csv(std::string_view text, std::string name, std::string unit)
{
    TrendSeries series{std::move(name), std::move(unit), {}};
    bool header_seen = false;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        const std::string_view raw = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++line_number;

        const std::string_view line = trimmed(raw);
        if (line.empty() || line.front() == '#')
            continue;
        if (!header_seen) {
            if (!is_header(line))
                fail(series.name, line_number,
                     "expected the header 'year,value', got '" + std::string(line) + "'");
            header_seen = true;
            continue;
        }

        const auto comma = line.find(',');
        if (comma == std::string_view::npos)
            fail(series.name, line_number, "expected year,value, got '" + std::string(line) + "'");
        const std::string_view value_field = line.substr(comma + 1);
        if (value_field.find(',') != std::string_view::npos)
            fail(series.name, line_number, "expected two fields year,value, got '" + std::string(line) + "'");
        const double year = parse_field(series.name, line_number, line.substr(0, comma), "year");
        const double value = parse_field(series.name, line_number, value_field, "value");
        if (year < 1900.0 || year > 2200.0)
            fail(series.name, line_number,
                 "year " + std::string(trimmed(line.substr(0, comma))) + " is outside 1900..2200");
        // The trends are drawn on a log axis, where zero and negative values cannot appear.
        if (value <= 0.0)
            fail(series.name, line_number,
                 "value " + std::string(trimmed(value_field)) + " must be greater than 0");
        series.points.emplace_back(year, value);
    }
    if (!header_seen)
        throw std::invalid_argument("trend file '" + series.name +
                                    "' is empty (expected the header 'year,value' and data rows)");
    if (series.points.empty())
        throw std::invalid_argument("trend file '" + series.name +
                                    "' has a header but no data rows (expected year,value rows)");
    return series;
}

} // namespace parlab
