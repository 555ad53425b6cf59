#pragma once

#include "sweep_header.h"

#include <iosfwd>
#include <memory>
#include <string_view>

namespace parlab {

/// Writes a sweep's results as they come: a table for people, CSV or JSON Lines for programs.
class ResultFormat {
public:
    virtual ~ResultFormat() = default;
    virtual void begin(const SweepHeader& header) = 0;
    virtual void baseline(const Point& /*serial*/) {}
    virtual void point(const Point& point) = 0;
    virtual void end(const SweepResult& result) = 0;

    /// "table", "csv" or "json"; throws std::invalid_argument for anything else.
    static std::unique_ptr<ResultFormat> make(std::string_view name, std::ostream& out);
};

} // namespace parlab
