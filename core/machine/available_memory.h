#pragma once

#include <cstdint>

namespace parlab {

/// Memory the machine can give a run now (MemAvailable), for refusing sizes that will not fit.
/// Apart from machine_facts() so that the worker program, which checks sizes, needs no hwloc.
std::uint64_t available_memory_bytes();

} // namespace parlab
