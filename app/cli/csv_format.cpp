#include "csv_format.h"

#include "point_json.h"

namespace parlab {
namespace {

std::string csv_field(const nlohmann::ordered_json& value)
{
    const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

void CsvFormat::begin(const SweepHeader& /*header*/)
{
}

void CsvFormat::baseline(const Point& serial)
{
    // The columns come from the baseline: the checksum's extra fields depend on the workload.
    nlohmann::ordered_json json = point_json(serial);
    json.erase("type");
    std::string row;
    for (const auto& item : json.items())
        row += (row.empty() ? "" : ",") + item.key();
    m_out << row << '\n' << std::flush;
}

void CsvFormat::point(const Point& point)
{
    nlohmann::ordered_json json = point_json(point);
    json.erase("type");
    std::string row;
    bool first = true;
    for (const auto& item : json.items()) {
        // Not (first ? "" : ",") + field: GCC 12 at -O3 flags "literal" + std::string with a bogus
        // -Wrestrict (it inserts at the front of the temporary).
        if (!first)
            row += ',';
        row += csv_field(item.value());
        first = false;
    }
    m_out << row << '\n' << std::flush;
}

void CsvFormat::end(const SweepResult& /*result*/)
{
    m_out << std::flush;
}

} // namespace parlab
