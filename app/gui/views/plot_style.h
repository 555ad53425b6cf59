#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

#include <functional>

class QCPAxisRect;
class QCPItemText;
class QCustomPlot;

namespace parlab::gui {

/// The Okabe–Ito palette, safe for the common kinds of colour blindness; wraps past 8 series.
QColor seriesColor(int index);
/// The same colour, readable on `palette`'s background (black turns light grey on dark themes).
QColor seriesColor(int index, const QPalette& palette);

/// Green and red as htop draws user and system time.
QColor userTimeColor();
QColor systemTimeColor();

/// The font for tick labels at `scale` (about 11 pt on a desk).
QFont tickFont(double scale);
/// The font for axis labels at `scale` (about 13 pt on a desk).
QFont labelFont(double scale);
/// The bold font for plot titles at `scale`.
QFont titleFont(double scale);
/// A line width in pixels for `scale`: 2 px on a desk.
double lineWidth(double scale);

/// Sets fonts, pens, background, grid and legend from the plot's palette (light or dark) and
/// turns on drag and wheel zoom. A QCPTextElement in the top layout row is styled as the title.
/// Call again after a palette change or a new scale; series pens stay the caller's.
void applyPlotStyle(QCustomPlot* plot, double scale);

/// A centred note in `rect` saying what to do while the plot has no data; hide it when data comes.
QCPItemText* addEmptyHint(QCustomPlot* plot, QCPAxisRect* rect, const QString& text, double scale);

/// Undoes zoom and drag on a double click: calls `reset`, or rescales every axis to its data.
void resetViewOnDoubleClick(QCustomPlot* plot, std::function<void()> reset = {});

} // namespace parlab::gui
