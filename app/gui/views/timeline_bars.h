#pragma once

// Included by the .cpp files that draw timelines only: a plottable has to see qcustomplot.h.
#include <qcustomplot.h>

#include <array>
#include <vector>

namespace parlab::gui {

/// Bars of a timeline as filled rectangles, one row per value-axis step: a plottable of its own
/// because a thick line per bar (QCPCurve) is stroked as a path, which costs ~2 us a bar, while
/// a rectangle is a fill. Each bar has one of three shades: two that neighbouring tasks
/// alternate between and one for aggregates of tasks too thin to draw one by one.
class TimelineBars : public QCPAbstractPlottable {
public:
    struct Bar {
        double start = 0.0;
        double end = 0.0;
        int row = 0;
        int shade = 0; ///< 0 or 1 for one task, 2 for an aggregate
    };

    TimelineBars(QCPAxis* keyAxis, QCPAxis* valueAxis);

    /// Replaces the bars drawn (in key-axis units, rows on the value axis).
    void setBars(std::vector<Bar> bars);
    [[nodiscard]] const std::vector<Bar>& bars() const { return m_bars; }
    void setShades(const std::array<QColor, 3>& shades);
    /// The bars' thickness in pixels is the pen's width: the plot's style code sets pens.
    void setThickness(double pixels);

    double selectTest(const QPointF& pos, bool onlySelectable, QVariant* details = nullptr) const override;
    QCPRange getKeyRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth) const override;
    QCPRange getValueRange(bool& foundRange, QCP::SignDomain inSignDomain = QCP::sdBoth,
                           const QCPRange& inKeyRange = QCPRange()) const override;

protected:
    void draw(QCPPainter* painter) override;
    void drawLegendIcon(QCPPainter* painter, const QRectF& rect) const override;

private:
    std::vector<Bar> m_bars;
    std::array<QColor, 3> m_shades;
    std::array<QVector<QRectF>, 3> m_rects; // kept between draws to spare the allocations
};

} // namespace parlab::gui
