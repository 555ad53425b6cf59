#include "export/widget_exporter.h"

#include "export/plot_exporter.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include <stdexcept>

namespace parlab::gui {

void WidgetExporter::save(QWidget* widget, const QString& path, int width, int height, double scale)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        throw std::invalid_argument("cannot export a view as '" + suffix.toStdString() +
                                    "': the file name must end in .png, .pdf or .svg");
    // Layouts and views fit themselves to their size only once shown; show it where nobody sees.
    widget->setAttribute(Qt::WA_DontShowOnScreen);
    widget->resize(width, height);
    widget->show();
    QApplication::processEvents();

    bool ok = false;
    if (suffix == QLatin1String("png")) {
        QImage image(QSize(width, height) * scale, QImage::Format_ARGB32);
        image.setDevicePixelRatio(scale);
        image.fill(widget->palette().window().color());
        QPainter painter(&image);
        widget->render(&painter);
        painter.end();
        ok = image.save(path);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        PlotExporter::setUpSvg(generator, path, width, height);
        QPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            widget->render(&painter);
            ok = painter.end();
        }
    } else {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(width, height), QPageSize::Point));
        writer.setPageMargins({});
        writer.setResolution(72);
        QPainter painter;
        ok = painter.begin(&writer);
        if (ok) {
            widget->render(&painter);
            ok = painter.end();
        }
    }
    widget->hide();
    if (!ok || QFileInfo(path).size() == 0)
        throw std::runtime_error("could not write " + path.toStdString());
}

} // namespace parlab::gui
