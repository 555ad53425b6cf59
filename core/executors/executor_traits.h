#pragma once

#include <cstddef>
#include <string_view>

namespace parlab {

/// What a backend is, as the commands and views need to know it. Each executor states its own
/// once (a static `backend_traits`), and its registry entry and name() both read it from there.
struct ExecutorTraits {
    std::string_view name;         ///< the word on the command line and in reports: "threads"
    std::string_view display_name; ///< for people: "Threads"
    std::string_view worker_word;  ///< one worker: "thread"
    std::string_view workers_word; ///< more than one: "threads"
    std::string_view summary;      ///< one line for `parlab-cli list` and tooltips
    bool shares_memory = false;    ///< workers see one address space, so nothing is shipped
    bool ships_inputs = false;     ///< honours ExecutorOptions::ship_inputs
    bool retries = false;          ///< honours ExecutorOptions::retries
    bool ships_via_shm = false;    ///< honours ShipVia::Shm (its workers share the parent's machine)

    /// "thread" for one worker, "threads" for any other count.
    [[nodiscard]] std::string_view workers_noun(std::size_t count) const
    {
        return count == 1 ? worker_word : workers_word;
    }
};

/// The most workers a backend accepts by default, as a multiple of the logical CPUs.
inline constexpr std::size_t max_workers_per_cpu = 4;

} // namespace parlab
