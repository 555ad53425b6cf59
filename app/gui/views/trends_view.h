#pragma once

#include "views/plot_view.h"

#include <QString>
#include <QVector>

class QCPGraph;
class QCPItemRect;
class QCPItemStraightLine;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;

namespace parlab::gui {

/// Fifty years of microprocessor trends on a log axis, with this machine's clock and core count
/// drawn across them: clocks stopped climbing around 2005, core counts did not.
class TrendsView : public PlotView {
    Q_OBJECT
public:
    /// Loads the trend data compiled into the program and marks the machine it runs on.
    explicit TrendsView(QWidget* parent = nullptr);

    [[nodiscard]] QString exportName() const override { return QStringLiteral("trends"); }

    /// Draws the reference lines for a machine; `mhz` 0 means the clock is unknown.
    void setMachine(const QString& model, double mhz, int logicalCpus);

    [[nodiscard]] int seriesCount() const { return static_cast<int>(m_series.size()); }
    [[nodiscard]] QString seriesName(int series) const;
    /// How many data points series `series` shows.
    [[nodiscard]] int pointCount(int series) const;
    [[nodiscard]] QString machineFrequencyLabel() const;
    [[nodiscard]] QString machineCoresLabel() const;

protected:
    void restyle() override;

private:
    void loadSeries();
    void resetView();

    QCPTextElement* m_title = nullptr;
    QCPTextElement* m_attribution = nullptr;
    QVector<QCPGraph*> m_series;
    QCPItemRect* m_dennardShade = nullptr;
    QCPItemText* m_dennardLabel = nullptr;
    QCPItemStraightLine* m_frequencyLine = nullptr;
    QCPItemText* m_frequencyLabel = nullptr;
    QCPItemStraightLine* m_coresLine = nullptr;
    QCPItemText* m_coresLabel = nullptr;
};

} // namespace parlab::gui
