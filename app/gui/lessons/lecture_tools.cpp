#include "lessons/lecture_tools.h"

#include "lessons/lesson_dock.h"
#include "main_window.h"
#include "oversubscription_meter.h"
#include "views/speedup_overlays.h"

#include <QStatusBar>

namespace parlab::gui {

LessonDock* install_lecture_tools(MainWindow* window)
{
    window->statusBar()->addPermanentWidget(new OversubscriptionMeter(window->controller()));
    new SpeedupOverlays(window->speedupView(), window->session());
    return new LessonDock(window);
}

} // namespace parlab::gui
