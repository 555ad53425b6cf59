#include "report/report_csv.h"

#include <nlohmann/json.hpp>

namespace parlab {

std::string csv_field(const std::string& text)
{
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string csv_header(const nlohmann::ordered_json& object)
{
    std::string row;
    for (const auto& item : object.items()) {
        if (item.key() == "type")
            continue;
        // Appended piece by piece: GCC 12 flags "literal" + std::string with a bogus -Wrestrict.
        if (!row.empty())
            row += ',';
        row += csv_field(item.key());
    }
    return row;
}

std::string csv_row(const nlohmann::ordered_json& object)
{
    std::string row;
    bool first = true;
    for (const auto& item : object.items()) {
        if (item.key() == "type")
            continue;
        const auto& value = item.value();
        if (!first)
            row += ',';
        row += csv_field(value.is_string() ? value.get<std::string>() : value.dump());
        first = false;
    }
    return row;
}

} // namespace parlab
