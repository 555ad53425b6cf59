#include "executors/chunk_rule.h"

#include <algorithm>
#include <stdexcept>

namespace parlab {

std::size_t pool_map_chunk(std::size_t tasks, std::size_t workers)
{
    if (workers == 0)
        throw std::invalid_argument("the chunk rule needs at least one worker");
    const std::size_t slots = 4 * workers;
    return std::max<std::size_t>(1, (tasks + slots - 1) / slots);
}

} // namespace parlab
