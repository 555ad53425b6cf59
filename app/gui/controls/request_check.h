#pragma once

#include "sweep/sweep.h"

#include <QString>

#include <optional>
#include <string>

namespace parlab::gui {

/// Which control of the run panel a refused request belongs to.
enum class RequestField { Workers, Repeats, Chunk, Parameter, Other };

/// Why core refuses a request, in core's words, and the control to show it beside.
struct RequestProblem {
    RequestField field = RequestField::Other;
    std::string parameter; ///< with RequestField::Parameter: the parameter, when one alone is wrong
    QString message;
};

/// Checks `request` with core's plan_sweep before anything runs: nothing when it would run.
std::optional<RequestProblem> check_request(const SweepRequest& request);

} // namespace parlab::gui
