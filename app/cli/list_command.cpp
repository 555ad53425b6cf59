#include "commands.h"

#include "executors/executor_registry.h"
#include "workloads/workload_registry.h"

#include <algorithm>
#include <iostream>

namespace parlab {

int list_command()
{
    std::cout << "Workloads (parlab-cli run --workload NAME --param KEY=VALUE ...):\n";
    for (const WorkloadInfo& info : WorkloadRegistry::all()) {
        std::cout << "\n  " << info.name << " - " << info.summary << '\n';
        std::size_t width = 0;
        for (const ParameterSpec& spec : info.parameters)
            width = std::max(width, spec.name.size());
        for (const ParameterSpec& spec : info.parameters) {
            std::cout << "    " << spec.name << std::string(width - spec.name.size(), ' ') << "  default "
                      << spec.default_value << ", allowed " << spec.range_text() << "  - " << spec.help
                      << '\n';
        }
    }
    std::cout << "\nBackends (--backend NAME):\n";
    std::size_t width = 0;
    for (const ExecutorInfo& info : ExecutorRegistry::all())
        width = std::max(width, info.name.size());
    for (const ExecutorInfo& info : ExecutorRegistry::all())
        std::cout << "  " << info.name << std::string(width - info.name.size(), ' ') << "  " << info.summary
                  << '\n';
    return 0;
}

} // namespace parlab
