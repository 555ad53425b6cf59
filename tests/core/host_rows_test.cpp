#include "trace/host_rows.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

using Rows = std::vector<std::size_t>;

TEST(HostRows, RanksOfOneHostSitTogetherDealersHostFirst)
{
    // mpirun by slot: ranks 0 and 2 on a, 1 and 4 on b, 3 on c.
    const HostRows rows = group_rows_by_host({"a", "b", "a", "c", "b"});
    EXPECT_EQ(rows.worker_of_row, (Rows{0, 2, 1, 4, 3}));
    EXPECT_EQ(rows.row_of_worker, (Rows{0, 2, 1, 4, 3}));
    ASSERT_EQ(rows.groups.size(), 3u);
    EXPECT_EQ(rows.groups[0].host, "a");
    EXPECT_EQ(rows.groups[0].first_row, 0u);
    EXPECT_EQ(rows.groups[0].rows, 2u);
    EXPECT_EQ(rows.groups[1].host, "b");
    EXPECT_EQ(rows.groups[1].first_row, 2u);
    EXPECT_EQ(rows.groups[1].rows, 2u);
    EXPECT_EQ(rows.groups[2].host, "c");
    EXPECT_EQ(rows.groups[2].first_row, 4u);
    EXPECT_EQ(rows.groups[2].rows, 1u);
    for (std::size_t worker = 0; worker < 5; ++worker)
        EXPECT_EQ(rows.worker(rows.row(worker)), worker);
}

TEST(HostRows, OneHostKeepsWorkerOrder)
{
    const HostRows rows = group_rows_by_host({"a", "a", "a"});
    EXPECT_EQ(rows.worker_of_row, (Rows{0, 1, 2}));
    ASSERT_EQ(rows.groups.size(), 1u);
    EXPECT_EQ(rows.groups[0].rows, 3u);
}

TEST(HostRows, NoHostsOrUnnamedWorkersKeepTheirIndex)
{
    const HostRows none = group_rows_by_host({});
    EXPECT_TRUE(none.groups.empty());
    EXPECT_EQ(none.row(7), 7u);
    EXPECT_EQ(none.worker(7), 7u);
    const HostRows two = group_rows_by_host({"b", "a"});
    EXPECT_EQ(two.row(0), 0u);
    EXPECT_EQ(two.row(1), 1u);
    EXPECT_EQ(two.row(5), 5u);
}

} // namespace
} // namespace parlab
