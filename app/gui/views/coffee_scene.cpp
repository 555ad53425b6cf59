#include "views/coffee_scene.h"

#include "plot_style.h"

#include <QFont>
#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace parlab::gui {
namespace {

constexpr double scene_w = 1280, scene_h = 720;
constexpr double top = 178, bottom = 705;            // the floor, under the title band
constexpr double queue_left = 20, queue_right = 370; // students waiting
constexpr double counter_x = 520;                    // the counter's front edge
constexpr double served_left = 840, served_right = 1265;

QFont pixelFont(double pixels, bool bold = false)
{
    QFont f;
    f.setPixelSize(static_cast<int>(pixels));
    f.setBold(bold);
    return f;
}

QColor studentColor(std::size_t index)
{
    // Golden-angle hues: neighbours in the queue never look alike.
    return QColor::fromHsv(static_cast<int>(std::fmod(index * 137.508, 360.0)), 110, 225);
}

QPointF lerp(QPointF a, QPointF b, double f)
{
    f = std::clamp(f, 0.0, 1.0);
    f = f * f * (3 - 2 * f); // ease in and out: a walk, not a slide
    return a + (b - a) * f;
}

} // namespace

/// A student: a head and shoulders, holding a cup once served, with their number when large.
class StudentItem : public QGraphicsItem {
public:
    StudentItem(QColor color, QString label) : m_color(color), m_label(std::move(label)) {}
    QRectF boundingRect() const override
    {
        const QRectF body(-m_size / 2 - 2, -m_size / 2 - 2, m_size * 1.3 + 4, m_size + 4);
        if (!m_marked)
            return body;
        const double r = ringRadius() + ringWidth();
        return body.united(QRectF(-r, -r, 2 * r, 2 * r));
    }
    void setMarked(bool marked)
    {
        if (marked == m_marked)
            return;
        prepareGeometryChange();
        m_marked = marked;
    }
    [[nodiscard]] bool isMarked() const { return m_marked; }
    [[nodiscard]] const QString& label() const { return m_label; }
    void setSize(double size)
    {
        if (size == m_size)
            return;
        prepareGeometryChange();
        m_size = size;
    }
    void setCup(bool cup)
    {
        if (cup != m_cup) {
            m_cup = cup;
            update();
        }
    }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override
    {
        paintStudent(painter);
        if (m_marked) {
            // A ring larger than a student in a crowd, so one task clicked in the timeline can be
            // found among a thousand.
            painter->setRenderHint(QPainter::Antialiasing);
            painter->setPen(QPen(QColor(214, 39, 40), ringWidth()));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 0), ringRadius(), ringRadius());
        }
    }

private:
    double ringRadius() const { return std::max(0.75 * m_size, 14.0); }
    double ringWidth() const { return std::max(3.0, 0.1 * m_size); }
    void paintStudent(QPainter* painter) const
    {
        const double s = m_size;
        if (s < 18) {
            // In a crowd a student is a few pixels: two plain shapes, no antialiasing, no outline.
            painter->setRenderHint(QPainter::Antialiasing, false);
            painter->fillRect(QRectF(-0.42 * s, -0.05 * s, 0.84 * s, 0.52 * s), m_color);
            painter->fillRect(QRectF(-0.2 * s, -0.45 * s, 0.4 * s, 0.38 * s), QColor(245, 215, 185));
            if (m_cup)
                painter->fillRect(QRectF(0.3 * s, -0.05 * s, 0.26 * s, 0.3 * s), QColor(120, 70, 30));
            return;
        }
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(s > 10 ? QPen(QColor(60, 60, 60), 1.2) : Qt::NoPen);
        painter->setBrush(m_color);
        painter->drawRoundedRect(QRectF(-0.42 * s, -0.05 * s, 0.84 * s, 0.52 * s), 0.2 * s, 0.2 * s);
        painter->setBrush(QColor(245, 215, 185));
        painter->drawEllipse(QPointF(0, -0.25 * s), 0.22 * s, 0.22 * s);
        if (m_cup) {
            painter->setBrush(QColor(120, 70, 30));
            painter->drawRect(QRectF(0.3 * s, -0.05 * s, 0.26 * s, 0.3 * s));
            painter->setBrush(Qt::white);
            painter->drawRect(QRectF(0.3 * s, -0.1 * s, 0.26 * s, 0.07 * s));
        }
        if (s >= 34 && !m_label.isEmpty()) {
            painter->setPen(Qt::black);
            painter->setFont(pixelFont(std::min(0.34 * s, 22.0), true));
            painter->drawText(QRectF(-0.42 * s, -0.05 * s, 0.84 * s, 0.52 * s), Qt::AlignCenter, m_label);
        }
    }

    QColor m_color;
    QString m_label;
    double m_size = 40;
    bool m_cup = false;
    bool m_marked = false;
};

CoffeeScene::CoffeeScene(QObject* parent) : QGraphicsScene(parent)
{
    setSceneRect(0, 0, scene_w, scene_h);
    setItemIndexMethod(QGraphicsScene::NoIndex); // every student moves every frame
    setBackgroundBrush(QColor(252, 249, 243));
}

void CoffeeScene::setBar(std::size_t students, std::size_t tasksPerStudent, std::size_t tasks,
                         std::size_t workers, const QString& workerWord)
{
    clear();
    m_students.clear();
    m_baristas.clear();
    m_marked = -1;
    m_tasks = tasks;
    m_group = std::max<std::size_t>(1, tasksPerStudent);
    m_served = 0;
    workers = std::max<std::size_t>(1, workers);

    const QString who =
        m_group == 1 ? tr("%1 students").arg(tasks) : tr("%1 tasks, %2 per student").arg(tasks).arg(m_group);
    m_title = addSimpleText(tr("Coffee bar: %1, %2 barista%3 (%4s)")
                                .arg(who)
                                .arg(workers)
                                .arg(workers == 1 ? "" : "s")
                                .arg(workerWord),
                            pixelFont(34, true));
    // Never under the clock: a long title gets a smaller font.
    for (int px = 32; px >= 20 && m_title->boundingRect().width() > 1100 - 20; px -= 2)
        m_title->setFont(pixelFont(px, true));
    m_title->setPos(20, 14);
    m_status = addSimpleText(QString(), pixelFont(30));
    m_status->setPos(20, 58);
    auto* queueCaption = addSimpleText(tr("queue"), pixelFont(26, true));
    queueCaption->setPos(queue_left, top - 38);
    queueCaption->setBrush(QColor(90, 90, 90));
    m_servedCaption = addSimpleText(tr("served"), pixelFont(26, true));
    m_servedCaption->setPos(served_left, top - 38);
    m_servedCaption->setBrush(QColor(90, 90, 90));

    // The counter, then one barista behind it per worker.
    addRect(QRectF(counter_x, top, 36, bottom - top), QPen(QColor(90, 55, 25), 2), QColor(160, 110, 60));
    m_baristaPitch = std::min(140.0, (bottom - top) / static_cast<double>(workers));
    const double size = std::clamp(0.7 * m_baristaPitch, 6.0, 70.0);
    const double labelPx = std::clamp(0.3 * m_baristaPitch, 9.0, 26.0);
    for (std::size_t w = 0; w < workers; ++w) {
        const double y = top + (static_cast<double>(w) + 0.5) * m_baristaPitch;
        const QColor apron = seriesColor(static_cast<int>(w));
        QPainterPath body;
        body.addRoundedRect(QRectF(-0.4 * size, -0.05 * size, 0.8 * size, 0.55 * size), 0.2 * size,
                            0.2 * size);
        auto* figure = addPath(body, QPen(QColor(50, 50, 50), size > 12 ? 1.5 : 0), apron);
        figure->setPos(counter_x + 36 + 0.55 * size, y);
        auto* head = addEllipse(QRectF(-0.22 * size, -0.47 * size, 0.44 * size, 0.44 * size),
                                QPen(QColor(50, 50, 50), size > 12 ? 1.5 : 0), QColor(235, 200, 165));
        head->setParentItem(figure);
        // A coffee machine beside each barista: theirs alone, as a core is a worker's.
        auto* machine = addRect(QRectF(0.55 * size, -0.45 * size, 0.35 * size, 0.85 * size),
                                QPen(QColor(40, 40, 40), 1), QColor(110, 110, 120));
        machine->setParentItem(figure);
        if (labelPx >= 9.0) {
            auto* label =
                addSimpleText(QStringLiteral("%1 %2").arg(workerWord).arg(w), pixelFont(labelPx, true));
            label->setBrush(w % 8 == 7 ? apron.darker(250) : apron.darker(150)); // yellow needs more
            label->setPos(counter_x + 36 + 1.6 * size, y - labelPx * 0.65);
        }
        m_baristas.push_back(figure);
    }

    // Cells of the queue and the served area: as large as lets every student fit.
    const auto fit = [](double width, double height, std::size_t n, int& rows) {
        double cell =
            std::min(70.0, std::sqrt(width * height / static_cast<double>(std::max<std::size_t>(1, n))));
        while (cell > 2 && std::floor(width / cell) * std::floor(height / cell) < static_cast<double>(n))
            cell *= 0.95;
        rows = std::max(1, static_cast<int>(std::floor(height / cell)));
        return cell;
    };
    m_queueCell = fit(queue_right - queue_left, bottom - top, students, m_queueRows);
    int servedRows = 1;
    m_servedCell = fit(served_right - served_left, bottom - top, students, servedRows);
    m_servedCols = std::max(1, static_cast<int>(std::floor((served_right - served_left) / m_servedCell)));

    m_students.reserve(students);
    for (std::size_t s = 0; s < students; ++s) {
        const QString label = m_group == 1 ? QString::number(s + 1) : QString::number(s * m_group + 1);
        auto* item = new StudentItem(studentColor(s), label);
        item->setSize(0.9 * m_queueCell);
        item->setPos(queueSlot(s));
        addItem(item);
        m_students.push_back(item);
    }

    // The clock: a dial for the serial time, a pie for the time elapsed so far.
    const QPointF centre(1205, 72);
    const double radius = 62;
    addEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
               QPen(QColor(60, 60, 60), 3), Qt::white);
    m_clockPie = addPath(QPainterPath(), Qt::NoPen, QColor(0, 114, 178, 120));
    m_clockHand = addPath(QPainterPath(), QPen(QColor(30, 30, 30), 4, Qt::SolidLine, Qt::RoundCap));
    m_clockText = addSimpleText(QString(), pixelFont(28, true));
    updateClock(0.0, 0.0, false);
}

void CoffeeScene::setMarkedStudent(int student)
{
    if (student < 0 || static_cast<std::size_t>(student) >= m_students.size())
        student = -1;
    if (m_marked >= 0 && static_cast<std::size_t>(m_marked) < m_students.size())
        m_students[static_cast<std::size_t>(m_marked)]->setMarked(false);
    m_marked = student;
    if (m_marked >= 0) {
        m_students[static_cast<std::size_t>(m_marked)]->setMarked(true);
        m_students[static_cast<std::size_t>(m_marked)]->setZValue(10);
    }
}

bool CoffeeScene::isMarked(int student) const
{
    return student >= 0 && static_cast<std::size_t>(student) < m_students.size() &&
           m_students[static_cast<std::size_t>(student)]->isMarked();
}

QString CoffeeScene::studentLabel(int student) const
{
    return student >= 0 && static_cast<std::size_t>(student) < m_students.size()
               ? m_students[static_cast<std::size_t>(student)]->label()
               : QString();
}

QPointF CoffeeScene::queueSlot(std::size_t rank) const
{
    // The head of the queue stands nearest the counter; the queue fills columns right to left.
    const auto col = static_cast<double>(rank / static_cast<std::size_t>(m_queueRows));
    const auto row = static_cast<double>(rank % static_cast<std::size_t>(m_queueRows));
    return {queue_right - (col + 0.5) * m_queueCell, top + (row + 0.5) * m_queueCell};
}

QPointF CoffeeScene::counterSpot(int worker) const
{
    const double size = std::clamp(0.7 * m_baristaPitch, 6.0, 70.0);
    return {counter_x - 0.75 * size, top + (worker + 0.5) * m_baristaPitch};
}

QPointF CoffeeScene::servedSlot(std::size_t rank) const
{
    const auto col = static_cast<double>(rank % static_cast<std::size_t>(m_servedCols));
    const auto row = static_cast<double>(rank / static_cast<std::size_t>(m_servedCols));
    return {served_left + (col + 0.5) * m_servedCell, top + (row + 0.5) * m_servedCell};
}

QPointF CoffeeScene::studentPos(int student) const
{
    return m_students.at(static_cast<std::size_t>(student))->pos();
}

void CoffeeScene::showState(const CoffeeState& state, double walkS, double serialS, bool finished)
{
    m_served = state.tasks_ended;
    m_atCounter = 0;
    const std::size_t n = std::min(m_students.size(), state.place.size());
    std::vector<std::size_t> servedRank(n, 0);
    for (std::size_t rank = 0; rank < state.served_order.size(); ++rank)
        if (state.served_order[rank] < n)
            servedRank[state.served_order[rank]] = rank;
    const double queueSize = 0.9 * m_queueCell;
    const double counterSize = std::clamp(0.75 * m_baristaPitch, 6.0, 64.0);
    const double servedSize = 0.9 * m_servedCell;
    const double walk = std::max(walkS, 1e-9);
    std::size_t waiting = 0;
    for (std::size_t s = 0; s < n; ++s) {
        StudentItem* item = m_students[s];
        const double since = state.time_s - state.since_s[s];
        switch (state.place[s]) {
        case StudentPlace::Queue:
            item->setSize(queueSize);
            item->setPos(queueSlot(waiting++));
            item->setCup(false);
            item->setZValue(0);
            break;
        case StudentPlace::AtBarista: {
            const QPointF spot = counterSpot(state.worker[s]);
            item->setSize(counterSize);
            item->setPos(lerp(QPointF(queue_right, spot.y()), spot, since / walk));
            item->setCup(false);
            item->setZValue(2);
            ++m_atCounter;
            break;
        }
        case StudentPlace::Left: {
            const QPointF from =
                state.worker[s] >= 0 ? counterSpot(state.worker[s]) : QPointF(counter_x, top);
            const double f = finished ? 1.0 : since / walk;
            item->setSize(f >= 1 ? servedSize
                                 : counterSize + (servedSize - counterSize) * std::clamp(f, 0.0, 1.0));
            item->setPos(lerp(from, servedSlot(servedRank[s]), f));
            item->setCup(true);
            item->setZValue(f >= 1 ? 1 : 3);
            break;
        }
        }
    }
    if (m_marked >= 0 && static_cast<std::size_t>(m_marked) < m_students.size())
        m_students[static_cast<std::size_t>(m_marked)]->setZValue(10); // above the crowd around it
    const std::size_t total = std::max(m_tasks, state.tasks_ended);
    m_status->setText(tr("served %1 of %2   ·   at the counter %3   ·   waiting %4")
                          .arg(state.tasks_ended)
                          .arg(total)
                          .arg(m_atCounter)
                          .arg(waiting));
    m_servedCaption->setText(finished ? tr("served, in the order they left →") : tr("served"));
    // Over the served students, but never past the scene's right edge (the view would cut it).
    m_servedCaption->setX(std::min(served_left, served_right - m_servedCaption->boundingRect().width()));
    updateClock(state.time_s, serialS, finished);
}

void CoffeeScene::updateClock(double elapsedS, double serialS, bool finished)
{
    const QPointF centre(1205, 72);
    const double radius = 62;
    const double fraction = serialS > 0 ? elapsedS / serialS : 0.0;
    QPainterPath pie;
    if (fraction > 0) {
        pie.moveTo(centre);
        pie.arcTo(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), 90,
                  -360.0 * std::min(fraction, 1.0));
        pie.closeSubpath();
    }
    m_clockPie->setPath(pie);
    const double angle = 2 * std::numbers::pi * std::fmod(std::max(fraction, 0.0), 1.0);
    QPainterPath hand;
    hand.moveTo(centre);
    hand.lineTo(centre + QPointF(std::sin(angle), -std::cos(angle)) * radius * 0.9);
    m_clockHand->setPath(hand);
    const auto seconds = [](double s) { return QString::number(s, 'f', s < 10 ? 2 : 1); };
    QString text = tr("%1 s").arg(seconds(elapsedS));
    if (serialS > 0)
        text += tr(" of %1 s with 1 barista").arg(seconds(serialS));
    if (finished && serialS > 0 && elapsedS > 0)
        text += tr("  →  %1× faster").arg(QString::number(serialS / elapsedS, 'f', 1));
    m_clockText->setText(text);
    m_clockText->setPos(centre.x() - radius - 16 - m_clockText->boundingRect().width(), 100);
}

} // namespace parlab::gui
