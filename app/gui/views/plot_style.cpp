#include "views/plot_style.h"

#include <qcustomplot.h>

#include <array>

namespace parlab::gui {
namespace {

// Okabe & Ito, "Color Universal Design" (2008). Yellow comes last: it is faint on white.
constexpr std::array<QRgb, 8> okabe_ito = {
    0x0072B2, // blue
    0xE69F00, // orange
    0x009E73, // bluish green
    0xD55E00, // vermillion
    0xCC79A7, // reddish purple
    0x56B4E9, // sky blue
    0x000000, // black (swapped for grey on dark backgrounds)
    0xF0E442, // yellow
};

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

void styleAxis(QCPAxis* axis, const QPalette& palette, double scale)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(isDark(palette) ? 60 : 45);
    QColor subGrid = grid;
    subGrid.setAlpha(grid.alpha() / 2);

    axis->setTickLabelFont(tickFont(scale));
    axis->setLabelFont(labelFont(scale));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setBasePen(QPen(text, std::max(1.0, scale)));
    axis->setTickPen(QPen(text, std::max(1.0, scale)));
    axis->setSubTickPen(QPen(text, std::max(1.0, 0.75 * scale)));
    axis->setTickLengthOut(0);
    axis->setTickLength(static_cast<int>(5 * scale), 0);
    axis->setSubTickLength(static_cast<int>(3 * scale), 0);
    axis->setLabelPadding(static_cast<int>(6 * scale));
    axis->setTickLabelPadding(static_cast<int>(4 * scale));
    axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 1));
}

} // namespace

QColor seriesColor(int index)
{
    const auto count = static_cast<int>(okabe_ito.size());
    return QColor(okabe_ito[static_cast<std::size_t>(((index % count) + count) % count)]);
}

QColor seriesColor(int index, const QPalette& palette)
{
    const QColor color = seriesColor(index);
    if (color == QColor(Qt::black) && isDark(palette))
        return QColor(0xBBBBBB);
    return color;
}

QColor userTimeColor()
{
    return QColor(0x4CAF50);
}
QColor systemTimeColor()
{
    return QColor(0xE53935);
}

QFont tickFont(double scale)
{
    QFont font;
    font.setPointSizeF(11.0 * scale);
    return font;
}

QFont labelFont(double scale)
{
    QFont font;
    font.setPointSizeF(13.0 * scale);
    return font;
}

QFont titleFont(double scale)
{
    QFont font;
    font.setPointSizeF(15.0 * scale);
    font.setBold(true);
    return font;
}

double lineWidth(double scale)
{
    return 2.0 * scale;
}

void applyPlotStyle(QCustomPlot* plot, double scale)
{
    const QPalette palette = plot->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::WindowText);

    plot->setBackground(QBrush(base));
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(QBrush(base));
        for (QCPAxis* axis : rect->axes())
            styleAxis(axis, palette, scale);
    }

    QColor legendBackground = base;
    legendBackground.setAlpha(220);
    QColor legendBorder = text;
    legendBorder.setAlpha(80);
    plot->legend->setFont(tickFont(scale));
    plot->legend->setTextColor(text);
    plot->legend->setBrush(QBrush(legendBackground));
    plot->legend->setBorderPen(QPen(legendBorder));
    plot->legend->setIconSize(static_cast<int>(22 * scale), static_cast<int>(14 * scale));

    if (plot->plotLayout()->rowCount() > 0) {
        if (auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0))) {
            title->setFont(titleFont(scale));
            title->setTextColor(text);
        }
    }

    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);
}

QCPItemText* addEmptyHint(QCustomPlot* plot, QCPAxisRect* rect, const QString& text, double scale)
{
    auto* hint = new QCPItemText(plot);
    hint->setClipAxisRect(rect);
    hint->position->setAxisRect(rect);
    hint->position->setType(QCPItemPosition::ptAxisRectRatio);
    hint->position->setCoords(0.5, 0.5);
    hint->setPositionAlignment(Qt::AlignCenter);
    hint->setTextAlignment(Qt::AlignCenter);
    hint->setText(text);
    hint->setFont(labelFont(scale));
    QColor color = plot->palette().color(QPalette::WindowText);
    color.setAlpha(170);
    hint->setColor(color);
    // Lines of the empty plot (the ideal speedup) may cross the note; a veil keeps it readable.
    QColor veil = plot->palette().color(QPalette::Base);
    veil.setAlpha(220);
    hint->setBrush(QBrush(veil));
    hint->setPadding(QMargins(8, 6, 8, 6));
    return hint;
}

void resetViewOnDoubleClick(QCustomPlot* plot, std::function<void()> reset)
{
    QObject::connect(plot, &QCustomPlot::mouseDoubleClick, plot, [plot, reset](QMouseEvent*) {
        if (reset)
            reset();
        else
            plot->rescaleAxes(true);
        plot->replot();
    });
}

} // namespace parlab::gui
