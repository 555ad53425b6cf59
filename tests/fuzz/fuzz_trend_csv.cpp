// A trend CSV (resources/trends/*.csv): any text either parses or throws std::invalid_argument.
// What parses is checked for what the log-scale chart relies on: finite, positive values and
// years inside the accepted span.
#include "trends/trend_csv.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const parlab::TrendSeries series = parlab::parse_trend_csv(text, "fuzz", "unit");
        for (const auto& [year, value] : series.points) {
            if (!std::isfinite(value) || value <= 0.0 || !(year >= 1900.0 && year <= 2200.0))
                std::abort();
        }
    } catch (const std::invalid_argument&) {
    }
    return 0;
}
