#include "sweep/worker_range.h"

#include "executors/worker_count_error.h"

#include <charconv>
#include <stdexcept>

namespace parlab {
namespace {

// Far beyond any machine; refusing it here keeps absurd numbers from overflowing the step loop.
constexpr std::size_t absurd_workers = 1'000'000;

const char* const syntax_help = "expected N, lo:hi, lo:hi:*k, lo:hi:+k or auto";

[[noreturn]] void fail(std::string_view text, const std::string& why)
{
    throw WorkerCountError("worker range '" + std::string(text) + "': " + why);
}

std::size_t parse_number(std::string_view text, std::string_view part, const char* what)
{
    if (part.empty())
        fail(text, std::string(what) + " is missing (" + syntax_help + ")");
    if (part.size() > 1 && part[0] == '-' &&
        part.find_first_not_of("0123456789", 1) == std::string_view::npos)
        fail(text, std::string(what) + " must be at least 1, got " + std::string(part));
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (error == std::errc::result_out_of_range)
        fail(text, std::string(what) + " " + std::string(part) + " is too large (at most " +
                       std::to_string(absurd_workers) + ")");
    if (error != std::errc() || end != part.data() + part.size())
        fail(text, std::string(what) + " '" + std::string(part) + "' is not a number (" + syntax_help + ")");
    if (value > absurd_workers)
        fail(text, std::string(what) + " " + std::string(part) + " is too large (at most " +
                       std::to_string(absurd_workers) + ")");
    return value;
}

std::size_t parse_count(std::string_view text, std::string_view part, const char* what)
{
    const std::size_t value = parse_number(text, part, what);
    if (value == 0)
        fail(text, std::string(what) + " must be at least 1, got 0");
    return value;
}

} // namespace

WorkerRange WorkerRange::parse(std::string_view text)
{
    WorkerRange range;
    range.m_text = std::string(text);
    if (text.empty())
        throw WorkerCountError(std::string("worker range is empty (") + syntax_help + ")");
    if (text == "auto") {
        range.m_auto = true;
        return range;
    }

    const auto first_colon = text.find(':');
    if (first_colon == std::string_view::npos) {
        range.m_low = range.m_high = parse_count(text, text, "worker count");
        return range;
    }
    const std::string_view low = text.substr(0, first_colon);
    std::string_view rest = text.substr(first_colon + 1);
    const auto second_colon = rest.find(':');
    const std::string_view high = rest.substr(0, second_colon);
    range.m_low = parse_count(text, low, "lower end");
    range.m_high = parse_count(text, high, "upper end");
    if (range.m_low > range.m_high)
        fail(text, "lower end " + std::to_string(range.m_low) + " is above upper end " +
                       std::to_string(range.m_high));

    if (second_colon != std::string_view::npos) {
        const std::string_view step = rest.substr(second_colon + 1);
        if (step.size() < 2 || (step[0] != '*' && step[0] != '+'))
            fail(text, "step '" + std::string(step) + "' must be *k (multiply by k) or +k (add k)");
        range.m_geometric = step[0] == '*';
        range.m_step = parse_number(text, step.substr(1), "step");
        if (range.m_geometric && range.m_step < 2)
            fail(text, "step factor must be at least 2, got " + std::to_string(range.m_step));
        if (!range.m_geometric && range.m_step < 1)
            fail(text, "step must be at least 1, got 0");
    }
    return range;
}

WorkerRange WorkerRange::single(std::size_t workers)
{
    if (workers == 0)
        throw WorkerCountError("worker count must be at least 1, got 0");
    if (workers > absurd_workers)
        throw WorkerCountError("worker count " + std::to_string(workers) + " is too large (at most " +
                               std::to_string(absurd_workers) + ")");
    WorkerRange range;
    range.m_text = std::to_string(workers);
    range.m_low = range.m_high = workers;
    return range;
}

std::vector<std::size_t> WorkerRange::counts(std::size_t logical_cpus) const
{
    if (m_auto)
        return {logical_cpus == 0 ? 1 : logical_cpus};
    std::vector<std::size_t> result;
    for (std::size_t w = m_low; w < m_high; w = m_geometric ? w * m_step : w + m_step)
        result.push_back(w);
    result.push_back(m_high);
    return result;
}

} // namespace parlab
