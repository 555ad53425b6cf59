#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace parlab {

/// The rows of a timeline grouped by host, so the ranks of one machine sit together under its
/// name: hosts in the order of their lowest worker index (the dealer's host first), workers in
/// ascending order within a host.
struct HostRows {
    struct Group {
        std::string host;
        std::size_t first_row = 0;
        std::size_t rows = 0;
    };
    std::vector<std::size_t> row_of_worker; ///< by worker index
    std::vector<std::size_t> worker_of_row; ///< by row
    std::vector<Group> groups;              ///< top to bottom; empty when no hosts were given

    /// The row of `worker`; a worker the hosts did not name keeps its own index as its row
    /// (row_of_worker is a permutation of 0 .. n-1, so no two workers share a row).
    [[nodiscard]] std::size_t row(std::size_t worker) const;
    /// The worker drawn on `row`, by the same rule.
    [[nodiscard]] std::size_t worker(std::size_t row) const;
};

/// `hosts` is each worker's host by worker index (Run::hosts); empty gives one row per worker
/// in worker order and no groups.
HostRows group_rows_by_host(const std::vector<std::string>& hosts);

} // namespace parlab
