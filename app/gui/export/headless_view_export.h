#pragma once

#include "sweep/sweep.h"

#include <QString>

namespace parlab::gui {

/// `--export-view VIEW FILE …`: what the view needs, run with no window, and the view written.
struct ExportViewOptions {
    QString view; ///< one of HeadlessViewExport::views()
    QString file;
    SweepRequest request;
};

/// `parlab --export-view coffee|timeline|topology|costs|trends|speedup FILE --workload NAME …`:
/// runs the sweep on this thread (trends needs none), feeds the view as the window's session
/// would, and writes it by the file's extension; the coffee bar shows the end of the last run.
/// Needs a QApplication (the offscreen platform is enough).
class HeadlessViewExport {
public:
    /// The names --export-view accepts.
    static QStringList views();
    /// The exit code: 0 written, 1 the run or the file failed (one line on stderr).
    static int run(const ExportViewOptions& options);
};

} // namespace parlab::gui
