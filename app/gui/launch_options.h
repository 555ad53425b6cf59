#pragma once

#include "export/headless_view_export.h"
#include "sweep/sweep.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace parlab::gui {

/// `--export-sweep FILE …`: a sweep run with no window, its speedup plot written to FILE.
struct ExportSweepOptions {
    QString file;
    SweepRequest request;
};

/// What parlab was asked for on its command line.
struct LaunchOptions {
    bool presentation = false;
    QString tab; ///< the tab to open on, empty for the last one used
    bool demoSweep = false;
    QString sessionFile;        ///< `parlab FILE.json`: a saved session to open at start (the .desktop's %f)
    QString lesson;             ///< --lesson NAME: open this lesson
    bool runLesson = false;     ///< --run: and run it at once
    bool reducedLesson = false; ///< --reduced: at its quick size
    std::optional<ExportSweepOptions> exportSweep;
    std::optional<ExportViewOptions> exportView; ///< --export-view VIEW FILE
    QString error;                               ///< one line when the arguments are wrong (exit 2)
    bool helpShown = false;                      ///< --help or --version was answered (exit 0)
};

/// Parses the arguments (argv[0] first) with QCommandLineParser; never exits the process.
LaunchOptions parse_launch_options(const QStringList& arguments);

/// True when the arguments ask for something that needs no display.
bool needs_no_display(int argc, char** argv);

} // namespace parlab::gui
