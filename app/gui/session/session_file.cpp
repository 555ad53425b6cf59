#include "session/session_file.h"

#include "report/point_checks.h"
#include "report/report_json.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace parlab::gui {

namespace {

constexpr auto format_name = "parlab-session";
constexpr int format_version = 1;

[[noreturn]] void refuse(const QString& what)
{
    throw std::invalid_argument(("not a valid parlab session: " + what).toStdString());
}

QJsonValue field(const QJsonObject& object, const char* key, QJsonValue::Type type, const QString& where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.type() != type)
        refuse(QStringLiteral("%1 has no valid \"%2\"").arg(where, QLatin1String(key)));
    return value;
}

double number(const QJsonObject& o, const char* key, const QString& where)
{
    return field(o, key, QJsonValue::Double, where).toDouble();
}

std::size_t count(const QJsonObject& o, const char* key, const QString& where)
{
    const double value = number(o, key, where);
    // Checked before the cast: converting 2^64 or more to std::size_t is undefined behaviour.
    constexpr double size_limit = 18446744073709551616.0; // 2^64
    if (!(value >= 0) || value >= size_limit || value != std::floor(value))
        refuse(QStringLiteral("%1 has a negative, fractional or too large \"%2\"")
                   .arg(where, QLatin1String(key)));
    return static_cast<std::size_t>(value);
}

std::string text(const QJsonObject& o, const char* key, const QString& where)
{
    return field(o, key, QJsonValue::String, where).toString().toStdString();
}

// Through core's report path, the one reader of a point, then checked like a request: a loaded
// point drives loops and allocations in the views.
Point pointFromJson(const QJsonObject& o, const QString& where)
{
    const QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const std::string place = where.toStdString();
    try {
        Point point = point_from_json_text(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())), place);
        check_saved_point(point, place);
        return point;
    } catch (const std::invalid_argument& error) {
        refuse(QString::fromStdString(error.what()));
    }
}

SweepRequest requestFromJson(const QJsonObject& o, const QString& where)
{
    SweepRequest r;
    r.workload = text(o, "workload", where);
    r.backend = text(o, "backend", where);
    const std::size_t repeats = count(o, "repeats", where);
    // Compared before narrowing: 4294967296 must not wrap to 0.
    if (repeats < 1 || repeats > max_repeats)
        refuse(
            QStringLiteral("%1.repeats must be in 1 .. %2, got %3").arg(where).arg(max_repeats).arg(repeats));
    r.repeats = static_cast<unsigned>(repeats);
    r.chunk = count(o, "chunk", where);
    r.ship_inputs = field(o, "ship_inputs", QJsonValue::Bool, where).toBool();
    try {
        r.workers = WorkerRange::parse(text(o, "workers", where));
        r.schedule = parse_schedule(text(o, "schedule", where));
        // Files saved before inputs could go through shared memory shipped them on the socket.
        if (o.contains(QStringLiteral("ship_via")))
            r.ship_via = parse_ship_via(text(o, "ship_via", where));
    } catch (const std::invalid_argument& error) {
        refuse(where + QStringLiteral(": ") + QString::fromStdString(error.what()));
    }
    const QJsonObject parameters = field(o, "parameters", QJsonValue::Object, where).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (!it.value().isString())
            refuse(where + QStringLiteral(".parameters.%1 is not text").arg(it.key()));
        r.parameters[it.key().toStdString()] = it.value().toString().toStdString();
    }
    try {
        check_saved_request(r, where.toStdString());
    } catch (const std::invalid_argument& error) {
        refuse(QString::fromStdString(error.what()));
    }
    return r;
}

} // namespace

QJsonObject SessionFile::pointToJson(const Point& p)
{
    // core's point_json, the layout of parlab-cli's reports; files of the nested layout still load.
    const std::string text = point_json(p).dump();
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

QJsonObject SessionFile::requestToJson(const SweepRequest& r)
{
    QJsonObject parameters;
    for (const auto& [key, value] : r.parameters)
        parameters[QString::fromStdString(key)] = QString::fromStdString(value);
    QJsonObject out{
        {"workload", QString::fromStdString(r.workload)},
        {"parameters", parameters},
        {"backend", QString::fromStdString(r.backend)},
        {"workers", QString::fromStdString(r.workers.text())},
        {"repeats", static_cast<double>(r.repeats)},
        {"chunk", static_cast<double>(r.chunk)},
        {"schedule", QString::fromStdString(std::string(to_string(r.schedule)))},
        {"ship_inputs", r.ship_inputs},
    };
    if (r.ship_inputs)
        out["ship_via"] = QString::fromStdString(std::string(to_string(r.ship_via)));
    return out;
}

QByteArray SessionFile::toJson(const std::vector<RunRecord>& runs)
{
    QJsonArray array;
    for (const auto& run : runs) {
        QJsonArray points;
        for (const auto& point : run.points)
            points.append(pointToJson(point));
        QJsonObject object{{"request", requestToJson(run.request)}, {"points", points}};
        if (run.has_serial)
            object["serial"] = pointToJson(run.serial);
        array.append(object);
    }
    const QJsonObject root{
        {"format", QLatin1String(format_name)}, {"version", format_version}, {"runs", array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::vector<RunRecord> SessionFile::fromJson(const QByteArray& json)
{
    if (json.size() > max_file_bytes)
        refuse(QStringLiteral("the file is %1 bytes, more than the %2 MiB a session may have")
                   .arg(json.size())
                   .arg(max_file_bytes / (1024 * 1024)));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        refuse(QStringLiteral("the JSON is malformed at byte %1 (%2)")
                   .arg(error.offset)
                   .arg(error.errorString()));
    if (!document.isObject())
        refuse(QStringLiteral("the file is not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(format_name))
        refuse(QStringLiteral(
            "it has no \"format\": \"parlab-session\" header (a different kind of JSON file?)"));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble())
        refuse(QStringLiteral("\"version\" must be the number %1, not %2")
                   .arg(format_version)
                   .arg(version.isUndefined()
                            ? QStringLiteral("missing")
                            : QString::fromUtf8(
                                  QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact))
                                  .mid(1)
                                  .chopped(1)
                                  .left(40)));
    if (version.toDouble() != format_version)
        refuse(QStringLiteral("version %1 is not supported (this parlab reads version %2)")
                   .arg(version.toDouble())
                   .arg(format_version));
    const QJsonArray array = field(root, "runs", QJsonValue::Array, QStringLiteral("the session")).toArray();
    std::vector<RunRecord> runs;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("runs[%1]").arg(i);
        if (!array[i].isObject())
            refuse(where + QStringLiteral(" is not an object"));
        const QJsonObject object = array[i].toObject();
        RunRecord run;
        run.request = requestFromJson(field(object, "request", QJsonValue::Object, where).toObject(),
                                      where + QStringLiteral(".request"));
        if (object.contains(QLatin1String("serial"))) {
            run.has_serial = true;
            run.serial = pointFromJson(field(object, "serial", QJsonValue::Object, where).toObject(),
                                       where + QStringLiteral(".serial"));
        }
        const QJsonArray points = field(object, "points", QJsonValue::Array, where).toArray();
        for (qsizetype j = 0; j < points.size(); ++j) {
            const QString pointWhere = where + QStringLiteral(".points[%1]").arg(j);
            if (!points[j].isObject())
                refuse(pointWhere + QStringLiteral(" is not an object"));
            run.points.push_back(pointFromJson(points[j].toObject(), pointWhere));
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

void SessionFile::save(const QString& path, const std::vector<RunRecord>& runs)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(runs)) < 0 || !file.commit())
        throw std::runtime_error("could not write " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
}

std::vector<RunRecord> SessionFile::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("could not read " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    // Checked before reading: a huge file is refused without holding it in memory.
    if (file.size() > max_file_bytes)
        refuse(QStringLiteral("%1 is %2 bytes, more than the %3 MiB a session may have")
                   .arg(path)
                   .arg(file.size())
                   .arg(max_file_bytes / (1024 * 1024)));
    return fromJson(file.readAll());
}

} // namespace parlab::gui
