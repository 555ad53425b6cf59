#include "export/plot_exporter.h"

#include <QFileInfo>
#include <QSvgGenerator>

#include <qcustomplot.h>

#include <stdexcept>

namespace parlab::gui {

bool PlotExporter::supports(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("pdf") || suffix == QLatin1String("svg");
}

void PlotExporter::save(QCustomPlot* plot, const QString& path, int width, int height, double scale)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = plot->savePng(path, width, height, scale);
    } else if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, width, height);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        PlotExporter::setUpSvg(generator, path, width, height);
        QCPPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            plot->toPainter(&painter, width, height);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        throw std::invalid_argument("cannot export a plot as '" + suffix.toStdString() +
                                    "': the file name must end in .png, .pdf or .svg");
    }
    if (!ok)
        throw std::runtime_error("could not write " + path.toStdString());
}

void PlotExporter::setUpSvg(QSvgGenerator& generator, const QString& path, int width, int height)
{
    generator.setFileName(path);
    generator.setSize(QSize(width, height));
    generator.setViewBox(QRect(0, 0, width, height));
    generator.setTitle(QStringLiteral("parlab"));
}

} // namespace parlab::gui
