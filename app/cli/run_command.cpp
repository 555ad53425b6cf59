#include "commands.h"

#include "cli_observer.h"
#include "executors/cluster/cluster_executor.h"
#include "executors/cluster/hostfile.h"
#include "executors/gil_mode.h"
#include "executors/run_error.h"
#include "interrupt_guard.h"
#include "progress_bar.h"
#include "result_format.h"
#include "trace/chrome_trace_writer.h"
#include "trace_output.h"
#include "workloads/memory_estimate.h"
#include "workloads/parameters.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <new>
#include <stdexcept>
#include <vector>

namespace parlab {
namespace {

constexpr int exit_failed = 1;
constexpr int exit_usage = 2;
constexpr int exit_interrupted = 130;

int report(const std::string& message, int code)
{
    std::string line = message;
    std::replace(line.begin(), line.end(), '\n', ' ');
    std::cerr << "parlab-cli: " << line << '\n';
    return code;
}

SweepRequest request_from(const CliOptions& options)
{
    SweepRequest request;
    request.workload = options.workload;
    request.backend = options.backend;
    request.workers =
        options.workers.empty() ? default_worker_range(options.backend) : WorkerRange::parse(options.workers);
    request.repeats = options.repeats;
    request.chunk = options.chunk;
    request.chunk_auto = options.chunk_auto;
    request.gil = options.gil;
    if (options.switch_interval_s && !options.gil)
        throw std::invalid_argument("--switch-interval goes with --gil");
    if (options.switch_interval_s)
        request.gil_switch_interval_s = *options.switch_interval_s;
    try {
        check_gil_mode(options.backend, options.gil, request.gil_switch_interval_s);
    } catch (const std::invalid_argument& error) {
        throw std::invalid_argument(std::string("--gil: ") + error.what()); // core's reason, the CLI's word
    }
    request.schedule = parse_schedule(options.schedule);
    request.ship_inputs = !options.ship_inputs.empty();
    if (request.ship_inputs) {
        try {
            request.ship_via = parse_ship_via(options.ship_inputs);
        } catch (const std::invalid_argument& error) {
            throw std::invalid_argument(std::string("--ship-inputs: ") + error.what());
        }
    }
    request.retries = options.retries;
    request.parameters = Parameters::parse_assignments(options.parameters);
    return request;
}

int sweep_and_report(const SweepHeader& header, const CliOptions& options, TraceOutput* trace)
{
    const std::unique_ptr<ResultFormat> format = ResultFormat::make(options.format, std::cout);
    ProgressBar bar(stderr);
    CliObserver observer(*format, bar);
    CancelToken cancel;
    const InterruptGuard guard(cancel);
    try {
        format->begin(header);
        const SweepResult result = run_sweep(header.request, &observer, cancel);
        bar.clear();
        format->end(result);
        if (trace != nullptr) {
            write_chrome_trace(result.last_run.trace, trace->stream(),
                               header.request.workload + " on " + result.last_run.backend +
                                   ", W=" + std::to_string(result.last_run.workers));
            trace->commit();
        }
        return 0;
    } catch (const RunCancelled& cancelled) {
        bar.clear();
        return report("cancelled", exit_interrupted);
    } catch (const RunError& error) {
        bar.clear();
        const Run& partial = error.partial();
        if (InterruptGuard::interrupted())
            return report("cancelled", exit_interrupted);
        return report(std::string("run failed: ") + error.what() + " (" + std::to_string(partial.tasks_done) +
                          " of " + std::to_string(partial.tasks) + " tasks finished" +
                          (partial.backend.empty()
                               ? ""
                               : ", " + partial.backend + " W=" + std::to_string(partial.workers)) +
                          ")",
                      exit_failed);
    } catch (const std::invalid_argument& error) {
        bar.clear();
        return report(error.what(), exit_usage);
    } catch (const std::bad_alloc&) {
        bar.clear();
        return report("run failed: out of memory", exit_failed);
    } catch (const std::exception& error) {
        bar.clear();
        if (InterruptGuard::interrupted())
            return report("cancelled", exit_interrupted);
        return report(std::string("run failed: ") + error.what(), exit_failed);
    }
}

} // namespace

int run_command(const CliOptions& options)
{
    SweepHeader header;
    std::unique_ptr<TraceOutput> trace;
    try {
        set_workload_memory_limit(options.memory_limit);
        if ((!options.hostfile.empty() || !options.launcher.empty()) &&
            options.backend != ClusterExecutor::backend_traits.name)
            throw std::invalid_argument(std::string(options.hostfile.empty() ? "--launcher" : "--hostfile") +
                                        " applies to --backend cluster only");
        ClusterConfig cluster = ClusterExecutor::defaults();
        cluster.hostfile = options.hostfile;
        cluster.launcher = options.launcher;
        ClusterExecutor::set_defaults(std::move(cluster));
        if (!options.hostfile.empty())
            read_hostfile(options.hostfile); // a bad line is a usage mistake, named before any run
        header.request = request_from(options);
        header.plan = plan_sweep(header.request);
        header.machine = machine_facts();
        if (!options.trace_path.empty()) {
            // Checked before the run: a trace that cannot be written must not cost a whole sweep.
            trace = std::make_unique<TraceOutput>(options.trace_path);
        }
    } catch (const std::invalid_argument& error) {
        return report(error.what(), exit_usage);
    }

    // A failed or cancelled run leaves the path as it was: TraceOutput removes only its own
    // temporary file.
    return sweep_and_report(header, options, trace.get());
}

} // namespace parlab
