#pragma once

#include <QObject>

#include <functional>
#include <mutex>
#include <vector>

namespace parlab::gui {

/// Calls posted by a background thread (a run's, the break-even measurement's), run later on this
/// object's thread, the GUI thread, in the order they were posted; dropped with the object.
///
/// The calls and what they capture pass through a std::mutex of parlab's own, and Qt's event
/// queue only carries a wake-up with nothing of parlab's in it. A closure handed to Qt's queued
/// invokeMethod would pass through locks inside libQt6Core, which ThreadSanitizer cannot see in
/// Debian's uninstrumented Qt (.ci/tsan.supp): this way the tsan preset checks the hand-over.
class PostedCalls : public QObject {
    Q_OBJECT
public:
    explicit PostedCalls(QObject* parent) : QObject(parent) {}

    /// From any thread.
    void post(std::function<void()> call);

private:
    Q_INVOKABLE void runPosted();

    std::mutex m_mutex;
    std::vector<std::function<void()>> m_calls; ///< guarded by m_mutex
};

} // namespace parlab::gui
