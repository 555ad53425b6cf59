#include "point_json.h"

namespace parlab {

nlohmann::ordered_json point_json(const Point& point)
{
    nlohmann::ordered_json json;
    json["type"] = "point";
    json["workload"] = point.workload;
    json["backend"] = point.backend;
    json["workers"] = point.workers;
    json["tasks"] = point.tasks;
    json["repeats"] = point.repeats;
    json["wall_s"] = point.wall_s;
    json["wall_s_min"] = point.wall_s_min;
    json["wall_s_max"] = point.wall_s_max;
    json["speedup"] = point.speedup;
    json["efficiency"] = point.efficiency;
    json["karp_flatt"] = point.karp_flatt;
    json["checksum"] = point.checksum.value;
    for (const auto& [name, value] : point.checksum.extra)
        json[name] = value;
    json["startup_s"] = point.costs.startup_s;
    json["ship_s"] = point.costs.ship_s;
    json["compute_s"] = point.costs.compute_s;
    json["teardown_s"] = point.costs.teardown_s;
    json["lock_wait_s"] = point.costs.lock_wait_s;
    json["bytes_sent"] = point.costs.bytes_sent;
    json["bytes_received"] = point.costs.bytes_received;
    return json;
}

} // namespace parlab
