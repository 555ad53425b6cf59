#pragma once

#include <QString>

class QWidget;

namespace parlab {
struct SweepResult;
}

namespace parlab::gui {

struct RunRequest;

/// The status bar while a run goes: "Sweeping coffee on threads, workers 1:8".
QString startedText(const RunRequest& request);
/// The status bar after a sweep: the Amdahl fit and Gustafson's scaled speedup.
QString finishedText(const SweepResult& result);
/// Help › About: the version and where the trend data comes from.
void showAbout(QWidget* parent);

} // namespace parlab::gui
