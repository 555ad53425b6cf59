#pragma once

#include "controls/controls_panel.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace parlab::gui {

/// What the window remembers between launches, in QSettings.
struct WindowState {
    ControlsState controls;
    double scale = 1.0;
    QByteArray geometry;
    QString tab;
};

class Settings {
public:
    static WindowState load();
    static void save(const WindowState& state);
    /// The hostfile cluster runs used when the window last chose one; empty for this machine.
    static QString hostfile();
    static void saveHostfile(const QString& path);
    /// The window's size when none is remembered: most of a large screen on a desk, all of a
    /// 1280x720 projector.
    static QSize defaultSize();
};

} // namespace parlab::gui
