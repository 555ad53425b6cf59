#pragma once

#include "executors/run.h"
#include "machine/machine_facts.h"
#include "sweep/point.h"
#include "sweep/sweep.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace parlab {

/// A point as one flat object, fields in a fixed order: "type":"point", workload, backend,
/// workers, tasks, repeats, wall_s (median), wall_s_min, wall_s_max, speedup, efficiency,
/// karp_flatt, checksum and its extra fields, startup_s, ship_s, compute_s, teardown_s,
/// bytes_sent, bytes_received. The CLI's JSON and CSV lines and session files use it.
nlohmann::ordered_json point_json(const Point& point);

/// Reads back what point_json wrote (the earlier layout with "costs" and "checksum" objects is
/// read too). Throws std::invalid_argument naming `where` and the field that is missing or wrong.
Point point_from_json(const nlohmann::json& json, std::string_view where = "point");
/// The same from JSON text.
Point point_from_json_text(std::string_view text, std::string_view where = "point");

/// A run as one object: "type":"run", workload, backend, workers, tasks, tasks_done, wall_s,
/// checksum and its extra fields, the costs as in point_json, compute_s_per_worker, events.
nlohmann::ordered_json run_json(const Run& run);

/// The machine's facts with their names in `parlab-cli machine --format json`;
/// `available_memory_bytes` is written after memory_bytes.
nlohmann::ordered_json machine_json(const MachineFacts& machine, std::uint64_t available_memory_bytes);

/// The first line of a sweep report: "type":"header", the machine, then the request resolved.
nlohmann::ordered_json sweep_header_json(const MachineFacts& machine, const SweepRequest& request,
                                         const SweepPlan& plan);
/// The last line of a sweep report: "type":"summary", the Amdahl fit, Gustafson's scaled speedup
/// per worker count, and the serial baseline.
nlohmann::ordered_json sweep_summary_json(const SweepResult& result);

} // namespace parlab
