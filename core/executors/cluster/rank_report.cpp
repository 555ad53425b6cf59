#include "executors/cluster/rank_report.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <vector>

namespace parlab::rank_report {

namespace {

constexpr std::string_view prefix = "PARLAB\t";

std::string hex_double(double value)
{
    char text[64];
    std::snprintf(text, sizeof text, "%a", value);
    return text;
}

// Tabs and newlines would split a field or a line: free text loses them.
std::string clean(std::string text)
{
    for (char& c : text)
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
    return text;
}

std::vector<std::string_view> split(std::string_view text, std::size_t max_fields)
{
    std::vector<std::string_view> fields;
    while (fields.size() + 1 < max_fields) {
        const auto tab = text.find('\t');
        if (tab == std::string_view::npos)
            break;
        fields.push_back(text.substr(0, tab));
        text.remove_prefix(tab + 1);
    }
    fields.push_back(text);
    return fields;
}

template <typename T> T number(std::string_view field)
{
    T value{};
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc{} || end != field.data() + field.size() || field.empty())
        throw std::runtime_error("not a number: '" + std::string(field) + "'");
    return value;
}

double real(std::string_view field)
{
    const std::string text(field);
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size())
        throw std::runtime_error("not a number: '" + text + "'");
    return value;
}

} // namespace

std::string format(const Line& line)
{
    std::string out(prefix);
    auto add = [&out](const auto&... fields) { ((out += fields, out += '\t'), ...); };
    using std::to_string;
    if (const auto* hello = std::get_if<Hello>(&line))
        add("hello", to_string(hello->rank), clean(hello->host), to_string(hello->pid),
            to_string(hello->cpus), clean(hello->cpu_model));
    else if (const auto* clock = std::get_if<Clock>(&line))
        add("clock", to_string(clock->rank), to_string(clock->offset_ns), to_string(clock->uncertainty_ns));
    else if (const auto* ready = std::get_if<Ready>(&line))
        add("ready", to_string(ready->now_ns));
    else if (const auto* task = std::get_if<Task>(&line)) {
        const TraceEvent& e = task->event;
        add("task", to_string(e.task), to_string(e.worker), to_string(e.pid), to_string(e.cpu),
            to_string(e.start_ns), to_string(e.end_ns),
            to_string(static_cast<std::uint64_t>(task->partial.exact >> 64)),
            to_string(static_cast<std::uint64_t>(task->partial.exact)), hex_double(task->partial.sum),
            hex_double(task->partial.extra));
    } else if (const auto* failed = std::get_if<Failed>(&line))
        add("failed", failed->task ? to_string(*failed->task) : std::string("-"), clean(failed->message));
    else if (const auto* done = std::get_if<Done>(&line))
        add("done", to_string(done->ship_ns), to_string(done->bytes));
    out.back() = '\n';
    return out;
}

std::optional<Line> parse(std::string_view line)
{
    if (line.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    const auto all = split(line.substr(prefix.size()), 16);
    const std::string_view kind = all[0];
    auto expect = [&](std::size_t count) {
        if (all.size() != count + 1)
            throw std::runtime_error("a '" + std::string(kind) + "' report with " +
                                     std::to_string(all.size() - 1) + " fields, expected " +
                                     std::to_string(count));
    };
    if (kind == "hello") {
        // The CPU model comes last and may hold anything but a tab.
        expect(5);
        return Hello{number<std::uint32_t>(all[1]), std::string(all[2]), number<std::int32_t>(all[3]),
                     number<std::uint32_t>(all[4]), std::string(all[5])};
    }
    if (kind == "clock") {
        expect(3);
        return Clock{number<std::uint32_t>(all[1]), number<std::int64_t>(all[2]),
                     number<std::int64_t>(all[3])};
    }
    if (kind == "ready") {
        expect(1);
        return Ready{number<std::int64_t>(all[1])};
    }
    if (kind == "task") {
        expect(10);
        Task task;
        task.event = {number<std::uint32_t>(all[1]),
                      number<std::uint32_t>(all[2]),
                      number<std::int32_t>(all[3]),
                      number<std::int32_t>(all[4]),
                      Phase::Compute,
                      number<std::int64_t>(all[5]),
                      number<std::int64_t>(all[6])};
        task.partial.exact =
            (static_cast<uint128>(number<std::uint64_t>(all[7])) << 64) | number<std::uint64_t>(all[8]);
        task.partial.sum = real(all[9]);
        task.partial.extra = real(all[10]);
        return task;
    }
    if (kind == "failed") {
        expect(2);
        Failed failed;
        if (all[1] != "-")
            failed.task = number<std::uint32_t>(all[1]);
        failed.message = std::string(all[2]);
        return failed;
    }
    if (kind == "done") {
        expect(2);
        return Done{number<std::int64_t>(all[1]), number<std::uint64_t>(all[2])};
    }
    throw std::runtime_error("an unknown report '" + std::string(kind) + "'");
}

} // namespace parlab::rank_report
