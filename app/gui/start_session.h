#pragma once

#include <QString>

namespace parlab::gui {

class MainWindow;

/// Opens the session file parlab was started with (`parlab FILE.json`). A file that is refused
/// leaves the window as it was (empty at start) and shows why under the run controls and in the
/// status bar; returns that message, or nothing when the session loaded.
QString open_start_session(MainWindow& window, const QString& path);

} // namespace parlab::gui
