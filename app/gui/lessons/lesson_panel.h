#pragma once

#include "run_request.h"

#include "lessons/lesson_library.h"
#include "lessons/lesson_runner.h"

#include <QString>
#include <QWidget>

#include <deque>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace parlab::gui {

/// One lesson in front of the class: its title and question in large type, how long it takes,
/// the class's prediction, Start; after the run, the explanation beside the prediction and the
/// measurement. It asks for its sweeps one at a time (runRequested) and is told how each ended.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    /// Loads every lesson of `folder`; the problems of refused files are shown and returned.
    QStringList loadFolder(const QString& folder);
    [[nodiscard]] const LessonLibrary& library() const { return m_library; }
    /// Shows lesson `name` (or `NN-name`); false when the library has none so named.
    bool openLesson(const QString& name);
    [[nodiscard]] const Lesson* lesson() const { return m_lesson ? &*m_lesson : nullptr; }
    /// Runs each run at its `reduced` size (preparing the class, tests).
    void setReduced(bool reduced) { m_reduced = reduced; }
    /// Text scale: 1 on a desk, larger in presentation mode.
    void setScale(double scale);

    /// Starts the lesson's sweeps (or, for a trends lesson, reveals at once).
    void start();
    [[nodiscard]] bool isRunning() const { return !m_queue.empty() || m_waiting; }
    [[nodiscard]] QString resultText() const;
    [[nodiscard]] QString explanationText() const;
    [[nodiscard]] bool revealed() const;

    // Told by the window how the sweep it asked for went.
    void sweepFinished(const SweepResult& result);
    void sweepStopped(const QString& why);
    void controllerIdle();

Q_SIGNALS:
    void runRequested(const parlab::gui::RunRequest& request);
    /// A new lesson starts: the plots should forget the previous runs.
    void clearRequested();
    /// The lesson shows trend series: the Dennard tab should come forward.
    void trendsRequested();
    void lessonRevealed();

private:
    struct Pending {
        std::size_t run = 0;
        std::string backend;
        RunRequest request;
    };

    void showLesson();
    void reveal();
    void stopWith(const QString& why);
    [[nodiscard]] QString predictionText() const;
    [[nodiscard]] QString quantityText(double value) const;

    LessonLibrary m_library;
    std::optional<Lesson> m_lesson;
    LessonOutcome m_outcome;
    std::deque<Pending> m_queue;
    std::optional<Pending> m_current;
    bool m_waiting = false;
    bool m_reduced = false;
    double m_scale = 1.0;

    QComboBox* m_list;
    QLabel* m_problems;
    QLabel* m_title;
    QLabel* m_question;
    QLabel* m_duration;
    QLabel* m_ask;
    QStackedWidget* m_answer;
    QDoubleSpinBox* m_number;
    QComboBox* m_choices;
    QPushButton* m_start;
    QLabel* m_result;
    QLabel* m_explanation;
};

} // namespace parlab::gui
