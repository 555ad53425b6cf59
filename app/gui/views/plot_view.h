#pragma once

#include <QString>
#include <QWidget>

class QCustomPlot;
class QTimer;

namespace parlab::gui {

class Session;

/// A view that draws one QCustomPlot: what export, presentation mode and theming act on. It owns
/// the plot, the presentation scale, the restyling on a palette change and the rebuild timer;
/// each view draws only what is its own.
class PlotView : public QWidget {
    Q_OBJECT
public:
    explicit PlotView(QWidget* parent = nullptr);
    ~PlotView() override;

    [[nodiscard]] QCustomPlot* plot() const { return m_plot; }
    /// A short file-safe name used for exported files ("speedup", "core-load", "trends").
    [[nodiscard]] virtual QString exportName() const = 0;
    /// Scales fonts, markers and line widths: 1 on a desk, about 1.6 in presentation mode.
    void setScale(double scale);
    [[nodiscard]] double scale() const { return m_scale; }
    /// Subscribes to what the view draws of `session`; by default, nothing.
    virtual void setSession(const Session* session);
    /// Draws now what a scheduled rebuild would (export calls this so the file shows everything).
    void rebuild();

protected:
    /// Fonts, pens and colours for the scale and the plot's palette; call the base first.
    virtual void restyle();
    /// Draws the view's data; rebuild() calls it.
    virtual void draw() {}
    /// Rebuilds soon: at most ~30 times a second however often data comes.
    void scheduleRebuild();
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QCustomPlot* m_plot;
    QTimer* m_rebuildTimer;
    double m_scale = 1.0;
};

} // namespace parlab::gui
