#include "views/costs_view.h"
#include "views/fitted_title.h"

#include "views/plot_style.h"

#include "backend_traits.h"
#include "session/session.h"

#include "analysis/cost_split.h"
#include "text/text_units.h"

#include <qcustomplot.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace parlab::gui {

namespace {

constexpr double bar_width = 0.72;
constexpr double group_gap = 0.45;
// Before the first layout: the part of the time axis left free for the labels beside the bars.
constexpr double label_room = 0.5;

// Okabe–Ito indices: start-up vermillion, shipping orange, compute blue, teardown purple.
constexpr std::array<int, CostsView::segment_count> segment_colors = {3, 1, 0, 4};

QString segmentName(CostsView::Segment segment)
{
    switch (segment) {
    case CostsView::Segment::Startup: return CostsView::tr("start-up");
    case CostsView::Segment::Ship: return CostsView::tr("shipping data");
    case CostsView::Segment::Compute: return CostsView::tr("compute (the rest)");
    case CostsView::Segment::Teardown: return CostsView::tr("teardown");
    }
    return {};
}

// How a row's inputs got to its workers: recomputed there (0), over the socket (1), or through
// shared memory (2); the order of the rows of one backend.
int shipRank(bool shipped, ShipVia via)
{
    return shipped ? (via == ShipVia::Shm ? 2 : 1) : 0;
}

// In the registry's order (serial, threads, processes, …), each backend's shipping runs after
// the one that recomputes its inputs, the socket's before shared memory's.
int backendRank(const std::string& backend, bool shipped, ShipVia via)
{
    return 3 * backend_order(backend) + shipRank(shipped, via);
}

QString byteText(std::uint64_t bytes)
{
    return QString::fromStdString(bytes_text(bytes));
}

bool sharesMemory(const std::string& backend)
{
    const ExecutorTraits* traits = backend_traits(backend);
    return traits && traits->shares_memory;
}

bool shipsInputs(const std::string& backend)
{
    const ExecutorTraits* traits = backend_traits(backend);
    return traits && traits->ships_inputs;
}

QString shippedText(const CostsView::Row& row)
{
    const auto& c = row.point.costs;
    if (c.bytes_sent + c.bytes_received == 0 && is_baseline(row.point.backend))
        return {};
    // Only workers in one address space send nothing because they need not: ranks and processes say what they
    // sent.
    if (c.bytes_sent + c.bytes_received == 0 && sharesMemory(row.point.backend))
        return CostsView::tr("0 B: shared memory");
    QString text = CostsView::tr("%1 sent").arg(byteText(c.bytes_sent));
    // Results are usually a few bytes per task; they are worth a mention only when they are not.
    if (c.bytes_received >= 1'000'000)
        text += CostsView::tr(", %1 back").arg(byteText(c.bytes_received));
    return text;
}

double totalSeconds(const CostsView::Row& row)
{
    double total = 0.0;
    for (std::size_t s = 0; s < CostsView::segment_count; ++s)
        total += CostsView::segmentSeconds(row, static_cast<CostsView::Segment>(s));
    return total;
}

} // namespace

CostsView::CostsView(QWidget* parent) : PlotView(parent)
{
    plot()->plotLayout()->insertRow(0);
    m_title = new FittedTitle(plot(), tr("Where the time goes: start-up, shipping, compute, teardown"));
    plot()->plotLayout()->addElement(0, 0, m_title);
    // The legend goes under the chart, one line wide: inside, it would cover the bytes labels.
    plot()->axisRect()->insetLayout()->take(plot()->legend);
    plot()->plotLayout()->addElement(2, 0, plot()->legend);
    plot()->plotLayout()->setRowStretchFactor(2, 0.001);
    plot()->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot()->legend->setVisible(true);

    QCPBars* below = nullptr;
    for (std::size_t s = 0; s < segment_count; ++s) {
        auto* bars = new QCPBars(plot()->yAxis, plot()->xAxis);
        bars->setName(segmentName(static_cast<Segment>(s)));
        bars->setWidth(bar_width);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars[s] = bars;
    }

    plot()->xAxis->setLabel(tr("time for one run (ms)"));
    // The first row on top, read like a table.
    plot()->yAxis->setRangeReversed(true);
    plot()->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot()->yAxis->grid()->setVisible(false);
    plot()->axisRect()->setRangeZoom(Qt::Horizontal);
    plot()->axisRect()->setRangeDrag(Qt::Horizontal);

    resetViewOnDoubleClick(plot(), [this] { resetRanges(); });
    restyle();
}

void CostsView::setSession(const Session* session)
{
    const auto update = [this, session] { setRuns(session->runs()); };
    connect(session, &Session::baselineAdded, this, update);
    connect(session, &Session::pointAdded, this, update);
    connect(session, &Session::runsReplaced, this, update);
    update();
}

void CostsView::restyle()
{
    PlotView::restyle();
    const double factor = scale();
    // The labels' room depends on the new margins, known after the next layout.
    scheduleRebuild();
    plot()->legend->setMargins(QMargins(static_cast<int>(8 * factor), static_cast<int>(3 * factor),
                                        static_cast<int>(8 * factor), static_cast<int>(3 * factor)));
    plot()->legend->setColumnSpacing(static_cast<int>(14 * factor));
    plot()->legend->setBorderPen(Qt::NoPen);
    rebuild();
}

void CostsView::styleBars()
{
    const QPalette palette = plot()->palette();
    for (std::size_t s = 0; s < segment_count; ++s) {
        const QColor color = seriesColor(segment_colors[s], palette);
        m_bars[s]->setBrush(color);
        // A thin seam in the background colour keeps neighbouring segments apart.
        m_bars[s]->setPen(QPen(palette.color(QPalette::Base), std::max(1.0, 0.75 * scale())));
    }
}

int CostsView::labelPadding() const
{
    return static_cast<int>(6 * scale());
}

void CostsView::resizeEvent(QResizeEvent* event)
{
    PlotView::resizeEvent(event);
    scheduleRebuild();
}

QString CostsView::rowLabel(const Row& row)
{
    const auto& p = row.point;
    if (is_baseline(p.backend))
        return QString::fromStdString(p.backend);
    QString label = QStringLiteral("%1 %2").arg(p.workers).arg(workers_noun(p.backend, p.workers));
    if (row.shipped)
        label += row.via == ShipVia::Shm ? tr(" + ship (shm)") : tr(" + ship");
    return label;
}

double CostsView::segmentSeconds(const Row& row, Segment segment)
{
    const CostSplit split = split_costs(row.point);
    switch (segment) {
    case Segment::Startup: return split.startup_s;
    case Segment::Ship: return split.ship_s;
    case Segment::Teardown: return split.teardown_s;
    case Segment::Compute: return split.compute_s;
    }
    return 0.0;
}

void CostsView::setRuns(const std::vector<RunRecord>& runs)
{
    m_workload.clear();
    for (auto run = runs.rbegin(); run != runs.rend() && m_workload.isEmpty(); ++run) {
        if (!run->points.empty())
            m_workload = QString::fromStdString(run->points.back().workload);
        else if (run->has_serial)
            m_workload = QString::fromStdString(run->serial.workload);
    }
    const std::string workload = m_workload.toStdString();

    // Keyed by (backend, how shipped, workers): a newer measurement replaces an older one.
    std::map<std::tuple<std::string, int, std::size_t>, Row> latest;
    for (const auto& run : runs) {
        const auto keep = [&](const Point& point) {
            if (point.workload != workload)
                return;
            // Only a backend that ships inputs honours the option; threads share memory whatever it says.
            const bool shipped = run.request.ship_inputs && shipsInputs(point.backend);
            const ShipVia via = shipped ? run.request.ship_via : ShipVia::Socket;
            latest[{point.backend, shipRank(shipped, via), point.workers}] = Row{point, shipped, 0.0, via};
        };
        if (run.has_serial)
            keep(run.serial);
        for (const auto& point : run.points)
            keep(point);
    }

    m_rows.clear();
    for (auto& [key, row] : latest)
        m_rows.push_back(row);
    // Groups of one worker count, the serial baseline in a group of its own on top.
    const auto group = [](const Row& row) {
        return is_baseline(row.point.backend) ? std::size_t{0} : row.point.workers + 1;
    };
    const auto order = [&](const Row& row) {
        return std::make_tuple(group(row), backendRank(row.point.backend, row.shipped, row.via),
                               row.point.backend);
    };
    std::sort(m_rows.begin(), m_rows.end(), [&](const Row& a, const Row& b) { return order(a) < order(b); });
    double key = 0.0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (i > 0 && group(m_rows[i]) != group(m_rows[i - 1]))
            key += group_gap;
        m_rows[i].key = key;
        key += 1.0;
    }
    scheduleRebuild();
}

void CostsView::clear()
{
    m_rows.clear();
    m_workload.clear();
    scheduleRebuild();
}

void CostsView::draw()
{
    plot()->clearItems();
    styleBars();

    m_maxTotal = 0.0;
    for (const auto& row : m_rows)
        m_maxTotal = std::max(m_maxTotal, totalSeconds(row));
    m_unit = m_maxTotal >= 1.0 ? 1.0 : 0.001;
    plot()->xAxis->setLabel(m_unit == 1.0 ? tr("time for one run (s)") : tr("time for one run (ms)"));

    auto ticker = qSharedPointerCast<QCPAxisTickerText>(plot()->yAxis->ticker());
    ticker->clear();
    QVector<double> keys;
    std::array<QVector<double>, segment_count> values;
    const QColor text = plot()->palette().color(QPalette::WindowText);
    for (const auto& row : m_rows) {
        keys << row.key;
        ticker->addTick(row.key, rowLabel(row));
        for (std::size_t s = 0; s < segment_count; ++s)
            values[s] << segmentSeconds(row, static_cast<Segment>(s)) / m_unit;

        const QString shipped = shippedText(row);
        if (shipped.isEmpty())
            continue;
        auto* label = new QCPItemText(plot());
        label->setClipToAxisRect(true);
        label->position->setCoords(totalSeconds(row) / m_unit, row.key);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setText(shipped);
        label->setFont(tickFont(scale()));
        label->setColor(text);
        label->setPadding(QMargins(labelPadding(), 0, 0, 0));
    }
    for (std::size_t s = 0; s < segment_count; ++s)
        m_bars[s]->setData(keys, values[s], true);

    if (m_rows.empty()) {
        m_title->setText(tr("Where the time goes: start-up, shipping, compute, teardown"));
        addEmptyHint(plot(), plot()->axisRect(),
                     tr("Sweep with the processes backend,\nwith and without 'Ship inputs',\n"
                        "and with threads, to see what processes pay"),
                     scale());
    } else {
        m_title->setText(tr("Where the time goes · %1").arg(m_workload));
    }
    resetRanges();
}

void CostsView::resetRanges()
{
    if (m_rows.empty()) {
        plot()->xAxis->setRange(0.0, 1.0);
        plot()->yAxis->setRange(-0.5, 0.5);
    } else {
        const double high = m_maxTotal > 0.0 ? m_maxTotal / m_unit : 1.0;
        double upper = high * (1.0 + label_room);
        // Wide enough that every bar's label fits beside it, measured in the last layout's pixels.
        const double width = plot()->axisRect()->width();
        if (width > 200.0) {
            const QFontMetricsF metrics(tickFont(scale()));
            upper = high * 1.05;
            for (const auto& row : m_rows) {
                const double text =
                    metrics.horizontalAdvance(shippedText(row)) + labelPadding() + 8.0 * scale();
                if (text < 0.8 * width)
                    upper = std::max(upper, totalSeconds(row) / m_unit * width / (width - text));
            }
        }
        plot()->xAxis->setRange(0.0, upper);
        plot()->yAxis->setRange(m_rows.front().key - 0.6, m_rows.back().key + 0.6);
    }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace parlab::gui
