#pragma once

#include "controls_panel.h"

#include <QByteArray>
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
};

} // namespace parlab::gui
