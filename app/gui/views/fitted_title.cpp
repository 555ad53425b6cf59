#include "views/fitted_title.h"

#include <QFontMetricsF>

#include <algorithm>

namespace parlab::gui {

QFont FittedTitle::drawnFont() const
{
    QFont font = mainFont();
    const QRectF room = mRect.marginsRemoved(mMargins);
    double widest = 0.0;
    const QFontMetricsF metrics(font);
    for (const QString& line : mText.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    if (widest <= room.width() || room.width() <= 0.0)
        return font;
    // Two per cent to spare: text widths do not scale exactly with the font's size.
    const double shrink = 0.98 * room.width() / widest;
    if (font.pixelSize() > 0)
        font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * shrink)));
    else
        font.setPointSizeF(std::max(1.0, font.pointSizeF() * shrink));
    return font;
}

QSize FittedTitle::minimumOuterSizeHint() const
{
    QSize hint = QCPTextElement::minimumOuterSizeHint();
    hint.setWidth(mMargins.left() + mMargins.right());
    return hint;
}

void FittedTitle::draw(QCPPainter* painter)
{
    painter->setFont(drawnFont());
    painter->setPen(QPen(mainTextColor()));
    painter->drawText(mRect, mTextFlags, mText, &mTextBoundingRect);
}

} // namespace parlab::gui
