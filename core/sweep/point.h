#pragma once

#include "executors/run.h"

#include <cstddef>
#include <string>
#include <vector>

namespace parlab {

/// One worker count of a sweep, summarised over its repeats.
struct Point {
    std::string workload;
    std::string backend;
    std::size_t workers = 0;
    std::size_t tasks = 0;
    unsigned repeats = 0;
    bool gil = false;      ///< run in GIL mode (threads with one interpreter lock)
    std::size_t chunk = 0; ///< tasks per chunk asked of the executor (0: it chose)
    double wall_s = 0.0;   ///< median
    double wall_s_min = 0.0;
    double wall_s_max = 0.0;
    double wall_s_cv = 0.0;    ///< coefficient of variation of the repeats' wall times (0 with one repeat)
    double speedup = 0.0;      ///< serial median / this median
    double speedup_low = 0.0;  ///< the serial fastest repeat over this point's slowest (see speedup_spread)
    double speedup_high = 0.0; ///< the serial slowest repeat over this point's fastest
    double efficiency = 0.0;   ///< speedup / workers
    double karp_flatt = 0.0;   ///< experimentally determined serial fraction; 0 when workers == 1
    double noise = 0.0;        ///< CPU-seconds other programs used per second of this point's runs
    std::string artefact;      ///< why the speedup cannot be a result (empty: it can)
    RunCosts costs;            ///< of the median repeat
    Checksum checksum;
    std::vector<std::string>
        hosts; ///< each worker's host (Run::hosts of the last repeat); empty: this machine
};

} // namespace parlab
