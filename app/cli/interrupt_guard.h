#pragma once

#include "workloads/cancel_token.h"

#include <csignal>

namespace parlab {

/// While alive, Ctrl+C (SIGINT) cancels `token` instead of killing the program, so the run
/// stops cleanly; a second Ctrl+C kills as usual.
class InterruptGuard {
public:
    explicit InterruptGuard(const CancelToken& token);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    [[nodiscard]] static bool interrupted();

private:
    struct sigaction m_previous {};
};

} // namespace parlab
