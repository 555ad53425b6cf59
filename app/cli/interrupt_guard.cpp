#include "interrupt_guard.h"

#include <atomic>

namespace parlab {
namespace {

// A signal handler can only reach globals; both are lock-free atomics underneath.
const CancelToken* g_token = nullptr;
std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int /*signal*/)
{
    g_interrupted.store(true);
    if (g_token != nullptr)
        g_token->cancel();
}

} // namespace

InterruptGuard::InterruptGuard(const CancelToken& token)
{
    g_token = &token;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &m_previous);
}

InterruptGuard::~InterruptGuard()
{
    sigaction(SIGINT, &m_previous, nullptr);
    g_token = nullptr;
}

bool InterruptGuard::interrupted()
{
    return g_interrupted.load();
}

} // namespace parlab
