#pragma once

#include "sweep/sweep.h"

namespace parlab::gui {

/// What the controls ask for: a sweep request, and whether it is a whole sweep or one Run
/// (the serial baseline and a single worker count).
struct RunRequest {
    SweepRequest sweep;
    bool is_sweep = false;
};

} // namespace parlab::gui
