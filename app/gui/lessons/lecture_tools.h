#pragma once

#include "lessons/lesson_dock.h"

namespace parlab::gui {

class MainWindow;

/// Adds the lecture's tools to `window`: the Lessons menu and panel, the oversubscription meter in
/// the status bar, and the break-even and what-if overlays on the speedup plot. Returns the dock.
LessonDock* install_lecture_tools(MainWindow* window);

} // namespace parlab::gui
