#include "views/coffee_bar_view.h"

#include "backend_traits.h"

#include "views/coffee_scene.h"

#include <QComboBox>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace parlab::gui {
namespace {

constexpr int slider_steps = 1000;
constexpr int frame_ms = 33; // ~30 frames a second

/// Keeps the whole 16:9 scene in sight at any window size.
class FitView : public QGraphicsView {
public:
    using QGraphicsView::QGraphicsView;

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QGraphicsView::resizeEvent(event);
        fitInView(sceneRect(), Qt::KeepAspectRatio);
    }
    void showEvent(QShowEvent* event) override
    {
        QGraphicsView::showEvent(event);
        fitInView(sceneRect(), Qt::KeepAspectRatio);
    }
};

} // namespace

CoffeeBarView::CoffeeBarView(QWidget* parent)
    : QWidget(parent), m_scene(new CoffeeScene(this)), m_view(new FitView(m_scene, this)),
      m_playButton(new QToolButton(this)), m_speedBox(new QComboBox(this)),
      m_slider(new QSlider(Qt::Horizontal, this)), m_timeLabel(new QLabel(this)), m_timer(new QTimer(this))
{
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setViewportUpdateMode(QGraphicsView::FullViewportUpdate); // everyone moves at once
    m_view->setFrameShape(QFrame::NoFrame);

    m_playButton->setText(tr("Play"));
    for (double speed : {0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 10.0})
        m_speedBox->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speedBox->setCurrentIndex(3);
    m_speedBox->setToolTip(tr("Replay speed: 1× is as fast as the run was"));
    m_slider->setRange(0, slider_steps);
    m_slider->setToolTip(tr("Drag to see the bar at any moment of the run"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_playButton);
    controls->addWidget(m_speedBox);
    controls->addWidget(m_slider, 1);
    m_timeLabel->setObjectName(QStringLiteral("replayTime"));
    controls->addWidget(m_timeLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(controls);

    connect(m_playButton, &QToolButton::clicked, this, [this] { m_playing ? pause() : play(); });
    connect(m_speedBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_speed = m_speedBox->itemData(index).toDouble(); });
    connect(m_slider, &QSlider::sliderMoved, this, [this](int value) {
        pause();
        setTime(duration() * value / slider_steps);
    });
    m_timer->setInterval(frame_ms);
    connect(m_timer, &QTimer::timeout, this, &CoffeeBarView::tick);
    m_scene->setBar(0, 1, 0, 1, workerWord(default_backend()));
    render();
}

CoffeeBarView::~CoffeeBarView() = default;

QString CoffeeBarView::workerWord(std::string_view backend)
{
    // The backend's own word for one worker ("thread", "process", "rank"); the serial baseline's
    // one worker, and a backend this build does not know, are baristas.
    const ExecutorTraits* traits = backend_traits(backend);
    if (!traits || is_baseline(backend))
        return tr("barista");
    return QString::fromUtf8(traits->worker_word.data(), static_cast<qsizetype>(traits->worker_word.size()));
}

void CoffeeBarView::setRun(const Run& run)
{
    pause();
    m_timer->stop();
    m_live = false;
    m_trace = run.trace;
    m_workers = std::max<std::size_t>(1, run.workers);
    m_word = workerWord(run.backend);
    rebuild(run.tasks);
    m_time = duration();
    render();
}

void CoffeeBarView::setSerialSeconds(double seconds)
{
    m_serialS = std::max(0.0, seconds);
    render();
}

void CoffeeBarView::startLive(std::size_t tasks, std::size_t workers, std::string_view backend)
{
    pause();
    m_live = true;
    m_trace = {};
    m_workers = std::max<std::size_t>(1, workers);
    m_word = workerWord(backend);
    m_liveOrigin = 0;
    rebuild(tasks);
    m_time = 0.0;
    render();
    m_timer->start();
}

void CoffeeBarView::addEvents(const std::vector<TraceEvent>& events)
{
    if (events.empty())
        return;
    m_trace.events.insert(m_trace.events.end(), events.begin(), events.end());
    for (const TraceEvent& event : events)
        if (m_liveOrigin == 0 || event.start_ns < m_liveOrigin)
            m_liveOrigin = event.start_ns;
    m_dirty = true; // drawn at the next frame, so a burst of events costs one frame
}

void CoffeeBarView::rebuild(std::size_t tasks)
{
    const std::vector<TaskSpan> spans = task_spans(m_trace);
    m_tasks = tasks;
    m_replay = std::make_unique<CoffeeReplay>(spans, tasks, m_workers);
    // A walk to the counter takes a fifth of a typical coffee: long enough to see, short
    // enough that nobody is still walking when the next student is due.
    std::vector<double> durations;
    durations.reserve(spans.size());
    for (const TaskSpan& span : spans)
        durations.push_back(static_cast<double>(span.end_ns - span.start_ns) * 1e-9);
    if (!durations.empty()) {
        std::nth_element(durations.begin(), durations.begin() + static_cast<long>(durations.size() / 2),
                         durations.end());
        m_walkS = 0.2 * durations[durations.size() / 2];
    }
    if (m_scene->studentCount() != static_cast<int>(m_replay->students()) ||
        m_scene->baristaCount() != static_cast<int>(m_replay->workers()))
        m_scene->setBar(m_replay->students(), m_replay->tasks_per_student(), m_replay->tasks(),
                        m_replay->workers(), m_word);
    applyMark();
    m_dirty = false;
}

void CoffeeBarView::markTask(std::uint32_t task)
{
    m_markedTask = task;
    applyMark();
    render();
}

void CoffeeBarView::applyMark()
{
    // With more tasks than students, a student stands for a group of consecutive tasks.
    const bool inRun = m_markedTask && m_replay && *m_markedTask < m_replay->tasks();
    m_scene->setMarkedStudent(inRun ? static_cast<int>(*m_markedTask / m_replay->tasks_per_student()) : -1);
}

double CoffeeBarView::duration() const
{
    return m_replay ? m_replay->duration_s() : 0.0;
}

double CoffeeBarView::serialSeconds() const
{
    if (m_serialS > 0)
        return m_serialS;
    double sum = 0.0;
    for (const TraceEvent& event : m_trace.events)
        sum += static_cast<double>(event.end_ns - event.start_ns) * 1e-9;
    return sum;
}

void CoffeeBarView::setTime(double seconds)
{
    m_time = std::clamp(seconds, 0.0, duration());
    render();
}

void CoffeeBarView::play()
{
    if (m_live || !m_replay)
        return;
    if (m_time >= duration())
        m_time = 0.0;
    m_playing = true;
    m_playButton->setText(tr("Pause"));
    m_clock.start();
    m_timer->start();
}

void CoffeeBarView::pause()
{
    m_playing = false;
    m_playButton->setText(tr("Play"));
    if (!m_live)
        m_timer->stop();
}

void CoffeeBarView::setSpeed(double speed)
{
    m_speed = std::max(speed, 1e-3);
    const int index = m_speedBox->findData(speed);
    if (index >= 0)
        m_speedBox->setCurrentIndex(index);
}

void CoffeeBarView::setScale(double scale)
{
    QFont f = font();
    f.setPointSizeF(12.0 * scale);
    setFont(f);
}

void CoffeeBarView::tick()
{
    if (m_live) {
        if (m_dirty)
            rebuild(m_tasks);
        m_time = m_liveOrigin == 0 ? 0.0 : static_cast<double>(steady_now_ns() - m_liveOrigin) * 1e-9;
        render();
        return;
    }
    if (!m_playing)
        return;
    m_time += m_speed * static_cast<double>(m_clock.restart()) * 1e-3;
    if (m_time >= duration()) {
        m_time = duration();
        pause();
    }
    render();
}

void CoffeeBarView::render()
{
    if (!m_replay)
        return;
    const bool finished = !m_live && m_time >= duration() && m_replay->tasks_ended_by(m_time) > 0;
    m_scene->showState(m_replay->at(m_time), m_walkS, serialSeconds(), finished);
    const double total = duration();
    if (!m_slider->isSliderDown())
        m_slider->setValue(total > 0 ? static_cast<int>(slider_steps * m_time / total) : 0);
    m_slider->setEnabled(!m_live);
    // Live, the trace so far ends at the last task reported, behind the clock: no total yet.
    m_timeLabel->setText(m_live ? tr("%1 s, live").arg(m_time, 0, 'f', 2)
                                : tr("%1 / %2 s").arg(m_time, 0, 'f', 2).arg(total, 0, 'f', 2));
}

} // namespace parlab::gui
