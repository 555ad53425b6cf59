#pragma once

#include "views/plot_view.h"

#include "sweep/point.h"

#include <QString>

#include <cstddef>
#include <vector>

class QCPAxisRect;
class QCPTextElement;

namespace parlab::gui {

/// Measured speedup against workers: one series per backend and workload with its min–max
/// spread, the ideal line, each series' fitted Amdahl curve, efficiency in a panel below, and
/// markers at the machine's physical-core and logical-CPU counts.
class SpeedupView : public PlotView {
    Q_OBJECT
public:
    explicit SpeedupView(QWidget* parent = nullptr);

    [[nodiscard]] QString exportName() const override { return QStringLiteral("speedup"); }
    /// Draws every point of the session's runs, and each point as it is added.
    void setSession(const Session* session) override;

    /// Adds a measured point to its series ("threads · eigen"); a newer measurement at the same
    /// worker count replaces the older one. Redraws soon (at most ~30 times a second).
    void addPoint(const Point& point);
    void clear();
    /// The markers' positions; by default the machine's.
    void setMachine(std::size_t physicalCores, std::size_t logicalCpus);

    [[nodiscard]] std::size_t seriesCount() const { return m_series.size(); }
    /// The points of series `index`, ascending by workers.
    [[nodiscard]] const std::vector<Point>& seriesPoints(std::size_t index) const
    {
        return m_series[index].points;
    }
    [[nodiscard]] QString seriesName(std::size_t index) const { return m_series[index].name; }
    /// What a point's marker tooltip says when its number is not to be trusted (a busy machine,
    /// an impossible speedup); empty for a clean point.
    [[nodiscard]] static QString pointWarning(const Point& point);
    /// True when the legend stands outside the chart (under the efficiency panel) instead of inside
    /// it: it has more entries than fit over the chart without covering its curves.
    [[nodiscard]] bool legendOutsideChart() const;

Q_SIGNALS:
    /// draw() has put its plottables and items on the plot: overlays add theirs now.
    void drawn();

protected:
    void restyle() override;
    void draw() override;

private:
    struct Series {
        QString name;
        std::vector<Point> points;
    };

    void showRuns(const Session& session);
    void resetRanges();
    /// Puts the legend inside the chart (few entries) or under the charts (many).
    void placeLegend();

    QCPAxisRect* m_efficiencyRect = nullptr;
    QCPTextElement* m_title = nullptr;
    bool m_legendOutside = false; ///< the legend stands under the charts, not inside the speedup chart
    std::vector<Series> m_series;
    std::size_t m_physicalCores = 1;
    std::size_t m_logicalCpus = 1;
};

} // namespace parlab::gui
