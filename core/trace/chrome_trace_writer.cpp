#include "trace/chrome_trace_writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <set>
#include <utility>

namespace parlab {

void write_chrome_trace(const Trace& trace, std::ostream& out, const std::string& title)
{
    using nlohmann::json;

    std::int64_t origin_ns = 0;
    if (!trace.events.empty()) {
        origin_ns =
            std::min_element(trace.events.begin(), trace.events.end(),
                             [](const TraceEvent& a, const TraceEvent& b) { return a.start_ns < b.start_ns; })
                ->start_ns;
    }

    json events = json::array();
    std::set<std::int32_t> pids;
    std::set<std::pair<std::int32_t, std::uint32_t>> threads;
    for (const auto& event : trace.events) {
        pids.insert(event.pid);
        threads.emplace(event.pid, event.worker);
    }
    for (const auto pid : pids) {
        events.push_back({{"name", "process_name"},
                          {"ph", "M"},
                          {"pid", pid},
                          {"tid", 0},
                          {"args", {{"name", title + " (pid " + std::to_string(pid) + ")"}}}});
    }
    for (const auto& [pid, worker] : threads) {
        events.push_back({{"name", "thread_name"},
                          {"ph", "M"},
                          {"pid", pid},
                          {"tid", worker},
                          {"args", {{"name", "worker " + std::to_string(worker)}}}});
        // Perfetto orders rows by this index; without it workers 10+ sort before worker 2.
        events.push_back({{"name", "thread_sort_index"},
                          {"ph", "M"},
                          {"pid", pid},
                          {"tid", worker},
                          {"args", {{"sort_index", worker}}}});
    }
    for (const auto& event : trace.events) {
        events.push_back({{"name", "task " + std::to_string(event.task)},
                          {"cat", std::string(to_string(event.phase))},
                          {"ph", "X"},
                          {"ts", static_cast<double>(event.start_ns - origin_ns) / 1e3},
                          {"dur", static_cast<double>(event.end_ns - event.start_ns) / 1e3},
                          {"pid", event.pid},
                          {"tid", event.worker},
                          {"args", {{"task", event.task}, {"cpu", event.cpu}, {"worker", event.worker}}}});
    }

    const json document = {{"traceEvents", std::move(events)},
                           {"displayTimeUnit", "ms"},
                           {"otherData",
                            {{"title", title},
                             {"host", trace.host},
                             {"events", trace.events.size()},
                             {"clock", "CLOCK_MONOTONIC, ts relative to the first event"}}}};
    out << document.dump() << '\n';
}

} // namespace parlab
