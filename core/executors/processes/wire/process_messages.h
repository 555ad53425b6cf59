#pragma once

#include "executors/processes/wire/process_frame.h"
#include "workloads/parameter_spec.h"
#include "workloads/partial.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace parlab {

/// Worker → parent, once after start.
struct ReadyMessage {
    std::int32_t pid = 0;
};

/// Parent → worker, once per run (the worker keeps the workload when it is the same again).
struct SetupMessage {
    std::string workload;
    ParameterValues values;
    std::uint32_t worker = 0;
};

/// Where a task's inputs lie in the worker's shared region.
struct SharedSpan {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

/// Parent → worker: the shared memory region that Task frames point into from now on. Its file
/// descriptor travels beside the frame's first byte (SCM_RIGHTS); `bytes` = 0 says there is none
/// any more (the run is over), and then no descriptor comes.
struct RegionMessage {
    std::uint64_t bytes = 0;
};

/// Parent → worker: run one task, from shipped inputs when `shipped`: in `inputs`, or in the
/// shared region at `shared` when that is set.
struct TaskMessage {
    std::uint64_t task = 0;
    bool shipped = false;
    std::vector<std::byte> inputs;
    std::optional<SharedSpan> shared;
};

/// Worker → parent: one finished task.
struct ResultMessage {
    std::uint64_t task = 0;
    Partial partial;
    std::int32_t cpu = -1;
    std::int64_t start_ns = 0;
    std::int64_t end_ns = 0;
};

/// Worker → parent: a task threw (task set) or the set-up failed (no task).
struct FailedMessage {
    std::optional<std::uint64_t> task;
    std::string message;
};

/// Each append_* writes one whole frame to `out`; each decode_* reads a frame's payload and
/// throws std::runtime_error when the payload does not have the message's shape.
void append_ready(std::vector<std::byte>& out, const ReadyMessage& message);
void append_setup(std::vector<std::byte>& out, const SetupMessage& message);
void append_task(std::vector<std::byte>& out, std::uint64_t task, bool shipped,
                 std::span<const std::byte> inputs);
/// A task whose inputs the worker finds in its shared region.
void append_shared_task(std::vector<std::byte>& out, std::uint64_t task, SharedSpan inputs);
void append_region(std::vector<std::byte>& out, const RegionMessage& message);
void append_result(std::vector<std::byte>& out, const ResultMessage& message);
void append_failed(std::vector<std::byte>& out, const FailedMessage& message);

ReadyMessage decode_ready(std::span<const std::byte> payload);
SetupMessage decode_setup(std::span<const std::byte> payload);
/// `shared_bytes`: the size of the region the worker has mapped (0 for none); a task whose
/// inputs lie outside it is refused here, so no read ever leaves the mapping.
TaskMessage decode_task(std::span<const std::byte> payload, std::uint64_t shared_bytes = 0);
RegionMessage decode_region(std::span<const std::byte> payload);
ResultMessage decode_result(std::span<const std::byte> payload);
FailedMessage decode_failed(std::span<const std::byte> payload);

} // namespace parlab
