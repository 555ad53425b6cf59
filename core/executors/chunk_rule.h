#pragma once

#include <cstddef>

namespace parlab {

/// The chunk size Python's multiprocessing Pool.map chooses when given none:
/// ⌈tasks / (4 × workers)⌉, at least 1 (so each worker gets about four chunks).
[[nodiscard]] std::size_t pool_map_chunk(std::size_t tasks, std::size_t workers);

} // namespace parlab
