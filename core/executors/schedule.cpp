#include "executors/executor.h"

#include <stdexcept>
#include <string>

namespace parlab {

std::string_view to_string(Schedule schedule)
{
    switch (schedule) {
    case Schedule::Dynamic: return "dynamic";
    case Schedule::Static: return "static";
    }
    return "unknown";
}

Schedule parse_schedule(std::string_view text)
{
    if (text == "dynamic")
        return Schedule::Dynamic;
    if (text == "static")
        return Schedule::Static;
    throw std::invalid_argument("schedule must be static | dynamic, got '" + std::string(text) + "'");
}

} // namespace parlab
