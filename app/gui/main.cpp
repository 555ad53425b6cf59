#include "export/headless_export.h"
#include "launch_options.h"
#include "lessons/lesson_dock.h"
#include "lessons/lesson_panel.h"
#include "main_window.h"
#include "start_session.h"

#include <QApplication>
#include <QTimer>

#include <cstdlib>
#include <iostream>

namespace {

bool has_display()
{
    return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || std::getenv("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char** argv)
{
    using namespace parlab::gui;
    const bool headless = needs_no_display(argc, argv);
    // Qt aborts with a plugin error when it finds no display; say what to do instead.
    if (!has_display() && !headless) {
        std::cerr << "parlab: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "  Run it in a desktop session, or under a virtual display: xvfb-run parlab\n"
                     "  For a terminal, use parlab-cli; for a plot file, parlab --export-sweep FILE "
                     "--workload NAME\n";
        return 1;
    }
    if (headless && !has_display())
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("parlab"));
    QApplication::setOrganizationName(QStringLiteral("parlab"));
    QApplication::setApplicationVersion(QStringLiteral(PARLAB_VERSION));

    const LaunchOptions options = parse_launch_options(QApplication::arguments());
    if (options.helpShown)
        return 0;
    if (!options.error.isEmpty()) {
        std::cerr << "parlab: " << options.error.toStdString() << "\n";
        return 2;
    }
    if (options.exportSweep)
        return HeadlessExport::run(*options.exportSweep);
    if (options.exportView)
        return HeadlessViewExport::run(*options.exportView);

    MainWindow window;
    if (!options.tab.isEmpty() && !window.chooseTab(options.tab))
        std::cerr << "parlab: no tab named '" << options.tab.toStdString() << "'\n";
    window.show();
    if (!options.sessionFile.isEmpty()) {
        const QString error = open_start_session(window, options.sessionFile);
        if (!error.isEmpty())
            std::cerr << "parlab: " << error.toStdString() << "\n";
    }
    if (options.presentation)
        window.setPresentation(true);
    if (!options.lesson.isEmpty()) {
        if (!window.lessons()->openLesson(options.lesson)) {
            std::cerr << "parlab: no lesson named '" << options.lesson.toStdString() << "'\n";
            return 2;
        }
        window.lessons()->panel()->setReduced(options.reducedLesson);
        if (options.runLesson)
            QTimer::singleShot(300, window.lessons()->panel(), &LessonPanel::start);
    }
    if (options.demoSweep)
        QTimer::singleShot(300, &window, &MainWindow::startDemoSweep);
    return QApplication::exec();
}
