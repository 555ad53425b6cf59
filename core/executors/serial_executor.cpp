#include "executors/serial_executor.h"

#include "executors/gil_mode.h"
#include "executors/task_runner.h"

namespace parlab {

Run SerialExecutor::run(const Workload& workload, const ExecutorOptions& options)
{
    check_options(options);
    check_gil_mode(name(), options.gil, options.gil_switch_interval_s);
    const auto start_ns = steady_now_ns();
    TaskRunner runner(workload, options, 1, 1, options.cancel);
    const std::size_t tasks = workload.task_count();
    for (std::size_t task = 0; task < tasks; ++task) {
        if (!runner.run(task, 0, 0))
            break;
    }
    return runner.finish(name(), seconds_since(start_ns));
}

} // namespace parlab
