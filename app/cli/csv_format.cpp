#include "csv_format.h"

#include "report/report_csv.h"
#include "report/report_json.h"

#include <nlohmann/json.hpp>

namespace parlab {

void CsvFormat::begin(const SweepHeader& /*header*/)
{
}

void CsvFormat::baseline(const Point& serial)
{
    // The columns come from the baseline: the checksum's extra fields depend on the workload.
    m_out << csv_header(point_json(serial)) << '\n' << std::flush;
}

void CsvFormat::point(const Point& point)
{
    m_out << csv_row(point_json(point)) << '\n' << std::flush;
}

void CsvFormat::end(const SweepResult& /*result*/)
{
    m_out << std::flush;
}

} // namespace parlab
