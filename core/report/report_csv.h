#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace parlab {

/// CSV of the flat objects report_json writes (a point, a run, the machine): the header row is
/// the object's keys, a row its values, in the same order. Text is quoted when it holds a
/// comma, a quote or a line break; numbers are written as JSON writes them; an array or object
/// is one quoted field of its JSON text. "type" is left out: a CSV file holds one kind of row.
std::string csv_header(const nlohmann::ordered_json& object);
std::string csv_row(const nlohmann::ordered_json& object);

/// One CSV field for `text`, quoted when needed.
std::string csv_field(const std::string& text);

} // namespace parlab
