#pragma once

#include "cli_options.h"

namespace parlab {

/// `parlab-cli list`: every workload with its parameters, then every backend. Returns the exit code.
int list_command();
/// `parlab-cli machine`: the machine's facts as a table or JSON. Returns the exit code.
int machine_command(const CliOptions& options);
/// `parlab-cli lesson list|run NAME`: the lecture's lessons, headless. Returns the exit code.
int lesson_command(const CliOptions& options);
/// `parlab-cli run`: validates the whole request, then sweeps. Returns the exit code.
int run_command(const CliOptions& options);

} // namespace parlab
