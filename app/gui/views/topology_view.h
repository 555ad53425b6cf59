#pragma once

#include "analysis/cpu_placement.h"
#include "executors/run.h"
#include "machine/topology.h"

#include <QRectF>
#include <QString>
#include <QWidget>

#include <map>
#include <vector>

namespace parlab::gui {

/// The machine as hwloc sees it, drawn as nested boxes: packages, NUMA nodes, caches, cores
/// and their hardware threads. Each logical CPU shows its load and the workers of the last run
/// that ran on it; the title counts how often workers moved between CPUs.
class TopologyView : public QWidget {
    Q_OBJECT
public:
    /// Reads this machine's topology; shows the error instead when hwloc cannot.
    explicit TopologyView(QWidget* parent = nullptr);

    void setTopology(TopologyNode root);
    /// Per logical CPU (by OS index), busy percent 0..100, as the CPU sampler gives it.
    void setLoads(const std::vector<double>& percent);
    /// Which workers of `run` ran where (from the CPU recorded per task), and their migrations.
    void setRun(const Run& run);
    /// Scales fonts: 1 on a desk, about 1.6 in presentation mode.
    void setScale(double scale);

    /// Logical CPUs drawn.
    [[nodiscard]] int cpuCount() const { return static_cast<int>(m_cpuRects.size()); }
    [[nodiscard]] std::size_t migrations() const { return m_placement.total_migrations; }
    /// The text drawn in the box of logical CPU `cpu` (for tests and tooltips).
    [[nodiscard]] QString cpuText(int cpu) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Box {
        const TopologyNode* node = nullptr;
        QRectF rect;
        std::vector<Box> children;
    };
    Box measure(const TopologyNode& node) const;
    void place(Box& box, QPointF at) const;
    void paintBox(QPainter& painter, const Box& box, int depth) const;
    void relayout();
    [[nodiscard]] QString title() const;

    TopologyNode m_root;
    QString m_error;
    Box m_layout;
    std::map<int, QRectF> m_cpuRects;
    std::vector<double> m_loads;
    CpuPlacement m_placement;
    QString m_workerWord;
    double m_scale = 1.0;
};

} // namespace parlab::gui
