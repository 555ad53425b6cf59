#include "executors/chunk_rule.h"

#include <gtest/gtest.h>

#include <stdexcept>

using namespace parlab;

TEST(ChunkRule, FollowsPoolMap)
{
    // Python: chunksize, extra = divmod(len(iterable), len(pool) * 4); if extra: chunksize += 1
    EXPECT_EQ(pool_map_chunk(100, 4), 7u); // 100 / 16 = 6 rest 4
    EXPECT_EQ(pool_map_chunk(96, 4), 6u);  // exactly 6
    EXPECT_EQ(pool_map_chunk(50, 2), 7u);  // 50 / 8 = 6 rest 2
    EXPECT_EQ(pool_map_chunk(1000000, 2), 125000u);
    EXPECT_EQ(pool_map_chunk(4, 2), 1u);
    EXPECT_EQ(pool_map_chunk(1, 8), 1u);
    EXPECT_EQ(pool_map_chunk(0, 2), 1u); // never 0: 0 would mean "choose" to an executor
}

TEST(ChunkRule, NeedsAWorker)
{
    EXPECT_THROW((void)pool_map_chunk(10, 0), std::invalid_argument);
}
