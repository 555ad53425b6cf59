#pragma once

#include "workloads/workload.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// What the CLI's `list`, the window's controls and the worker process need to know of a workload.
struct WorkloadInfo {
    std::string name;
    std::string summary; ///< one line
    std::vector<ParameterSpec> parameters;
    /// Validates the values (before allocating anything) and builds the workload.
    std::function<std::unique_ptr<Workload>(const ParameterValues&)> create;
};

/// Every workload parlab knows, in the order they are taught.
class WorkloadRegistry {
public:
    static const std::vector<WorkloadInfo>& all();
    /// Throws std::invalid_argument listing the known names when `name` is unknown.
    static const WorkloadInfo& find(std::string_view name);
    static std::unique_ptr<Workload> create(std::string_view name, const ParameterValues& values);
};

} // namespace parlab
