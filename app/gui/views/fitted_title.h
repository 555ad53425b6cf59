#pragma once

#include <qcustomplot.h>

namespace parlab::gui {

/// A plot's title that never runs past the plot's edges: when its widest line does not fit the
/// width it is given (a narrow plot beside the lesson and the controls, at presentation size), it
/// is drawn in a font made just small enough. Its font stays the one set, for the next layout.
class FittedTitle : public QCPTextElement {
    Q_OBJECT
public:
    using QCPTextElement::QCPTextElement;

    /// The font it is drawn in at the width it has now.
    [[nodiscard]] QFont drawnFont() const;

protected:
    void draw(QCPPainter* painter) override;
    /// As tall as the text in its font, but as narrow as asked: a title's width must not widen
    /// the plot's layout past the widget (QCPTextElement asks for its whole text's width).
    [[nodiscard]] QSize minimumOuterSizeHint() const override;
};

} // namespace parlab::gui
