#include "views/topology_view.h"

#include "backend_traits.h"

#include "plot_style.h"
#include "views/coffee_bar_view.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parlab::gui {
namespace {

// Logical units; the painter scales the whole tree to the widget.
constexpr double pad = 8, header = 30, cpu_w = 170, cpu_h = 118, text_px = 20;

QFont unitFont(double px, bool bold)
{
    QFont f;
    f.setPixelSize(static_cast<int>(px));
    f.setBold(bold);
    return f;
}

QColor fillFor(TopologyNode::Kind kind, int level)
{
    switch (kind) {
    case TopologyNode::Kind::Machine: return {245, 245, 245};
    case TopologyNode::Kind::Package: return {228, 236, 245};
    case TopologyNode::Kind::NumaNode: return {222, 240, 222};
    case TopologyNode::Kind::Group: return {238, 238, 238};
    case TopologyNode::Kind::Cache: return QColor(255, 248, 225).darker(100 + 4 * (3 - std::min(level, 3)));
    case TopologyNode::Kind::Core: return {255, 255, 255};
    case TopologyNode::Kind::Pu: return {250, 250, 250};
    }
    return Qt::white;
}

} // namespace

TopologyView::TopologyView(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(320, 200);
    m_workerWord = CoffeeBarView::workerWord(default_backend());
    try {
        setTopology(read_topology());
    } catch (const std::exception& error) {
        m_error = tr("The machine's topology is unknown: %1").arg(QString::fromStdString(error.what()));
    }
}

void TopologyView::setTopology(TopologyNode root)
{
    m_root = std::move(root);
    m_error.clear();
    relayout();
    update();
}

void TopologyView::setLoads(const std::vector<double>& percent)
{
    m_loads = percent;
    update();
}

void TopologyView::setRun(const Run& run)
{
    m_placement = cpu_placement(run.trace);
    m_workerWord = CoffeeBarView::workerWord(run.backend);
    update();
}

void TopologyView::setScale(double scale)
{
    m_scale = scale;
    update();
}

TopologyView::Box TopologyView::measure(const TopologyNode& node) const
{
    Box box;
    box.node = &node;
    if (node.kind == TopologyNode::Kind::Pu) {
        box.rect = QRectF(0, 0, cpu_w, cpu_h);
        return box;
    }
    for (const TopologyNode& child : node.children)
        box.children.push_back(measure(child));
    const QFontMetricsF metrics(unitFont(text_px, true));
    const double labelW = metrics.horizontalAdvance(QString::fromStdString(node_label(node))) + 2 * pad;
    if (box.children.empty()) {
        box.rect = QRectF(0, 0, labelW, header + pad);
        return box;
    }
    // Many children wrap into a grid, so a 64-core machine is not one long row of slivers.
    const auto n = box.children.size();
    const std::size_t cols =
        n <= 8 ? n : static_cast<std::size_t>(std::ceil(std::sqrt(2.0 * static_cast<double>(n))));
    double width = 0, height = 0, rowW = 0, rowH = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const QRectF& r = box.children[i].rect;
        rowW += r.width() + (i % cols == 0 ? 0 : pad);
        rowH = std::max(rowH, r.height());
        if (i % cols == cols - 1 || i + 1 == n) {
            width = std::max(width, rowW);
            height += rowH + (height > 0 ? pad : 0);
            rowW = rowH = 0;
        }
    }
    box.rect = QRectF(0, 0, std::max(width + 2 * pad, labelW), height + header + pad);
    return box;
}

void TopologyView::place(Box& box, QPointF at) const
{
    box.rect.moveTopLeft(at);
    const auto n = box.children.size();
    if (n == 0)
        return;
    const std::size_t cols =
        n <= 8 ? n : static_cast<std::size_t>(std::ceil(std::sqrt(2.0 * static_cast<double>(n))));
    double x = at.x() + pad, y = at.y() + header, rowH = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && i % cols == 0) {
            x = at.x() + pad;
            y += rowH + pad;
            rowH = 0;
        }
        place(box.children[i], QPointF(x, y));
        x += box.children[i].rect.width() + pad;
        rowH = std::max(rowH, box.children[i].rect.height());
    }
}

void TopologyView::relayout()
{
    m_cpuRects.clear();
    if (!m_error.isEmpty())
        return;
    m_layout = measure(m_root);
    place(m_layout, QPointF(0, 0));
    const auto collect = [this](const auto& self, const Box& box) -> void {
        if (box.node->kind == TopologyNode::Kind::Pu)
            m_cpuRects[box.node->index] = box.rect;
        for (const Box& child : box.children)
            self(self, child);
    };
    collect(collect, m_layout);
}

void TopologyView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    update();
}

QString TopologyView::cpuText(int cpu) const
{
    QString text = tr("CPU %1").arg(cpu);
    const auto load = static_cast<std::size_t>(cpu);
    if (cpu >= 0 && load < m_loads.size())
        text += tr("\n%1% busy").arg(static_cast<int>(std::lround(m_loads[load])));
    const auto it = m_placement.workers_on_cpu.find(cpu);
    if (it != m_placement.workers_on_cpu.end() && !it->second.empty()) {
        QStringList workers;
        for (std::uint32_t worker : it->second)
            workers << QString::number(worker);
        text += workers.size() <= 4 ? tr("\n%1 %2").arg(m_workerWord, workers.join(QLatin1Char(' ')))
                                    : tr("\n%1 %2s").arg(workers.size()).arg(m_workerWord);
    }
    return text;
}

QString TopologyView::title() const
{
    const std::size_t cpus = logical_cpus(m_root).size();
    QString text = tr("This machine: %1 logical CPU%2").arg(cpus).arg(cpus == 1 ? "" : "s");
    if (!m_placement.migrations.empty())
        text += tr("  ·  last run: %1 %2s, %3 moves between CPUs")
                    .arg(m_placement.migrations.size())
                    .arg(m_workerWord)
                    .arg(m_placement.total_migrations);
    return text;
}

void TopologyView::paintBox(QPainter& painter, const Box& box, int depth) const
{
    const TopologyNode& node = *box.node;
    painter.setPen(QPen(QColor(70, 70, 70), 1.5));
    painter.setBrush(fillFor(node.kind, node.cache_level));
    painter.drawRoundedRect(box.rect, 6, 6);
    if (node.kind != TopologyNode::Kind::Pu) {
        painter.setPen(Qt::black);
        painter.setFont(unitFont(text_px, true));
        painter.drawText(box.rect.adjusted(pad, 2, -pad, 0), Qt::AlignLeft | Qt::AlignTop,
                         QString::fromStdString(node_label(node)));
        for (const Box& child : box.children)
            paintBox(painter, child, depth + 1);
        return;
    }
    // A logical CPU: its load as a bar that fills from the bottom, then its number and workers.
    const auto index = static_cast<std::size_t>(node.index);
    const double load = index < m_loads.size() ? std::clamp(m_loads[index], 0.0, 100.0) : 0.0;
    const QRectF inner = box.rect.adjusted(3, 3, -3, -3);
    QRectF bar = inner;
    bar.setTop(inner.bottom() - inner.height() * load / 100.0);
    QColor busy = userTimeColor();
    busy.setAlpha(110);
    painter.setPen(Qt::NoPen);
    painter.setBrush(busy);
    painter.drawRoundedRect(bar, 4, 4);
    painter.setPen(Qt::black);
    const QStringList lines = cpuText(node.index).split(QLatin1Char('\n'));
    painter.setFont(unitFont(text_px + 2, true));
    painter.drawText(inner.adjusted(6, 4, -4, 0), Qt::AlignLeft | Qt::AlignTop, lines.front());
    painter.setFont(unitFont(text_px, false));
    painter.drawText(inner.adjusted(6, 32, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                     lines.mid(1).join(QLatin1Char('\n')));
}

void TopologyView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const double titleH = 34 * m_scale;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.setFont(titleFont(m_scale));
    if (!m_error.isEmpty()) {
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_error);
        return;
    }
    painter.drawText(QRectF(8, 4, width() - 16, titleH), Qt::AlignLeft | Qt::AlignVCenter, title());
    const QRectF area(8, titleH + 8, width() - 16, height() - titleH - 16);
    const QRectF& tree = m_layout.rect;
    if (tree.isEmpty() || area.isEmpty())
        return;
    // Fill the space, but never blow a small machine up past presentation size.
    const double fit = std::min(area.width() / tree.width(), area.height() / tree.height());
    const double zoom = std::min(fit, 2.2 * m_scale);
    painter.translate(area.left() + (area.width() - tree.width() * zoom) / 2, area.top());
    painter.scale(zoom, zoom);
    paintBox(painter, m_layout, 0);
}

} // namespace parlab::gui
