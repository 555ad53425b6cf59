#include "export/export_bundle.h"

#include "export/plot_exporter.h"
#include "export/points_csv.h"
#include "session/session.h"
#include "session/session_file.h"
#include "views/plot_view.h"

#include "machine/machine_facts.h"
#include "trace/chrome_trace_writer.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <sstream>
#include <stdexcept>

namespace parlab::gui {

namespace {

void write_file(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error("could not write " + path.toStdString() + ": " + file.errorString().toStdString());
}

QJsonObject machine_json()
{
    const auto& m = machine_facts();
    return {
        {"host", QString::fromStdString(m.host)},
        {"cpu_model", QString::fromStdString(m.cpu_model)},
        {"logical_cpus", static_cast<double>(m.logical_cpus)},
        {"physical_cores", static_cast<double>(m.physical_cores)},
        {"packages", static_cast<double>(m.packages)},
        {"numa_nodes", static_cast<double>(m.numa_nodes)},
        {"frequency_mhz", m.frequency_mhz},
        {"memory_bytes", static_cast<double>(m.memory_bytes)},
        {"l1d_bytes", static_cast<double>(m.l1d_bytes)},
        {"l2_bytes", static_cast<double>(m.l2_bytes)},
        {"l3_bytes", static_cast<double>(m.l3_bytes)},
    };
}

} // namespace

QByteArray ExportBundle::runJson(const std::vector<RunRecord>& runs)
{
    QJsonArray array;
    for (const auto& run : runs)
        array.append(SessionFile::requestToJson(run.request));
    const QJsonObject root{{"parlab_version", QStringLiteral(PARLAB_VERSION)},
                           {"exported", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                           {"machine", machine_json()},
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
