#include "executors/executor_registry.h"

#include "executors/cluster/cluster_executor.h"
#include "executors/processes/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"

#include <stdexcept>

namespace parlab {

const std::vector<ExecutorInfo>& ExecutorRegistry::all()
{
    static const std::vector<ExecutorInfo> executors = {
        ExecutorInfo::of<SerialExecutor>(),
        ExecutorInfo::of<ThreadsExecutor>(),
        ExecutorInfo::of<ProcessExecutor>(),
        ExecutorInfo::of<ClusterExecutor>(),
    };
    return executors;
}

const ExecutorInfo& ExecutorRegistry::find(std::string_view name)
{
    std::string known;
    for (const auto& info : all()) {
        if (info.name == name)
            return info;
        known += (known.empty() ? "" : ", ") + info.name;
    }
    throw std::invalid_argument("unknown backend '" + std::string(name) + "' (known: " + known + ")");
}

std::unique_ptr<Executor> ExecutorRegistry::create(std::string_view name)
{
    return find(name).create();
}

} // namespace parlab
