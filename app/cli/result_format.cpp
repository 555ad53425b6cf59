#include "result_format.h"

#include "csv_format.h"
#include "json_format.h"
#include "table_format.h"

#include <stdexcept>
#include <string>

namespace parlab {

std::unique_ptr<ResultFormat> ResultFormat::make(std::string_view name, std::ostream& out)
{
    if (name == "table")
        return std::make_unique<TableFormat>(out);
    if (name == "csv")
        return std::make_unique<CsvFormat>(out);
    if (name == "json")
        return std::make_unique<JsonFormat>(out);
    throw std::invalid_argument("format must be table, csv or json, got '" + std::string(name) + "'");
}

} // namespace parlab
