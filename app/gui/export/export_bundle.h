#pragma once

#include "session/run_record.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace parlab::gui {

class PlotView;
class Session;

/// Everything a lesson produced, in one folder: every plot as PNG, SVG and PDF, the points as
/// CSV, the last run's Chrome trace and run.json (the machine and every parameter).
class ExportBundle {
public:
    /// Creates `folder` if needed and returns the files written. Throws std::runtime_error
    /// naming the file that could not be written.
    static QStringList write(const QString& folder, const std::vector<PlotView*>& views,
                             const Session& session);
    /// run.json: the machine facts and every run's parameters.
    static QByteArray runJson(const std::vector<RunRecord>& runs);
};

} // namespace parlab::gui
