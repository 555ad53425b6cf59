#include "executors/executor_registry.h"

#include "executors/cluster/cluster_executor.h"
#include "executors/process_executor.h"
#include "executors/serial_executor.h"
#include "executors/threads_executor.h"

#include <stdexcept>

namespace parlab {

const std::vector<ExecutorInfo>& ExecutorRegistry::all()
{
    static const std::vector<ExecutorInfo> executors = {
        {"serial", "one worker, a plain loop on the calling thread: the baseline for speedup",
         [] { return std::make_unique<SerialExecutor>(); }},
        {"threads", "W threads of one process sharing memory (a oneTBB task arena of exactly W)",
         [] { return std::make_unique<ThreadsExecutor>(); }},
        {"processes", "W worker processes sharing nothing, fed over sockets (a warm process pool)",
         [] { return std::make_unique<ProcessExecutor>(); }},
        {"cluster", "cluster (MPI): W ranks started by mpirun on this machine or the hosts of a hostfile",
         [] { return std::make_unique<ClusterExecutor>(); }},
    };
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
