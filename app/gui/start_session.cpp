#include "start_session.h"

#include "controls/controls_panel.h"
#include "main_window.h"

#include <QStatusBar>

namespace parlab::gui {

QString open_start_session(MainWindow& window, const QString& path)
{
    const QString error = window.loadSession(path);
    if (error.isEmpty())
        return {};
    // No dialog: the window opens, empty, with the reason where the next run's messages go.
    const QString message = MainWindow::tr("Could not open %1: %2").arg(path, error);
    window.controls()->showMessage(message);
    window.statusBar()->showMessage(message);
    return message;
}

} // namespace parlab::gui
