#include "views/plot_view.h"

#include "views/plot_style.h"

#include <QEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace parlab::gui {

namespace {

constexpr int rebuild_interval_ms = 33;

} // namespace

PlotView::PlotView(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_rebuildTimer(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->installEventFilter(this);
    // A plot's own minimum follows its largest text; left alone it would widen the window past
    // a 1280-pixel projector in presentation mode.
    m_plot->setMinimumSize(320, 240);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(rebuild_interval_ms);
    connect(m_rebuildTimer, &QTimer::timeout, this, &PlotView::rebuild);
}

PlotView::~PlotView() = default;

void PlotView::setScale(double scale)
{
    m_scale = scale;
    restyle();
}

void PlotView::setSession(const Session* session)
{
    (void)session;
}

void PlotView::rebuild()
{
    m_rebuildTimer->stop();
    draw();
}

void PlotView::restyle()
{
    applyPlotStyle(m_plot, m_scale);
}

void PlotView::scheduleRebuild()
{
    if (!m_rebuildTimer->isActive())
        m_rebuildTimer->start();
}

bool PlotView::eventFilter(QObject* watched, QEvent* event)
{
    // The plot's own palette is the one it draws with; it changes after this view's.
    if (watched == m_plot && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        restyle();
    return QWidget::eventFilter(watched, event);
}

} // namespace parlab::gui
