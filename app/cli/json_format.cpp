#include "json_format.h"

#include "point_json.h"

namespace parlab {

void JsonFormat::begin(const SweepHeader& header)
{
    nlohmann::ordered_json json;
    json["type"] = "header";
    json["host"] = header.machine.host;
    json["cpu_model"] = header.machine.cpu_model;
    json["logical_cpus"] = header.machine.logical_cpus;
    json["physical_cores"] = header.machine.physical_cores;
    json["packages"] = header.machine.packages;
    json["frequency_mhz"] = header.machine.frequency_mhz;
    json["memory_bytes"] = header.machine.memory_bytes;
    json["workload"] = header.request.workload;
    json["backend"] = header.request.backend;
    json["parameters"] = nlohmann::ordered_json::object();
    for (const auto& [name, value] : header.plan.parameters)
        json["parameters"][name] = value;
    json["workers"] = header.plan.workers;
    json["tasks"] = header.plan.tasks;
    json["repeats"] = header.request.repeats;
    if (header.request.chunk_auto)
        json["chunk"] = "auto";
    else
        json["chunk"] = header.request.chunk;
    json["gil"] = header.request.gil;
    json["schedule"] = std::string(to_string(header.request.schedule));
    m_out << json.dump() << '\n' << std::flush;
}

void JsonFormat::point(const Point& point)
{
    m_out << point_json(point).dump() << '\n' << std::flush;
}

void JsonFormat::end(const SweepResult& result)
{
    nlohmann::ordered_json json;
    json["type"] = "summary";
    json["serial_fraction"] = result.amdahl.serial_fraction;
    json["rms_error"] = result.amdahl.rms_error;
    json["processor_limit"] = result.amdahl.processor_limit;
    // Gustafson: the speedup when the work grows with the workers, for the same s.
    nlohmann::ordered_json scaled = nlohmann::ordered_json::object();
    for (const Point& point : result.points)
        scaled[std::to_string(point.workers)] =
            gustafson_speedup(result.amdahl.serial_fraction, static_cast<double>(point.workers));
    json["scaled_speedup"] = scaled;
    json["serial_wall_s"] = result.serial.wall_s;
    json["serial_checksum"] = result.serial.checksum.value;
    m_out << json.dump() << '\n' << std::flush;
}

} // namespace parlab
