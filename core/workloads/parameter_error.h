#pragma once

#include <stdexcept>
#include <string>

namespace parlab {

/// A workload parameter that is unknown, given twice, malformed or out of range. `parameter`
/// names it (as given), so a form can show the message beside that control without reading it.
class ParameterError : public std::invalid_argument {
public:
    ParameterError(std::string parameter, const std::string& message)
        : std::invalid_argument(message), m_parameter(std::move(parameter))
    {
    }

    /// The parameter's name as it was given.
    [[nodiscard]] const std::string& parameter() const { return m_parameter; }

private:
    std::string m_parameter;
};

} // namespace parlab
