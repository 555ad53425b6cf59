#include "executors/gil_mode.h"

#include <stdexcept>
#include <string>

namespace parlab {

void check_gil_mode(std::string_view backend, bool gil, double switch_interval_s)
{
    if (!gil)
        return;
    if (backend == "serial")
        throw std::invalid_argument(
            "GIL mode is for the threads backend only: serial runs one thread, so there "
            "is no one to share an interpreter lock with");
    if (backend != "threads")
        throw std::invalid_argument("GIL mode is for the threads backend only: each of the " +
                                    std::string(backend) +
                                    " backend's workers is its own process with its own interpreter lock, "
                                    "which is why processes scale in Python where threads do not");
    if (!(switch_interval_s >= 0.0001 && switch_interval_s <= 1.0))
        throw std::invalid_argument("the GIL switch interval must be in 0.0001 .. 1 s, got " +
                                    std::to_string(switch_interval_s));
}

} // namespace parlab
