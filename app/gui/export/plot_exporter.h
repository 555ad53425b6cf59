#pragma once

#include <QString>

class QCustomPlot;
class QSvgGenerator;

namespace parlab::gui {

/// Renders a plot to a file chosen by its extension: .png (at `scale` × the size, for a sharp
/// slide), .pdf or .svg (vector). Works on a hidden plot and without a display.
class PlotExporter {
public:
    static constexpr int default_width = 1280;
    static constexpr int default_height = 720;

    /// Throws std::runtime_error naming the file when it cannot be written, std::invalid_argument
    /// for an extension other than png, pdf or svg.
    static void save(QCustomPlot* plot, const QString& path, int width = default_width,
                     int height = default_height, double scale = 2.0);

    /// True for the extensions save() understands.
    static bool supports(const QString& path);
    /// Points `generator` at `path` with a width × height page: the one SVG set-up of every export.
    static void setUpSvg(QSvgGenerator& generator, const QString& path, int width, int height);
};

} // namespace parlab::gui
