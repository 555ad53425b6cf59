#pragma once

#include <QScrollArea>

namespace parlab::gui {

/// Scrolls its widget only up and down, so it is as wide as the widget's own minimum: with no
/// horizontal scroll bar, anything narrower would cut the widget's right-hand side off.
class VerticalScrollArea : public QScrollArea {
public:
    explicit VerticalScrollArea(QWidget* parent = nullptr);
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace parlab::gui
