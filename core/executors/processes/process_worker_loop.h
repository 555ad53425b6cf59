#pragma once

#include "workloads/parameter_spec.h"
#include "workloads/workload.h"

#include <functional>
#include <memory>
#include <string_view>

namespace parlab {

/// Builds a workload by name in the worker (WorkloadRegistry::create in the real worker).
using WorkloadFactory = std::function<std::unique_ptr<Workload>(std::string_view, const ParameterValues&)>;

/// What runs inside a worker process: says Ready on socket `fd`, then answers Setup and Task
/// frames until the parent closes the socket. Returns the process exit code: 0 at end of stream,
/// 2 for a corrupt frame, 3 for a socket error (with a message on stderr).
int run_process_worker_loop(int fd, const WorkloadFactory& factory);

} // namespace parlab
