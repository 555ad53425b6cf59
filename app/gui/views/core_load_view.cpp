#include "views/core_load_view.h"
#include "views/fitted_title.h"

#include "views/plot_style.h"

#include <qcustomplot.h>

#include <QTimer>

#include <algorithm>

namespace parlab::gui {

CoreLoadView::CoreLoadView(QWidget* parent) : CoreLoadView(make_proc_stat_source(), parent)
{
}

CoreLoadView::CoreLoadView(std::unique_ptr<CpuTimesSource> source, QWidget* parent)
    : PlotView(parent), m_sampler(std::make_unique<CpuSampler>(std::move(source))), m_timer(new QTimer(this))
{

    m_title = new FittedTitle(plot(), tr("Core load: green = user, red = system (kernel)"), QFont());
    plot()->plotLayout()->insertRow(0);
    plot()->plotLayout()->addElement(0, 0, m_title);
    m_nowRect = plot()->axisRect();
    m_historyRect = new QCPAxisRect(plot());
    plot()->plotLayout()->addElement(2, 0, m_historyRect);
    plot()->plotLayout()->setRowStretchFactor(1, 1.0);
    plot()->plotLayout()->setRowStretchFactor(2, 1.2);
    // Both charts share the left margin, so their 0 % and 100 % lines line up.
    auto* margins = new QCPMarginGroup(plot());
    m_nowRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_historyRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);

    QCPAxis* cpuAxis = m_nowRect->axis(QCPAxis::atBottom);
    QCPAxis* nowAxis = m_nowRect->axis(QCPAxis::atLeft);
    cpuAxis->setLabel(tr("logical CPU"));
    nowAxis->setLabel(tr("busy now (%)"));
    nowAxis->setRange(0.0, 100.0);
    auto cpuTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    cpuTicker->setTickStep(1.0);
    cpuTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    cpuAxis->setTicker(cpuTicker);
    cpuAxis->grid()->setVisible(false);

    m_userBars = new QCPBars(cpuAxis, nowAxis);
    m_systemBars = new QCPBars(cpuAxis, nowAxis);
    m_systemBars->moveAbove(m_userBars);
    m_userBars->setName(tr("user"));
    m_systemBars->setName(tr("system"));
    for (QCPBars* bars : {m_userBars, m_systemBars}) {
        bars->setWidth(0.8);
        bars->removeFromLegend();
    }

    QCPAxis* timeAxis = m_historyRect->axis(QCPAxis::atBottom);
    QCPAxis* busyAxis = m_historyRect->axis(QCPAxis::atLeft);
    timeAxis->setLabel(tr("seconds ago"));
    timeAxis->setRange(-history_seconds, 0.0);
    busyAxis->setLabel(tr("busy (%)"));
    busyAxis->setRange(0.0, 100.0);
    // Past the tick label "-60" the minus sign reads as noise; "60" means 60 s ago.
    auto timeTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int ago = 0; ago <= static_cast<int>(history_seconds); ago += 10)
        timeTicker->addTick(-ago, QString::number(ago));
    timeAxis->setTicker(timeTicker);

    m_ownLine = plot()->addGraph(timeAxis, busyAxis);
    // Its own layer keeps parlab's line on top of every CPU line added later.
    plot()->addLayer(QStringLiteral("own"), plot()->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_ownLine->setLayer(QStringLiteral("own"));
    // Above the history, not inside it: the oldest samples sit where an inset legend would.
    plot()->axisRect()->insetLayout()->take(plot()->legend);
    plot()->plotLayout()->insertRow(2);
    plot()->plotLayout()->addElement(2, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(2, 0.001);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);

    resetViewOnDoubleClick(plot(), [this] {
        m_nowRect->axis(QCPAxis::atBottom)->setRange(-0.5, std::max(1, cpuCount()) - 0.5);
        m_nowRect->axis(QCPAxis::atLeft)->setRange(0.0, 100.0);
        m_historyRect->axis(QCPAxis::atBottom)->setRange(-history_seconds, 0.0);
        m_historyRect->axis(QCPAxis::atLeft)->setRange(0.0, 100.0);
    });
    restyle();

    connect(m_timer, &QTimer::timeout, this, &CoreLoadView::sampleNow);
    m_timer->start(sample_interval_ms);
}

CoreLoadView::~CoreLoadView() = default;

void CoreLoadView::setSampling(bool on)
{
    if (on)
        m_timer->start(sample_interval_ms);
    else
        m_timer->stop();
}

void CoreLoadView::sampleNow()
{
    addSample(m_sampler->sample());
}

void CoreLoadView::addSample(const CpuSample& sample)
{
    Q_EMIT sampled(sample);
    m_history.push_back(sample);
    while (!m_history.empty() && m_history.front().time_s < sample.time_s - history_seconds)
        m_history.pop_front();

    const int cpus = static_cast<int>(sample.cpus.size());
    if (cpus != cpuCount())
        setCpuCount(cpus);
    QVector<double> keys(cpus), user(cpus), system(cpus);
    for (int cpu = 0; cpu < cpus; ++cpu) {
        keys[cpu] = cpu;
        user[cpu] = sample.cpus[static_cast<std::size_t>(cpu)].user_percent;
        system[cpu] = sample.cpus[static_cast<std::size_t>(cpu)].system_percent;
    }
    m_userBars->setData(keys, user, true);
    m_systemBars->setData(keys, system, true);
    const double cpusUsed = sample.own_percent / 100.0;
    m_ownLine->setName(tr("parlab: %1 CPUs (%2 %)")
                           .arg(cpusUsed, 0, 'f', 1)
                           .arg(cpus > 0 ? sample.own_percent / cpus : 0.0, 0, 'f', 0));

    // The history is kept while hidden; drawing it is not.
    if (isVisible())
        drawHistory();
}

void CoreLoadView::setCpuCount(int cpus)
{
    while (m_cpuLines.size() > cpus) {
        plot()->removeGraph(m_cpuLines.back());
        m_cpuLines.pop_back();
    }
    QCPAxis* timeAxis = m_historyRect->axis(QCPAxis::atBottom);
    QCPAxis* busyAxis = m_historyRect->axis(QCPAxis::atLeft);
    while (m_cpuLines.size() < cpus) {
        QCPGraph* line = plot()->addGraph(timeAxis, busyAxis);
        if (m_cpuLines.isEmpty())
            line->setName(tr("one line per CPU"));
        else
            line->removeFromLegend();
        m_cpuLines.push_back(line);
    }
    m_nowRect->axis(QCPAxis::atBottom)->setRange(-0.5, std::max(1, cpus) - 0.5);
    restyle();
}

void CoreLoadView::drawHistory()
{
    if (m_history.empty())
        return;
    const double now = m_history.back().time_s;
    const auto samples = static_cast<qsizetype>(m_history.size());
    QVector<double> ago;
    ago.reserve(samples);
    for (const CpuSample& sample : m_history)
        ago.push_back(sample.time_s - now);
    for (int cpu = 0; cpu < m_cpuLines.size(); ++cpu) {
        QVector<double> busy;
        busy.reserve(samples);
        for (const CpuSample& sample : m_history)
            busy.push_back(static_cast<std::size_t>(cpu) < sample.cpus.size()
                               ? sample.cpus[static_cast<std::size_t>(cpu)].busy_percent()
                               : 0.0);
        m_cpuLines[cpu]->setData(ago, busy, true);
    }
    QVector<double> own;
    own.reserve(samples);
    for (const CpuSample& sample : m_history)
        own.push_back(sample.cpus.empty() ? 0.0
                                          : sample.own_percent / static_cast<double>(sample.cpus.size()));
    m_ownLine->setData(ago, own, true);
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

int CoreLoadView::cpuCount() const
{
    return m_userBars->data()->size();
}

double CoreLoadView::userPercent(int cpu) const
{
    return m_userBars->data()->at(cpu)->value;
}

double CoreLoadView::systemPercent(int cpu) const
{
    return m_systemBars->data()->at(cpu)->value;
}

double CoreLoadView::historySpanSeconds() const
{
    return m_history.empty() ? 0.0 : m_history.back().time_s - m_history.front().time_s;
}

bool CoreLoadView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == plot() && event->type() == QEvent::Show)
        drawHistory();
    return PlotView::eventFilter(watched, event);
}

void CoreLoadView::restyle()
{
    PlotView::restyle();
    const QPalette palette = plot()->palette();
    m_userBars->setPen(Qt::NoPen);
    m_userBars->setBrush(userTimeColor());
    m_systemBars->setPen(Qt::NoPen);
    m_systemBars->setBrush(systemTimeColor());

    // Many CPUs make many lines: fainter each, so that where they bunch up reads as darker.
    QColor cpuColor = seriesColor(0, palette);
    cpuColor.setAlpha(m_cpuLines.size() <= 4 ? 220 : m_cpuLines.size() <= 16 ? 150 : 90);
    for (QCPGraph* line : m_cpuLines)
        line->setPen(QPen(cpuColor, std::max(1.0, 0.6 * lineWidth(scale()))));
    m_ownLine->setPen(QPen(seriesColor(3, palette), 2.0 * lineWidth(scale())));
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
