#include "executors/dealing.h"

#include <algorithm>
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

std::size_t Dealing::chunk_size(std::size_t tasks, std::size_t workers) const
{
    std::size_t size = chunk;
    if (size == 0)
        size = schedule == Schedule::Static
                   ? (tasks + std::max<std::size_t>(1, workers) - 1) / std::max<std::size_t>(1, workers)
                   : 1;
    // A chunk larger than the run is the whole run (and must not overflow a count of chunks).
    return std::clamp<std::size_t>(size, 1, std::max<std::size_t>(1, tasks));
}

std::size_t Dealing::chunk_count(std::size_t tasks, std::size_t workers) const
{
    const std::size_t size = chunk_size(tasks, workers);
    return (tasks + size - 1) / size;
}

} // namespace parlab
