#pragma once

#include "session/run_record.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace parlab::gui {

/// A session on disk: every run with its parameters and points, as JSON with the header
/// `"format": "parlab-session", "version": 1`. No widgets, so it is tested alone.
class SessionFile {
public:
    /// The largest session file parlab reads (a class's day of sweeps is well under 1 MiB).
    static constexpr qint64 max_file_bytes = qint64{16} * 1024 * 1024;

    static QByteArray toJson(const std::vector<RunRecord>& runs);
    /// Validates the whole document before returning anything, every field against the limits
    /// of a request (core's check_saved_point / check_saved_request); throws
    /// std::invalid_argument naming the field for a malformed, foreign, newer or too large file.
    static std::vector<RunRecord> fromJson(const QByteArray& json);

    /// Throws std::runtime_error when the file cannot be written.
    static void save(const QString& path, const std::vector<RunRecord>& runs);
    /// Throws std::runtime_error when unreadable, std::invalid_argument when not a valid session.
    static std::vector<RunRecord> load(const QString& path);

    /// The run's request (workload, every parameter, backend, workers, …) as JSON; also used in
    /// an export bundle's run.json.
    static QJsonObject requestToJson(const SweepRequest& request);
    static QJsonObject pointToJson(const Point& point);
};

} // namespace parlab::gui
