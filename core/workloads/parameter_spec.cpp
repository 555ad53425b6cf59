#include "workloads/parameter_spec.h"

#include "workloads/number_text.h"

namespace parlab {

std::string ParameterSpec::range_text() const
{
    switch (kind) {
    case ParameterKind::Integer: return integer_bound_text(min) + " .. " + integer_bound_text(max);
    case ParameterKind::Real: return shortest_text(min) + " .. " + shortest_text(max);
    case ParameterKind::RealList:
        return "numbers in " + shortest_text(min) + " .. " + shortest_text(max) +
               ", comma-separated; 2*16 is sixteen 2s";
    case ParameterKind::Choice: {
        std::string text;
        for (const auto& choice : choices)
            text += (text.empty() ? "" : " | ") + choice;
        return text;
    }
    }
    return {};
}

} // namespace parlab
