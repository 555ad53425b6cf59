#include "export/points_csv.h"

#include <sstream>

namespace parlab::gui {

namespace {

std::string quoted(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

} // namespace

std::string PointsCsv::header()
{
    return "workload,backend,workers,tasks,repeats,wall_s,wall_s_min,wall_s_max,speedup,efficiency,karp_flatt,"
           "checksum,startup_s,ship_s,compute_s,teardown_s,bytes_sent,bytes_received";
}

std::string PointsCsv::row(const Point& p)
{
    std::ostringstream out;
    out.precision(9);
    out << quoted(p.workload) << ',' << quoted(p.backend) << ',' << p.workers << ',' << p.tasks << ',' << p.repeats
        << ',' << p.wall_s << ',' << p.wall_s_min << ',' << p.wall_s_max << ',' << p.speedup << ',' << p.efficiency
        << ',' << p.karp_flatt << ',' << quoted(p.checksum.value) << ',' << p.costs.startup_s << ','
        << p.costs.ship_s << ',' << p.costs.compute_s << ',' << p.costs.teardown_s << ',' << p.costs.bytes_sent
        << ',' << p.costs.bytes_received;
    return out.str();
}

std::string PointsCsv::write(const std::vector<Point>& points)
{
    std::string out = header() + "\n";
    for (const auto& point : points)
        out += row(point) + "\n";
    return out;
}

} // namespace parlab::gui
