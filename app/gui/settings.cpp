#include "settings.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>

namespace parlab::gui {

WindowState Settings::load()
{
    QSettings settings;
    WindowState state;
    state.controls.workload = settings.value(QStringLiteral("controls/workload")).toString();
    state.controls.backend = settings.value(QStringLiteral("controls/backend")).toString();
    state.controls.workers = settings.value(QStringLiteral("controls/workers"), 0).toInt();
    state.controls.sweep = settings.value(QStringLiteral("controls/sweep")).toString();
    // Parameters are kept per workload, so switching back finds the values used last.
    if (!state.controls.workload.isEmpty()) {
        settings.beginGroup(QStringLiteral("parameters/") + state.controls.workload);
        for (const QString& key : settings.childKeys())
            state.controls.parameters[key.toStdString()] = settings.value(key).toString().toStdString();
        settings.endGroup();
    }
    state.scale = settings.value(QStringLiteral("window/scale"), 1.0).toDouble();
    state.geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    state.tab = settings.value(QStringLiteral("window/tab")).toString();
    return state;
}

void Settings::save(const WindowState& state)
{
    QSettings settings;
    settings.setValue(QStringLiteral("controls/workload"), state.controls.workload);
    settings.setValue(QStringLiteral("controls/backend"), state.controls.backend);
    settings.setValue(QStringLiteral("controls/workers"), state.controls.workers);
    settings.setValue(QStringLiteral("controls/sweep"), state.controls.sweep);
    settings.beginGroup(QStringLiteral("parameters/") + state.controls.workload);
    for (const auto& [key, value] : state.controls.parameters)
        settings.setValue(QString::fromStdString(key), QString::fromStdString(value));
    settings.endGroup();
    settings.setValue(QStringLiteral("window/scale"), state.scale);
    settings.setValue(QStringLiteral("window/geometry"), state.geometry);
    settings.setValue(QStringLiteral("window/tab"), state.tab);
}

QString Settings::hostfile()
{
    return QSettings().value(QStringLiteral("cluster/hostfile")).toString();
}

void Settings::saveHostfile(const QString& path)
{
    QSettings().setValue(QStringLiteral("cluster/hostfile"), path);
}

QSize Settings::defaultSize()
{
    const QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen)
        return {1280, 720};
    const QSize available = screen->availableGeometry().size();
    if (available.width() <= 1280 || available.height() <= 720)
        return available.boundedTo(QSize(1280, 720));
    return (available * 0.9).expandedTo(QSize(1280, 720));
}

} // namespace parlab::gui
