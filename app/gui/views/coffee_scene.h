#pragma once

#include "analysis/coffee_replay.h"

#include <QGraphicsScene>
#include <QString>

#include <vector>

class QGraphicsEllipseItem;
class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace parlab::gui {

class StudentItem;

/// The coffee bar drawn in a fixed 1280 × 720 scene (the view scales it): the queue of students
/// on the left, W baristas behind a counter, the served students with their cups on the right in
/// the order they left, and a clock whose dial is the serial time. It only draws a CoffeeState;
/// what time to show is the caller's.
class CoffeeScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit CoffeeScene(QObject* parent = nullptr);

    /// Rebuilds the figures: `students` students (each may stand for a group of tasks), `workers`
    /// baristas labelled with `workerWord` ("thread", "process", "rank").
    void setBar(std::size_t students, std::size_t tasksPerStudent, std::size_t tasks, std::size_t workers,
                const QString& workerWord);
    /// Places everyone as `state` says. `walkS` is how long a walk to or from the counter takes
    /// in run seconds; `serialS` the time one barista would need (the clock's full dial).
    void showState(const CoffeeState& state, double walkS, double serialS, bool finished);

    [[nodiscard]] int studentCount() const { return static_cast<int>(m_students.size()); }
    [[nodiscard]] int baristaCount() const { return static_cast<int>(m_baristas.size()); }
    /// Tasks served in the state shown.
    [[nodiscard]] std::size_t servedCount() const { return m_served; }
    /// Students shown at the counter.
    [[nodiscard]] int atCounterCount() const { return m_atCounter; }
    /// Rings one student (a task clicked elsewhere); -1 or a student out of range rings none.
    /// setBar() clears it.
    void setMarkedStudent(int student);
    [[nodiscard]] int markedStudent() const { return m_marked; }
    /// The number written on `student` (its first task, counted from 1); empty out of range.
    [[nodiscard]] QString studentLabel(int student) const;
    /// Whether `student` is drawn ringed.
    [[nodiscard]] bool isMarked(int student) const;
    /// Where a student stands now, in scene coordinates (for tests).
    [[nodiscard]] QPointF studentPos(int student) const;

private:
    QPointF queueSlot(std::size_t rank) const;
    QPointF counterSpot(int worker) const;
    QPointF servedSlot(std::size_t rank) const;
    void updateClock(double elapsedS, double serialS, bool finished);

    std::vector<StudentItem*> m_students;
    std::vector<QGraphicsItem*> m_baristas;
    QGraphicsSimpleTextItem* m_title = nullptr;
    QGraphicsSimpleTextItem* m_status = nullptr;
    QGraphicsSimpleTextItem* m_clockText = nullptr;
    QGraphicsSimpleTextItem* m_servedCaption = nullptr;
    QGraphicsPathItem* m_clockHand = nullptr;
    QGraphicsPathItem* m_clockPie = nullptr;
    std::size_t m_tasks = 0;
    std::size_t m_group = 1;
    std::size_t m_served = 0;
    int m_atCounter = 0;
    int m_marked = -1;
    double m_queueCell = 40.0;
    double m_servedCell = 40.0;
    int m_queueRows = 1;
    int m_servedCols = 1;
    double m_baristaPitch = 100.0;
};

} // namespace parlab::gui
