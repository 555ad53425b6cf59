#pragma once

#include "executors/executor.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

struct ExecutorInfo {
    std::string name;
    std::string summary; ///< one line
    std::function<std::unique_ptr<Executor>()> create;
};

/// Every backend parlab can run on: serial, threads, processes, …
class ExecutorRegistry {
public:
    static const std::vector<ExecutorInfo>& all();
    /// Throws std::invalid_argument listing the known names when `name` is unknown.
    static std::unique_ptr<Executor> create(std::string_view name);
};

} // namespace parlab
