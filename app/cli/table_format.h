#pragma once

#include "result_format.h"

#include <ostream>

namespace parlab {

/// An aligned table for people: the machine and workload above, the Amdahl fit below.
class TableFormat final : public ResultFormat {
public:
    explicit TableFormat(std::ostream& out) : m_out(out) {}
    void begin(const SweepHeader& header) override;
    void baseline(const Point& serial) override;
    void point(const Point& point) override;
    void end(const SweepResult& result) override;

private:
    void row(const std::string& workers, const Point& point, bool is_baseline);

    std::ostream& m_out;
};

} // namespace parlab
