#pragma once

#include <cstdint>

namespace parlab::rank_messages {

// MPI tags between the dealer (rank 0) and the other ranks.
enum Tag : int {
    Ping = 1,   ///< dealer → rank: no payload; the rank answers Pong with its clock
    Pong = 2,   ///< rank → dealer: one int64, the rank's steady clock in ns
    Tasks = 3,  ///< dealer → rank: int64 task indexes, run in order
    Stop = 4,   ///< dealer → rank: no payload; every task is done
    Result = 5, ///< rank → dealer: one ResultMessage
    Failed = 6, ///< rank → dealer: text "TASK\tMESSAGE"
};

/// One task's outcome, sent as bytes (every rank runs the same build of the same program).
struct ResultMessage {
    std::int64_t task = 0;
    std::int64_t start_ns = 0;
    std::int64_t end_ns = 0;
    std::int32_t cpu = -1;
    std::int32_t pid = 0;
    std::uint64_t exact_high = 0;
    std::uint64_t exact_low = 0;
    double sum = 0.0;
    double extra = 0.0;
};

} // namespace parlab::rank_messages
