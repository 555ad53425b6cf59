#pragma once

#include <QString>

class QWidget;

namespace parlab::gui {

/// Renders a widget that is not a plot (the coffee bar, the machine) to a file chosen by its
/// extension: .png (at `scale` × the size), .pdf or .svg. The widget is laid out at the size
/// first, so it works on a widget never shown and without a display.
class WidgetExporter {
public:
    /// Throws std::runtime_error naming the file when it cannot be written, std::invalid_argument
    /// for an extension other than png, pdf or svg.
    static void save(QWidget* widget, const QString& path, int width = 1280, int height = 720,
                     double scale = 2.0);
};

} // namespace parlab::gui
