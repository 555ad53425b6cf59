#pragma once

#include "sweep/sweep.h"

#include <cstdio>

namespace parlab {

/// A one-line bar on a terminal, redrawn in place with \r: tasks done, backend and W, ETA.
class ProgressBar {
public:
    /// Draws on `out` only when it is a terminal; otherwise every call does nothing.
    explicit ProgressBar(std::FILE* out);

    void draw(const SweepProgress& progress);
    /// Wipes the bar so that other output can use the line; the next draw brings it back.
    void clear();

    [[nodiscard]] bool enabled() const { return m_enabled; }

private:
    std::FILE* m_out;
    bool m_enabled;
    bool m_drawn = false;
};

} // namespace parlab
