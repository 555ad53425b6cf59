#pragma once

#include "machine/machine_facts.h"
#include "sweep/sweep.h"

namespace parlab {

/// What a report says before the first point: the machine and the request, resolved.
struct SweepHeader {
    MachineFacts machine;
    SweepRequest request;
    SweepPlan plan;
};

} // namespace parlab
