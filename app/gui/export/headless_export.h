#pragma once

#include "launch_options.h"

namespace parlab::gui {

/// `parlab --export-sweep`: runs the sweep on this thread with no window, writes the speedup
/// plot and says where. Needs a QApplication (the offscreen platform is enough).
class HeadlessExport {
public:
    /// The exit code: 0 written, 1 the run or the file failed (one line on stderr).
    static int run(const ExportSweepOptions& options);
};

} // namespace parlab::gui
