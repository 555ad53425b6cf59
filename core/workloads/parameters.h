#pragma once

#include "workloads/parameter_spec.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace parlab {

/// Validated parameter values: every spec filled in (default where not given), each checked
/// against its range. Throws ParameterError naming the parameter and the allowed range.
class Parameters {
public:
    Parameters(std::vector<ParameterSpec> specs, const ParameterValues& given);

    [[nodiscard]] std::int64_t integer(std::string_view name) const;
    [[nodiscard]] double real(std::string_view name) const;
    [[nodiscard]] const std::string& choice(std::string_view name) const;
    [[nodiscard]] std::vector<double> real_list(std::string_view name) const;

    /// Every value in canonical text form; feeding it back gives the same parameters.
    [[nodiscard]] const ParameterValues& values() const { return m_values; }
    [[nodiscard]] const std::vector<ParameterSpec>& specs() const { return m_specs; }

    /// `KEY=VALUE` texts (from a command line or a form) as values, in one wording for every
    /// caller. Throws ParameterError for a text without a key and '=', or a key given twice.
    static ParameterValues parse_assignments(const std::vector<std::string>& assignments);

private:
    std::vector<ParameterSpec> m_specs;
    ParameterValues m_values;
};

} // namespace parlab
