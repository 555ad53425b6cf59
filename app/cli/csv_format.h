#pragma once

#include "result_format.h"

#include <ostream>

namespace parlab {

/// A header row, then one row per worker count with the same fields as the JSON points.
class CsvFormat final : public ResultFormat {
public:
    explicit CsvFormat(std::ostream& out) : m_out(out) {}
    void begin(const SweepHeader& header) override;
    void baseline(const Point& serial) override;
    void point(const Point& point) override;
    void end(const SweepResult& result) override;

private:
    std::ostream& m_out;
};

} // namespace parlab
