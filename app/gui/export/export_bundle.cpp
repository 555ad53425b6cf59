#include "export/export_bundle.h"

#include "export/plot_exporter.h"
#include "export/points_csv.h"
#include "session/session.h"
#include "session/session_file.h"
#include "views/plot_view.h"

#include "machine/available_memory.h"
#include "machine/machine_facts.h"
#include "report/report_json.h"
#include "trace/chrome_trace_writer.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <QSaveFile>
#include <nlohmann/json.hpp>

#include <sstream>
#include <stdexcept>

namespace parlab::gui {

namespace {

void write_file(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error("could not write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
}

// The machine's facts as `parlab-cli machine --format json` names them: core's machine_json.
QJsonObject machine_object()
{
    const std::string text = machine_json(machine_facts(), available_memory_bytes()).dump();
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

} // namespace

QByteArray ExportBundle::runJson(const std::vector<RunRecord>& runs)
{
    QJsonArray array;
    for (const auto& run : runs)
        array.append(SessionFile::requestToJson(run.request));
    const QJsonObject root{{"parlab_version", QStringLiteral(PARLAB_VERSION)},
                           {"exported", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {"machine", machine_object()},
                           {"runs", array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QStringList ExportBundle::write(const QString& folder, const std::vector<PlotView*>& views,
                                const Session& session)
{
    QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        throw std::runtime_error("could not create the folder " + folder.toStdString());
    QStringList written;
    for (PlotView* view : views) {
        for (const char* suffix : {"png", "svg", "pdf"}) {
            const QString path = dir.filePath(view->exportName() + QLatin1Char('.') + QLatin1String(suffix));
            PlotExporter::save(view->plot(), path);
            written << path;
        }
    }
    const QString csv = dir.filePath(QStringLiteral("points.csv"));
    write_file(csv, QByteArray::fromStdString(PointsCsv::write(session.allPoints())));
    written << csv;
    if (const auto& lastRun = session.lastRun()) {
        std::ostringstream out;
        write_chrome_trace(lastRun->trace, out, lastRun->backend + " · " + lastRun->workload);
        const QString trace = dir.filePath(QStringLiteral("trace.json"));
        write_file(trace, QByteArray::fromStdString(out.str()));
        written << trace;
    }
    const QString run = dir.filePath(QStringLiteral("run.json"));
    write_file(run, runJson(session.runs()));
    written << run;
    return written;
}

} // namespace parlab::gui
