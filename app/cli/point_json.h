#pragma once

#include "sweep/point.h"

#include <nlohmann/json.hpp>

namespace parlab {

/// A point's fields in their fixed order, shared by the JSON and CSV formats.
nlohmann::ordered_json point_json(const Point& point);

} // namespace parlab
