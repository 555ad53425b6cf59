#pragma once

#include <stdexcept>
#include <string>

namespace parlab {

/// A worker count (or range of counts) that a backend cannot take, or that does not parse.
/// Its own type, so a form shows the message beside the workers control without reading it.
class WorkerCountError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

} // namespace parlab
