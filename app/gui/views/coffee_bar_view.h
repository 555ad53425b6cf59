#pragma once

#include "analysis/coffee_replay.h"
#include "executors/run.h"

#include <QElapsedTimer>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

class QComboBox;
class QGraphicsView;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace parlab::gui {

class CoffeeScene;

/// The coffee bar of a run: the scene, and under it play/pause, the replay speed and a slider to
/// scrub through the run. Live, it follows the events of the run in progress (at most ~30
/// frames a second); afterwards it replays the trace. What it shows at time t is
/// CoffeeReplay::at(t) of the trace: never a canned animation.
class CoffeeBarView : public QWidget {
    Q_OBJECT
public:
    explicit CoffeeBarView(QWidget* parent = nullptr);
    ~CoffeeBarView() override;

    /// The word for one worker of `backend`: thread, process, rank; "barista" when serial.
    static QString workerWord(std::string_view backend);

    /// Shows a finished run at its end: who was served by whom, in which order.
    void setRun(const Run& run);
    /// The time one worker needs for the whole run (the clock's dial); 0 estimates it as the
    /// sum of the trace's task times.
    void setSerialSeconds(double seconds);
    /// Starts following a run in progress of `tasks` tasks on `workers` workers.
    void startLive(std::size_t tasks, std::size_t workers, std::string_view backend);
    /// Events of the run in progress, in batches as they arrive.
    void addEvents(const std::vector<TraceEvent>& events);

    /// Replays from `seconds` after the run's first task started (clamped to the run).
    void setTime(double seconds);
    [[nodiscard]] double time() const { return m_time; }
    [[nodiscard]] double duration() const;
    void play();
    void pause();
    [[nodiscard]] bool isPlaying() const { return m_playing; }
    /// Replay speed: 1 is real time, 0.25 four times slower.
    void setSpeed(double speed);
    [[nodiscard]] bool isLive() const { return m_live; }
    /// Fonts of the controls at `scale` (the scene itself scales with the widget).
    void setScale(double scale);

    /// Rings the student standing for `task` (of the run shown), in this run and the next ones,
    /// until another task is marked; a task beyond the run's rings nobody.
    void markTask(std::uint32_t task);

    [[nodiscard]] CoffeeScene* scene() const { return m_scene; }

private:
    void rebuild(std::size_t tasks);
    void applyMark();
    void render();
    void tick();
    [[nodiscard]] double serialSeconds() const;

    CoffeeScene* m_scene = nullptr;
    QGraphicsView* m_view = nullptr;
    QToolButton* m_playButton = nullptr;
    QComboBox* m_speedBox = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_timeLabel = nullptr;
    QTimer* m_timer = nullptr;
    QElapsedTimer m_clock;

    Trace m_trace;
    std::unique_ptr<CoffeeReplay> m_replay;
    std::size_t m_tasks = 0;
    std::size_t m_workers = 1;
    QString m_word;
    double m_serialS = 0.0;
    double m_walkS = 0.0;
    double m_time = 0.0;
    double m_speed = 1.0;
    bool m_playing = false;
    bool m_live = false;
    bool m_dirty = false;
    std::int64_t m_liveOrigin = 0;
    std::optional<std::uint32_t> m_markedTask;
};

} // namespace parlab::gui
