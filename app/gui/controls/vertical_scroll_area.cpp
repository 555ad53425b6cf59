#include "controls/vertical_scroll_area.h"

#include <QEvent>
#include <QScrollBar>

namespace parlab::gui {

VerticalScrollArea::VerticalScrollArea(QWidget* parent) : QScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

QSize VerticalScrollArea::minimumSizeHint() const
{
    QSize hint = QScrollArea::minimumSizeHint();
    if (widget() != nullptr)
        hint.setWidth(widget()->minimumSizeHint().width() + verticalScrollBar()->sizeHint().width() +
                      2 * frameWidth());
    return hint;
}

bool VerticalScrollArea::eventFilter(QObject* watched, QEvent* event)
{
    // The widget's minimum changed (a larger font, other parameters): ask for room again.
    if (watched == widget() && event->type() == QEvent::LayoutRequest)
        updateGeometry();
    return QScrollArea::eventFilter(watched, event);
}

} // namespace parlab::gui
