#include "controls/request_check.h"

#include "sweep/sweep.h"

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

// Finds the field core refused without reading its message: each field of `request` is tried
// alone on a request of defaults, and the first that plan_sweep refuses is the one.
void locate(const SweepRequest& request, RequestProblem& problem)
{
    SweepRequest plain;
    plain.workload = request.workload;
    plain.backend = request.backend;
    plain.schedule = request.schedule;
    plain.ship_inputs = request.ship_inputs;
    plain.retries = request.retries;
    if (!accepted(plain))
        return; // the workload or the backend: neither has a control that can be wrong

    for (const auto& [name, value] : request.parameters) {
        SweepRequest one = plain;
        one.parameters = {{name, value}};
        if (!accepted(one)) {
            problem.field = RequestField::Parameter;
            problem.parameter = name;
            return;
        }
    }
    SweepRequest repeats = plain;
    repeats.repeats = request.repeats;
    if (!accepted(repeats))
        return void(problem.field = RequestField::Repeats);
    SweepRequest workers = plain;
    workers.workers = request.workers;
    if (!accepted(workers))
        return void(problem.field = RequestField::Workers);
    SweepRequest parameters = plain;
    parameters.parameters = request.parameters;
    if (!accepted(parameters))
        return void(problem.field = RequestField::Parameter); // values that are wrong only together
    problem.field = RequestField::Chunk;
}

} // namespace

std::optional<RequestProblem> check_request(const SweepRequest& request)
{
    try {
        (void)plan_sweep(request);
        return std::nullopt;
    }
    // The one place to switch to core's typed error once it has one: catch ParameterError here,
    // before std::exception, and set field Parameter and parameter from its `parameter`.
    catch (const std::exception& error) {
        RequestProblem problem;
        problem.message = QString::fromStdString(error.what());
        locate(request, problem);
        return problem;
    }
}

} // namespace parlab::gui
