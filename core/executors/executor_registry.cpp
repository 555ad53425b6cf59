#include "executors/executor_registry.h"

#include <stdexcept>

namespace parlab {

const std::vector<ExecutorInfo>& ExecutorRegistry::all()
{
    static const std::vector<ExecutorInfo> executors = {};
    return executors;
}

std::unique_ptr<Executor> ExecutorRegistry::create(std::string_view name)
{
    std::string known;
    for (const auto& info : all()) {
        if (info.name == name)
            return info.create();
        known += (known.empty() ? "" : ", ") + info.name;
    }
    throw std::invalid_argument("unknown backend '" + std::string(name) + "' (known: " + known + ")");
}

} // namespace parlab
