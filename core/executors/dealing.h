#pragma once

#include <cstddef>
#include <string_view>

namespace parlab {

/// How tasks are dealt to workers: a free worker takes the next chunk (dynamic), or every
/// worker is given its chunks up front (static, like Pool.map with a chunk size).
enum class Schedule { Dynamic, Static };

std::string_view to_string(Schedule schedule);
/// Throws std::invalid_argument for anything but "static" or "dynamic".
Schedule parse_schedule(std::string_view text);

/// The chunk rule every executor follows: chunks of `chunk` consecutive tasks, dealt
/// dynamically or statically (chunk i to worker i mod W).
struct Dealing {
    std::size_t chunk = 0; ///< tasks per chunk; 0 chooses (see chunk_size)
    Schedule schedule = Schedule::Dynamic;

    /// The chunk size for `tasks` over `workers`: `chunk` when given, else 1 when dynamic and
    /// an even share (tasks / workers, rounded up) when static; never more than the run, never 0.
    [[nodiscard]] std::size_t chunk_size(std::size_t tasks, std::size_t workers) const;
    /// How many chunks `tasks` make at chunk_size(tasks, workers).
    [[nodiscard]] std::size_t chunk_count(std::size_t tasks, std::size_t workers) const;
    /// Static dealing: the worker that chunk `index` goes to.
    [[nodiscard]] static std::size_t owner(std::size_t index, std::size_t workers) { return index % workers; }

    friend bool operator==(const Dealing&, const Dealing&) = default;
};

} // namespace parlab
