#include "controls/request_check.h"

#include "executors/worker_count_error.h"
#include "sweep/sweep.h"
#include "workloads/parameter_error.h"

#include <exception>

namespace parlab::gui {

namespace {

bool accepted(const SweepRequest& request)
{
    try {
        (void)plan_sweep(request);
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

// An untyped refusal: repeats out of core's range, or a chunk that only the task count refuses
// (the same request with chunk 0 passes); anything else (an unknown workload or backend, an
// option the backend does not honour) has no control of its own.
RequestField untyped_field(const SweepRequest& request)
{
    if (request.repeats < 1 || request.repeats > max_repeats)
        return RequestField::Repeats;
    if (request.chunk == 0)
        return RequestField::Other;
    SweepRequest no_chunk = request;
    no_chunk.chunk = 0;
    return accepted(no_chunk) ? RequestField::Chunk : RequestField::Other;
}

} // namespace

std::optional<RequestProblem> check_request(const SweepRequest& request)
{
    RequestProblem problem;
    try {
        (void)plan_sweep(request);
        return std::nullopt;
    } catch (const ParameterError& error) {
        problem.field = RequestField::Parameter;
        problem.parameter = error.parameter();
        problem.message = QString::fromStdString(error.what());
    } catch (const WorkerCountError& error) {
        problem.field = RequestField::Workers;
        problem.message = QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        problem.field = untyped_field(request);
        problem.message = QString::fromStdString(error.what());
    }
    return problem;
}

} // namespace parlab::gui
