#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// A set of worker counts, in oneTBB's example syntax: `N`, `lo:hi`, `lo:hi:*k` (geometric),
/// `lo:hi:+k` (arithmetic), `auto` (the machine's logical CPUs). The upper end is always included.
class WorkerRange {
public:
    /// Throws WorkerCountError (a std::invalid_argument) with one message per kind of mistake.
    static WorkerRange parse(std::string_view text);
    static WorkerRange single(std::size_t workers);

    /// The counts, ascending, with `auto` resolved to `logical_cpus`.
    [[nodiscard]] std::vector<std::size_t> counts(std::size_t logical_cpus) const;
    [[nodiscard]] const std::string& text() const { return m_text; }

private:
    std::string m_text;
    std::size_t m_low = 1;
    std::size_t m_high = 1;
    std::size_t m_step = 1;
    bool m_geometric = false;
    bool m_auto = false;
};

} // namespace parlab
