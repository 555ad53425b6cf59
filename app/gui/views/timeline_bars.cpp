#include "views/timeline_bars.h"

#include <algorithm>
#include <cmath>

namespace parlab::gui {

TimelineBars::TimelineBars(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPAbstractPlottable(keyAxis, valueAxis)
{
    // Bars meet the pixel grid: sharp edges, and fills without antialiasing are the fast path.
    setAntialiased(false);
    setAntialiasedFill(false);
    setSelectable(QCP::stNone);
    m_shades.fill(Qt::gray);
}

void TimelineBars::setBars(std::vector<Bar> bars)
{
    m_bars = std::move(bars);
}

void TimelineBars::setShades(const std::array<QColor, 3>& shades)
{
    m_shades = shades;
    QPen pen = mPen;
    pen.setColor(shades[0]);
    setPen(pen);
    setBrush(shades[0]);
}

void TimelineBars::setThickness(double pixels)
{
    QPen pen = mPen;
    pen.setWidthF(pixels);
    setPen(pen);
}

double TimelineBars::selectTest(const QPointF&, bool, QVariant*) const
{
    return -1; // the view finds the bar under the mouse itself (bar_under), aggregates included
}

QCPRange TimelineBars::getKeyRange(bool& foundRange, QCP::SignDomain) const
{
    foundRange = !m_bars.empty();
    QCPRange range;
    if (foundRange) {
        range.lower = m_bars.front().start;
        range.upper = m_bars.front().end;
        for (const Bar& bar : m_bars) {
            range.lower = std::min(range.lower, bar.start);
            range.upper = std::max(range.upper, bar.end);
        }
    }
    return range;
}

QCPRange TimelineBars::getValueRange(bool& foundRange, QCP::SignDomain, const QCPRange&) const
{
    foundRange = !m_bars.empty();
    QCPRange range;
    for (const Bar& bar : m_bars) {
        range.lower = std::min(range.lower, bar.row - 0.5);
        range.upper = std::max(range.upper, bar.row + 0.5);
    }
    return range;
}

void TimelineBars::draw(QCPPainter* painter)
{
    QCPAxis* key = keyAxis();
    QCPAxis* value = valueAxis();
    if (!key || !value || m_bars.empty())
        return;
    const double thickness = std::max(1.0, mPen.widthF());
    for (auto& rects : m_rects)
        rects.clear();
    for (const Bar& bar : m_bars) {
        double x0 = key->coordToPixel(bar.start);
        double x1 = key->coordToPixel(bar.end);
        if (x1 < x0)
            std::swap(x0, x1);
        // Even a task far thinner than a pixel gets one: a busy stretch never vanishes.
        const double width = std::max(1.0, x1 - x0);
        const double y = value->coordToPixel(bar.row);
        m_rects[static_cast<std::size_t>(std::clamp(bar.shade, 0, 2))].append(
            QRectF(x0, y - 0.5 * thickness, width, thickness));
    }
    applyDefaultAntialiasingHint(painter);
    painter->setPen(Qt::NoPen);
    for (std::size_t shade = 0; shade < m_rects.size(); ++shade) {
        if (m_rects[shade].isEmpty())
            continue;
        painter->setBrush(m_shades[shade]);
        painter->drawRects(m_rects[shade].constData(), static_cast<int>(m_rects[shade].size()));
    }
}

void TimelineBars::drawLegendIcon(QCPPainter* painter, const QRectF& rect) const
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_shades[0]);
    const double h = std::max(4.0, 0.45 * rect.height());
    painter->drawRect(QRectF(rect.left(), rect.center().y() - 0.5 * h, rect.width(), h));
}

} // namespace parlab::gui
