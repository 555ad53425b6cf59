#include "report/report_json.h"

#include "analysis/amdahl.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace parlab {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// The fixed fields of point_json; any other text field of a point is a checksum extra.
constexpr std::array<std::string_view, 25> point_fields = {
    "type",        "workload",     "backend",    "workers",    "tasks",          "repeats",     "wall_s",
    "wall_s_min",  "wall_s_max",   "speedup",    "efficiency", "karp_flatt",     "checksum",    "startup_s",
    "ship_s",      "compute_s",    "teardown_s", "bytes_sent", "bytes_received", "lock_wait_s", "wall_s_cv",
    "speedup_low", "speedup_high", "noise",      "artefact"};

void write_costs(ordered_json& out, const RunCosts& costs)
{
    out["startup_s"] = costs.startup_s;
    out["ship_s"] = costs.ship_s;
    out["compute_s"] = costs.compute_s;
    out["teardown_s"] = costs.teardown_s;
    out["bytes_sent"] = costs.bytes_sent;
    out["bytes_received"] = costs.bytes_received;
    out["lock_wait_s"] = costs.lock_wait_s;
}

void write_checksum(ordered_json& out, const Checksum& checksum)
{
    out["checksum"] = checksum.value;
    for (const auto& [name, value] : checksum.extra)
        out[name] = value;
}

// Cluster points only: the hosts in the order their first rank came, and each host's ranks.
void write_hosts(ordered_json& out, const std::vector<std::string>& worker_hosts)
{
    if (worker_hosts.empty())
        return;
    ordered_json hosts = ordered_json::array();
    ordered_json ranks = ordered_json::object();
    for (const std::string& host : worker_hosts) {
        if (!ranks.contains(host)) {
            hosts.push_back(host);
            ranks[host] = 0;
        }
        ranks[host] = ranks[host].get<std::size_t>() + 1;
    }
    out["hosts"] = hosts;
    out["ranks_per_host"] = ranks;
}

[[noreturn]] void refuse(std::string_view where, std::string_view key)
{
    throw std::invalid_argument(std::string(where) + " has no valid \"" + std::string(key) + "\"");
}

const json& field(const json& object, std::string_view key, std::string_view where)
{
    const auto found = object.find(key);
    if (found == object.end())
        refuse(where, key);
    return *found;
}

double number(const json& object, std::string_view key, std::string_view where)
{
    const json& value = field(object, key, where);
    if (!value.is_number())
        refuse(where, key);
    return value.get<double>();
}

std::uint64_t count(const json& object, std::string_view key, std::string_view where)
{
    const json& value = field(object, key, where);
    if (!value.is_number_unsigned() && !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
        refuse(where, key);
    return value.get<std::uint64_t>();
}

std::string text(const json& object, std::string_view key, std::string_view where)
{
    const json& value = field(object, key, where);
    if (!value.is_string())
        refuse(where, key);
    return value.get<std::string>();
}

void read_costs(const json& object, std::string_view where, RunCosts& costs)
{
    costs.startup_s = number(object, "startup_s", where);
    costs.ship_s = number(object, "ship_s", where);
    costs.compute_s = number(object, "compute_s", where);
    costs.teardown_s = number(object, "teardown_s", where);
    costs.bytes_sent = count(object, "bytes_sent", where);
    costs.bytes_received = count(object, "bytes_received", where);
    // Files written before GIL mode existed have no lock wait.
    if (object.contains("lock_wait_s"))
        costs.lock_wait_s = number(object, "lock_wait_s", where);
}

} // namespace

ordered_json point_json(const Point& point)
{
    ordered_json out;
    out["type"] = "point";
    out["workload"] = point.workload;
    out["backend"] = point.backend;
    out["workers"] = point.workers;
    out["tasks"] = point.tasks;
    out["repeats"] = point.repeats;
    out["wall_s"] = point.wall_s;
    out["wall_s_min"] = point.wall_s_min;
    out["wall_s_max"] = point.wall_s_max;
    out["wall_s_cv"] = point.wall_s_cv;
    out["speedup"] = point.speedup;
    out["speedup_low"] = point.speedup_low;
    out["speedup_high"] = point.speedup_high;
    out["efficiency"] = point.efficiency;
    out["karp_flatt"] = point.karp_flatt;
    out["noise"] = point.noise;
    if (!point.artefact.empty())
        out["artefact"] = point.artefact;
    write_checksum(out, point.checksum);
    write_costs(out, point.costs);
    write_hosts(out, point.hosts);
    return out;
}

Point point_from_json(const json& object, std::string_view where)
{
    if (!object.is_object())
        throw std::invalid_argument(std::string(where) + " is not an object");
    Point p;
    p.workload = text(object, "workload", where);
    p.backend = text(object, "backend", where);
    p.workers = count(object, "workers", where);
    p.tasks = count(object, "tasks", where);
    const std::uint64_t repeats = count(object, "repeats", where);
    // Compared before narrowing: 4294967296 must be refused, not wrapped to 0.
    if (repeats > std::numeric_limits<unsigned>::max())
        throw std::invalid_argument(std::string(where) + ".repeats " + std::to_string(repeats) +
                                    " is too large");
    p.repeats = static_cast<unsigned>(repeats);
    p.wall_s = number(object, "wall_s", where);
    p.wall_s_min = number(object, "wall_s_min", where);
    p.wall_s_max = number(object, "wall_s_max", where);
    p.speedup = number(object, "speedup", where);
    p.efficiency = number(object, "efficiency", where);
    p.karp_flatt = number(object, "karp_flatt", where);
    // Files written before the spread was measured have none: the reader leaves it at 0.
    if (object.contains("wall_s_cv"))
        p.wall_s_cv = number(object, "wall_s_cv", where);
    if (object.contains("speedup_low"))
        p.speedup_low = number(object, "speedup_low", where);
    if (object.contains("speedup_high"))
        p.speedup_high = number(object, "speedup_high", where);
    if (object.contains("noise"))
        p.noise = number(object, "noise", where);
    if (object.contains("artefact"))
        p.artefact = text(object, "artefact", where);
    const json& checksum = field(object, "checksum", where);
    if (checksum.is_object()) {
        // The nested layout of version 1 session files.
        const std::string inner = std::string(where) + ".checksum";
        p.checksum.value = text(checksum, "value", inner);
        const json& extra = field(checksum, "extra", inner);
        if (!extra.is_object())
            refuse(inner, "extra");
        for (const auto& item : extra.items()) {
            if (!item.value().is_string())
                throw std::invalid_argument(inner + ".extra has a value that is not text");
            // Written back, extras stand beside the point's own fields: one named like them
            // would overwrite it (a "backend" extra replaced the point's backend).
            if (std::find(point_fields.begin(), point_fields.end(), item.key()) != point_fields.end())
                throw std::invalid_argument(inner + ".extra has a field named \"" + item.key() +
                                            "\", which is a field of the point itself");
            p.checksum.extra[item.key()] = item.value().get<std::string>();
        }
        read_costs(field(object, "costs", where), std::string(where) + ".costs", p.costs);
    } else {
        p.checksum.value = text(object, "checksum", where);
        for (const auto& item : object.items()) {
            const bool fixed =
                std::find(point_fields.begin(), point_fields.end(), item.key()) != point_fields.end();
            if (!fixed && item.value().is_string())
                p.checksum.extra[item.key()] = item.value().get<std::string>();
        }
        read_costs(object, where, p.costs);
        if (const auto ranks = object.find("ranks_per_host"); ranks != object.end() && ranks->is_object())
            for (const auto& item : ranks->items())
                if (item.value().is_number_unsigned() && item.value().get<std::size_t>() <= p.workers)
                    p.hosts.insert(p.hosts.end(), item.value().get<std::size_t>(), item.key());
    }
    if (p.workers == 0 || p.wall_s < 0 || p.speedup < 0)
        throw std::invalid_argument(std::string(where) + " has zero workers or a negative time");
    return p;
}

Point point_from_json_text(std::string_view text, std::string_view where)
{
    const json object = json::parse(text.begin(), text.end(), nullptr, false);
    if (object.is_discarded())
        throw std::invalid_argument(std::string(where) + " is not JSON");
    return point_from_json(object, where);
}

ordered_json run_json(const Run& run)
{
    ordered_json out;
    out["type"] = "run";
    out["workload"] = run.workload;
    out["backend"] = run.backend;
    out["workers"] = run.workers;
    out["tasks"] = run.tasks;
    out["tasks_done"] = run.tasks_done;
    out["wall_s"] = run.wall_s;
    write_checksum(out, run.checksum);
    write_costs(out, run.costs);
    out["compute_s_per_worker"] = run.costs.compute_s_per_worker;
    out["host"] = run.trace.host;
    out["trace_events"] = run.trace.events.size();
    return out;
}

ordered_json machine_json(const MachineFacts& m, std::uint64_t available_memory_bytes)
{
    ordered_json out;
    out["host"] = m.host;
    out["cpu_model"] = m.cpu_model;
    out["logical_cpus"] = m.logical_cpus;
    out["physical_cores"] = m.physical_cores;
    out["packages"] = m.packages;
    out["numa_nodes"] = m.numa_nodes;
    out["frequency_mhz"] = m.frequency_mhz;
    out["memory_bytes"] = m.memory_bytes;
    out["available_memory_bytes"] = available_memory_bytes;
    out["l1d_bytes"] = m.l1d_bytes;
    out["l2_bytes"] = m.l2_bytes;
    out["l3_bytes"] = m.l3_bytes;
    out["max_processes"] = m.max_processes;
    return out;
}

ordered_json sweep_header_json(const MachineFacts& machine, const SweepRequest& request,
                               const SweepPlan& plan)
{
    ordered_json out;
    out["type"] = "header";
    const ordered_json facts = machine_json(machine, 0);
    for (const char* key :
         {"host", "cpu_model", "logical_cpus", "physical_cores", "packages", "frequency_mhz", "memory_bytes"})
        out[key] = facts[key];
    out["workload"] = request.workload;
    out["backend"] = request.backend;
    out["parameters"] = ordered_json::object();
    for (const auto& [name, value] : plan.parameters)
        out["parameters"][name] = value;
    out["workers"] = plan.workers;
    out["tasks"] = plan.tasks;
    out["repeats"] = request.repeats;
    if (request.chunk_auto)
        out["chunk"] = "auto";
    else
        out["chunk"] = request.chunk;
    out["gil"] = request.gil;
    if (request.gil)
        out["gil_switch_interval_s"] = request.gil_switch_interval_s;
    out["schedule"] = std::string(to_string(request.schedule));
    out["ship_inputs"] = request.ship_inputs;
    if (request.ship_inputs)
        out["ship_via"] = std::string(to_string(request.ship_via));
    return out;
}

ordered_json sweep_summary_json(const SweepResult& result)
{
    ordered_json out;
    out["type"] = "summary";
    out["serial_fraction"] = result.amdahl.serial_fraction;
    out["rms_error"] = result.amdahl.rms_error;
    out["processor_limit"] = result.amdahl.processor_limit;
    // Gustafson: the speedup when the work grows with the workers, for the same s.
    ordered_json scaled = ordered_json::object();
    for (const Point& point : result.points)
        scaled[std::to_string(point.workers)] =
            gustafson_speedup(result.amdahl.serial_fraction, static_cast<double>(point.workers));
    out["scaled_speedup"] = scaled;
    out["serial_wall_s"] = result.serial.wall_s;
    out["serial_checksum"] = result.serial.checksum.value;
    return out;
}

} // namespace parlab
