#include "executors/dealing.h"

#include <gtest/gtest.h>

namespace parlab {
namespace {

TEST(Dealing, ChunkZeroIsOneTaskWhenDynamic)
{
    const Dealing dealing{0, Schedule::Dynamic};
    EXPECT_EQ(dealing.chunk_size(100, 4), 1u);
    EXPECT_EQ(dealing.chunk_count(100, 4), 100u);
}

TEST(Dealing, ChunkZeroIsAnEvenShareRoundedUpWhenStatic)
{
    const Dealing dealing{0, Schedule::Static};
    EXPECT_EQ(dealing.chunk_size(100, 4), 25u);
    EXPECT_EQ(dealing.chunk_size(10, 4), 3u);
    EXPECT_EQ(dealing.chunk_count(10, 4), 4u); // 3 + 3 + 3 + 1
    EXPECT_EQ(dealing.chunk_size(3, 8), 1u);   // more workers than tasks
}

TEST(Dealing, AGivenChunkIsKeptAndClampedToTheRun)
{
    EXPECT_EQ((Dealing{7, Schedule::Dynamic}).chunk_size(100, 4), 7u);
    EXPECT_EQ((Dealing{7, Schedule::Static}).chunk_count(100, 4), 15u);
    EXPECT_EQ((Dealing{1000, Schedule::Dynamic}).chunk_size(100, 4), 100u);
    EXPECT_EQ((Dealing{1000, Schedule::Dynamic}).chunk_count(100, 4), 1u);
}

TEST(Dealing, AnEmptyRunHasNoChunksAndNoZeroSize)
{
    EXPECT_EQ((Dealing{0, Schedule::Static}).chunk_size(0, 4), 1u);
    EXPECT_EQ((Dealing{0, Schedule::Static}).chunk_count(0, 4), 0u);
}

TEST(Dealing, StaticChunksGoRoundTheWorkers)
{
    EXPECT_EQ(Dealing::owner(0, 3), 0u);
    EXPECT_EQ(Dealing::owner(4, 3), 1u);
    EXPECT_EQ(Dealing::owner(5, 3), 2u);
}

TEST(Dealing, ScheduleWordsRoundTrip)
{
    for (const Schedule schedule : {Schedule::Dynamic, Schedule::Static})
        EXPECT_EQ(parse_schedule(to_string(schedule)), schedule);
    EXPECT_THROW((void)parse_schedule("sometimes"), std::invalid_argument);
}

} // namespace
} // namespace parlab
