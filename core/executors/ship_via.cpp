#include "executors/ship_via.h"

#include <stdexcept>
#include <string>

namespace parlab {

std::string_view to_string(ShipVia via)
{
    switch (via) {
    case ShipVia::Socket: return "socket";
    case ShipVia::Shm: return "shm";
    }
    return "unknown";
}

ShipVia parse_ship_via(std::string_view text)
{
    if (text == "socket")
        return ShipVia::Socket;
    if (text == "shm")
        return ShipVia::Shm;
    throw std::invalid_argument("inputs are shipped via socket | shm, got '" + std::string(text) + "'");
}

} // namespace parlab
