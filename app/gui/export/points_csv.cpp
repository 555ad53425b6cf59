#include "export/points_csv.h"

#include "report/report_csv.h"
#include "report/report_json.h"

#include <nlohmann/json.hpp>

namespace parlab::gui {

std::string PointsCsv::write(const std::vector<Point>& points)
{
    if (points.empty())
        return csv_header(point_json(Point{})) + "\n";
    std::vector<nlohmann::ordered_json> objects;
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& point : points) {
        objects.push_back(point_json(point));
        for (const auto& item : objects.back().items())
            if (!columns.contains(item.key()))
                columns[item.key()] = "";
    }
    std::string out = csv_header(columns) + "\n";
    for (const auto& object : objects) {
        nlohmann::ordered_json row = columns;
        for (const auto& item : object.items())
            row[item.key()] = item.value();
        out += csv_row(row) + "\n";
    }
    return out;
}

} // namespace parlab::gui
