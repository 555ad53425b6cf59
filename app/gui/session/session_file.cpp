#include "session/session_file.h"

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
        refuse(QStringLiteral("%1 has a negative, fractional or too large \"%2\"").arg(where, QLatin1String(key)));
    return static_cast<std::size_t>(value);
}

std::string text(const QJsonObject& o, const char* key, const QString& where)
{
    return field(o, key, QJsonValue::String, where).toString().toStdString();
}

Point pointFromJson(const QJsonObject& o, const QString& where)
{
    Point p;
    p.workload = text(o, "workload", where);
    p.backend = text(o, "backend", where);
    p.workers = count(o, "workers", where);
    p.tasks = count(o, "tasks", where);
    p.repeats = static_cast<unsigned>(count(o, "repeats", where));
    p.wall_s = number(o, "wall_s", where);
    p.wall_s_min = number(o, "wall_s_min", where);
    p.wall_s_max = number(o, "wall_s_max", where);
    p.speedup = number(o, "speedup", where);
    p.efficiency = number(o, "efficiency", where);
    p.karp_flatt = number(o, "karp_flatt", where);
    const QJsonObject costs = field(o, "costs", QJsonValue::Object, where).toObject();
    const QString costsWhere = where + QStringLiteral(".costs");
    p.costs.startup_s = number(costs, "startup_s", costsWhere);
    p.costs.ship_s = number(costs, "ship_s", costsWhere);
    p.costs.compute_s = number(costs, "compute_s", costsWhere);
    p.costs.teardown_s = number(costs, "teardown_s", costsWhere);
    p.costs.bytes_sent = count(costs, "bytes_sent", costsWhere);
    p.costs.bytes_received = count(costs, "bytes_received", costsWhere);
    const QJsonObject checksum = field(o, "checksum", QJsonValue::Object, where).toObject();
    p.checksum.value = text(checksum, "value", where + QStringLiteral(".checksum"));
    const QJsonObject extra = field(checksum, "extra", QJsonValue::Object, where + QStringLiteral(".checksum"))
                                  .toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!it.value().isString())
            refuse(where + QStringLiteral(".checksum.extra has a value that is not text"));
        p.checksum.extra[it.key().toStdString()] = it.value().toString().toStdString();
    }
    if (p.workers == 0 || p.wall_s < 0 || p.speedup < 0)
        refuse(where + QStringLiteral(" has zero workers or a negative time"));
    return p;
}

SweepRequest requestFromJson(const QJsonObject& o, const QString& where)
{
    SweepRequest r;
    r.workload = text(o, "workload", where);
    r.backend = text(o, "backend", where);
    r.repeats = static_cast<unsigned>(count(o, "repeats", where));
    r.chunk = count(o, "chunk", where);
    r.ship_inputs = field(o, "ship_inputs", QJsonValue::Bool, where).toBool();
    try {
        r.workers = WorkerRange::parse(text(o, "workers", where));
        r.schedule = parse_schedule(text(o, "schedule", where));
    } catch (const std::invalid_argument& error) {
        refuse(where + QStringLiteral(": ") + QString::fromStdString(error.what()));
    }
    const QJsonObject parameters = field(o, "parameters", QJsonValue::Object, where).toObject();
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        if (!it.value().isString())
            refuse(where + QStringLiteral(".parameters.%1 is not text").arg(it.key()));
        r.parameters[it.key().toStdString()] = it.value().toString().toStdString();
    }
    return r;
}

} // namespace

QJsonObject SessionFile::pointToJson(const Point& p)
{
    QJsonObject extra;
    for (const auto& [key, value] : p.checksum.extra)
        extra[QString::fromStdString(key)] = QString::fromStdString(value);
    return {
        {"workload", QString::fromStdString(p.workload)},
        {"backend", QString::fromStdString(p.backend)},
        {"workers", static_cast<double>(p.workers)},
        {"tasks", static_cast<double>(p.tasks)},
        {"repeats", static_cast<double>(p.repeats)},
        {"wall_s", p.wall_s},
        {"wall_s_min", p.wall_s_min},
        {"wall_s_max", p.wall_s_max},
        {"speedup", p.speedup},
        {"efficiency", p.efficiency},
        {"karp_flatt", p.karp_flatt},
        {"costs", QJsonObject{{"startup_s", p.costs.startup_s},
                              {"ship_s", p.costs.ship_s},
                              {"compute_s", p.costs.compute_s},
                              {"teardown_s", p.costs.teardown_s},
                              {"bytes_sent", static_cast<double>(p.costs.bytes_sent)},
                              {"bytes_received", static_cast<double>(p.costs.bytes_received)}}},
        {"checksum", QJsonObject{{"value", QString::fromStdString(p.checksum.value)}, {"extra", extra}}},
    };
}

QJsonObject SessionFile::requestToJson(const SweepRequest& r)
{
    QJsonObject parameters;
    for (const auto& [key, value] : r.parameters)
        parameters[QString::fromStdString(key)] = QString::fromStdString(value);
    return {
        {"workload", QString::fromStdString(r.workload)},
        {"parameters", parameters},
        {"backend", QString::fromStdString(r.backend)},
        {"workers", QString::fromStdString(r.workers.text())},
        {"repeats", static_cast<double>(r.repeats)},
        {"chunk", static_cast<double>(r.chunk)},
        {"schedule", QString::fromStdString(std::string(to_string(r.schedule)))},
        {"ship_inputs", r.ship_inputs},
    };
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
    const QJsonObject root{{"format", QLatin1String(format_name)}, {"version", format_version}, {"runs", array}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::vector<RunRecord> SessionFile::fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        refuse(QStringLiteral("the JSON is malformed at byte %1 (%2)").arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        refuse(QStringLiteral("the file is not a JSON object"));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String(format_name))
        refuse(QStringLiteral("it has no \"format\": \"parlab-session\" header (a different kind of JSON file?)"));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != format_version)
        refuse(QStringLiteral("version %1 is not supported (this parlab reads version %2)")
                   .arg(version.toVariant().toString())
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
        throw std::runtime_error("could not write " + path.toStdString() + ": " + file.errorString().toStdString());
}

std::vector<RunRecord> SessionFile::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("could not read " + path.toStdString() + ": " + file.errorString().toStdString());
    return fromJson(file.readAll());
}

} // namespace parlab::gui
