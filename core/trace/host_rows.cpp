#include "trace/host_rows.h"

namespace parlab {

std::size_t HostRows::row(std::size_t worker) const
{
    return worker < row_of_worker.size() ? row_of_worker[worker] : worker;
}

std::size_t HostRows::worker(std::size_t row) const
{
    return row < worker_of_row.size() ? worker_of_row[row] : row;
}

HostRows group_rows_by_host(const std::vector<std::string>& hosts)
{
    HostRows rows;
    rows.row_of_worker.resize(hosts.size());
    // Quadratic in the hosts, linear in the workers: a class has tens of laptops, not thousands.
    for (std::size_t first = 0; first < hosts.size(); ++first) {
        bool seen = false;
        for (const HostRows::Group& group : rows.groups)
            seen = seen || group.host == hosts[first];
        if (seen)
            continue;
        HostRows::Group group{hosts[first], rows.worker_of_row.size(), 0};
        for (std::size_t worker = first; worker < hosts.size(); ++worker) {
            if (hosts[worker] != group.host)
                continue;
            rows.row_of_worker[worker] = rows.worker_of_row.size();
            rows.worker_of_row.push_back(worker);
            ++group.rows;
        }
        rows.groups.push_back(std::move(group));
    }
    return rows;
}

} // namespace parlab
