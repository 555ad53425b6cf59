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
    json["bytes_sent"] = point.costs.bytes_sent;
    json["bytes_received"] = point.costs.bytes_received;
    if (!point.hosts.empty()) {
        // Hosts in the order their first rank came; ranks_per_host counts each host's ranks.
        nlohmann::ordered_json hosts = nlohmann::ordered_json::array();
        nlohmann::ordered_json ranks = nlohmann::ordered_json::object();
        for (const std::string& host : point.hosts) {
            if (!ranks.contains(host)) {
                hosts.push_back(host);
                ranks[host] = 0;
            }
            ranks[host] = ranks[host].get<std::size_t>() + 1;
        }
        json["hosts"] = hosts;
        json["ranks_per_host"] = ranks;
    }
    return json;
}

} // namespace parlab
