#pragma once

#include "views/plot_view.h"

#include "machine/cpu_sampler.h"

#include <deque>
#include <memory>

class QCPAxisRect;
class QCPBars;
class QCPGraph;
class QCPTextElement;
class QCustomPlot;
class QTimer;

namespace parlab::gui {

/// The load of every logical CPU, like htop: bars for now (green user, red system time) above
/// the last 60 s of busy time per CPU, with parlab's own share drawn thick. Samples all the time.
class CoreLoadView : public PlotView {
    Q_OBJECT
public:
    /// Samples this machine (/proc/stat).
    explicit CoreLoadView(QWidget* parent = nullptr);
    /// Samples `source` instead, e.g. fixed counters in a test.
    explicit CoreLoadView(std::unique_ptr<CpuTimesSource> source, QWidget* parent = nullptr);
    ~CoreLoadView() override;

    [[nodiscard]] QString exportName() const override { return QStringLiteral("core-load"); }

    /// Starts or stops the 200 ms sampling timer; the history is kept either way.
    void setSampling(bool on);
    /// Takes one sample from the source now and draws it.
    void sampleNow();
    /// Draws a sample taken elsewhere; samples older than 60 s before it leave the history.
    void addSample(const CpuSample& sample);

    [[nodiscard]] int cpuCount() const;
    /// The bar heights of `cpu` as drawn now, in percent.
    [[nodiscard]] double userPercent(int cpu) const;
    [[nodiscard]] double systemPercent(int cpu) const;
    /// Samples in the history and the time they span, in seconds.
    [[nodiscard]] int historySize() const { return static_cast<int>(m_history.size()); }
    [[nodiscard]] double historySpanSeconds() const;

    static constexpr double history_seconds = 60.0;
    static constexpr int sample_interval_ms = 200;

Q_SIGNALS:
    /// Each sample as it is drawn, for other views of the same load (the topology).
    void sampled(const parlab::CpuSample& sample);

protected:
    void restyle() override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void setCpuCount(int cpus);
    void drawHistory();

    std::unique_ptr<CpuSampler> m_sampler;
    QTimer* m_timer = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPAxisRect* m_nowRect = nullptr;
    QCPAxisRect* m_historyRect = nullptr;
    QCPBars* m_userBars = nullptr;
    QCPBars* m_systemBars = nullptr;
    QVector<QCPGraph*> m_cpuLines;
    QCPGraph* m_ownLine = nullptr;
    std::deque<CpuSample> m_history;
};

} // namespace parlab::gui
