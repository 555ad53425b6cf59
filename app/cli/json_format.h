#pragma once

#include "result_format.h"

#include <ostream>

namespace parlab {

/// JSON Lines: a header object, one object per worker count, then a summary.
class JsonFormat final : public ResultFormat {
public:
    explicit JsonFormat(std::ostream& out) : m_out(out) {}
    void begin(const SweepHeader& header) override;
    void point(const Point& point) override;
    void end(const SweepResult& result) override;

private:
    std::ostream& m_out;
};

} // namespace parlab
