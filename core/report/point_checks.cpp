#include "report/point_checks.h"

#include "executors/executor_registry.h"
#include "machine/machine_facts.h"
#include "workloads/parameters.h"
#include "workloads/workload_registry.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace parlab {

namespace {

[[noreturn]] void refuse(std::string_view where, std::string_view field, const std::string& why)
{
    throw std::invalid_argument(std::string(where) + "." + std::string(field) + " " + why);
}

void check_length(std::string_view text, std::size_t limit, std::string_view where, std::string_view field)
{
    if (text.size() > limit)
        refuse(where, field,
               "is " + std::to_string(text.size()) + " characters long (at most " + std::to_string(limit) +
                   ")");
}

// Known to this build, and short: the message quotes the name, so it is checked for length first.
const WorkloadInfo& known_workload(std::string_view name, std::string_view where)
{
    check_length(name, max_saved_name_length, where, "workload");
    for (const auto& info : WorkloadRegistry::all())
        if (info.name == name)
            return info;
    refuse(where, "workload", "'" + std::string(name) + "' is not a workload this parlab knows");
}

const ExecutorInfo& known_backend(std::string_view name, std::string_view where)
{
    check_length(name, max_saved_name_length, where, "backend");
    for (const auto& info : ExecutorRegistry::all())
        if (info.name == name)
            return info;
    refuse(where, "backend", "'" + std::string(name) + "' is not a backend this parlab knows");
}

void check_workers(std::size_t workers, const ExecutorInfo& backend, std::string_view where)
{
    const std::size_t limit = backend.max_workers();
    if (workers < 1 || workers > limit)
        refuse(where, "workers",
               "must be in 1 .. " + std::to_string(limit) + " for " + backend.name + " here, got " +
                   std::to_string(workers));
}

void check_repeats(unsigned repeats, std::string_view where)
{
    if (repeats < 1 || repeats > max_repeats)
        refuse(where, "repeats",
               "must be in 1 .. " + std::to_string(max_repeats) + ", got " + std::to_string(repeats));
}

void check_seconds(double seconds, std::string_view where, std::string_view field)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        refuse(where, field, "must be a time of 0 s or more, got " + std::to_string(seconds));
}

void check_ratio(double value, std::string_view where, std::string_view field, bool may_be_negative)
{
    if (!std::isfinite(value) || (!may_be_negative && value < 0.0))
        refuse(where, field,
               "must be a finite number" + std::string(may_be_negative ? "" : " of 0 or more") + ", got " +
                   std::to_string(value));
}

void check_bytes(std::uint64_t bytes, std::string_view where, std::string_view field)
{
    if (bytes > max_saved_bytes)
        refuse(where, field, "is more than " + std::to_string(max_saved_bytes) + " bytes");
}

} // namespace

void check_saved_point(const Point& p, std::string_view where)
{
    (void)known_workload(p.workload, where);
    const ExecutorInfo& backend = known_backend(p.backend, where);
    check_workers(p.workers, backend, where);
    check_repeats(p.repeats, where);
    check_seconds(p.wall_s, where, "wall_s");
    check_seconds(p.wall_s_min, where, "wall_s_min");
    check_seconds(p.wall_s_max, where, "wall_s_max");
    check_ratio(p.speedup, where, "speedup", false);
    check_ratio(p.efficiency, where, "efficiency", false);
    check_ratio(p.karp_flatt, where, "karp_flatt", true); // negative when speedup is superlinear
    check_seconds(p.costs.startup_s, where, "startup_s");
    check_seconds(p.costs.ship_s, where, "ship_s");
    check_seconds(p.costs.compute_s, where, "compute_s");
    check_seconds(p.costs.teardown_s, where, "teardown_s");
    check_bytes(p.costs.bytes_sent, where, "bytes_sent");
    check_bytes(p.costs.bytes_received, where, "bytes_received");
    check_length(p.checksum.value, max_saved_text_length, where, "checksum");
    for (const auto& [name, value] : p.checksum.extra) {
        check_length(name, max_saved_name_length, where, "checksum field name");
        check_length(value, max_saved_text_length, where, name);
    }
    if (p.hosts.size() > p.workers)
        refuse(where, "ranks_per_host", "names more ranks than the point's workers");
    for (const auto& host : p.hosts)
        check_length(host, max_saved_name_length, where, "ranks_per_host");
}

void check_saved_request(const SweepRequest& r, std::string_view where)
{
    const WorkloadInfo& workload = known_workload(r.workload, where);
    const ExecutorInfo& backend = known_backend(r.backend, where);
    check_repeats(r.repeats, where);
    // Ascending: the last count is the largest.
    check_workers(r.workers.counts(machine_facts().logical_cpus).back(), backend, where);
    for (const auto& [name, value] : r.parameters) {
        check_length(name, max_saved_name_length, where, "parameters");
        check_length(value, max_saved_text_length, where, "parameters." + name);
    }
    try {
        (void)Parameters(workload.parameters, r.parameters);
    } catch (const std::invalid_argument& error) {
        refuse(where, "parameters", std::string("are wrong: ") + error.what());
    }
}

} // namespace parlab
