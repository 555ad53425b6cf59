#pragma once

#include <QString>
#include <QWidget>

class QCustomPlot;

namespace parlab::gui {

/// A view that draws one QCustomPlot: what export, presentation mode and theming act on.
class PlotView : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    [[nodiscard]] virtual QCustomPlot* plot() const = 0;
    /// A short file-safe name used for exported files ("speedup", "core-load", "trends").
    [[nodiscard]] virtual QString exportName() const = 0;
    /// Scales fonts, markers and line widths: 1 on a desk, about 1.6 in presentation mode.
    virtual void setScale(double scale) = 0;
};

} // namespace parlab::gui
