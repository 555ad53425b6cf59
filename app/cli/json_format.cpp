#include "json_format.h"

#include "report/report_json.h"

#include <nlohmann/json.hpp>

namespace parlab {

void JsonFormat::begin(const SweepHeader& header)
{
    m_out << sweep_header_json(header.machine, header.request, header.plan).dump() << '\n' << std::flush;
}

void JsonFormat::point(const Point& point)
{
    m_out << point_json(point).dump() << '\n' << std::flush;
}

void JsonFormat::end(const SweepResult& result)
{
    m_out << sweep_summary_json(result).dump() << '\n' << std::flush;
}

} // namespace parlab
