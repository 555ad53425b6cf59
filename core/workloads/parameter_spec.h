#pragma once

#include <map>
#include <string>
#include <vector>

namespace parlab {

enum class ParameterKind { Integer, Real, Choice, RealList };

/// One workload parameter: what `--param NAME=VALUE` accepts and what the window shows as a control.
struct ParameterSpec {
    std::string name;
    ParameterKind kind = ParameterKind::Integer;
    std::string default_value;
    double min = 0.0;                 ///< inclusive; for RealList, per element
    double max = 0.0;                 ///< inclusive; for RealList, per element
    std::vector<std::string> choices; ///< Choice only
    std::string help;

    /// The allowed values as a person reads them: "1 .. 1000000", "wait | work".
    [[nodiscard]] std::string range_text() const;
};

/// Parameter values as text, keyed by parameter name (as given on a command line or in a file).
using ParameterValues = std::map<std::string, std::string>;

} // namespace parlab
