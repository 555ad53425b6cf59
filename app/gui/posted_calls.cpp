#include "posted_calls.h"

#include <QMetaObject>
#include <QPointer>

namespace parlab::gui {

void PostedCalls::post(std::function<void()> call)
{
    bool wakeUp = false;
    {
        const std::lock_guard lock(m_mutex);
        // Calls already waiting have a wake-up on its way, which takes them all.
        wakeUp = m_calls.empty();
        m_calls.push_back(std::move(call));
    }
    // By name: the queued event is made entirely inside Qt, and holds no closure of parlab's.
    if (wakeUp)
        QMetaObject::invokeMethod(this, "runPosted", Qt::QueuedConnection);
}

void PostedCalls::runPosted()
{
    std::vector<std::function<void()>> calls;
    {
        const std::lock_guard lock(m_mutex);
        calls.swap(m_calls);
    }
    // A call may end this object's owner (a window closed by a slot): the rest are dropped then,
    // as Qt drops the queued calls of a deleted object.
    const QPointer<PostedCalls> alive(this);
    for (const auto& call : calls) {
        if (!alive)
            return;
        call();
    }
}

} // namespace parlab::gui
