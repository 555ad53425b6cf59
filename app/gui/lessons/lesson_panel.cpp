#include "lessons/lesson_panel.h"

#include "lessons/lesson_duration.h"
#include "trends/trend_csv.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace parlab::gui {

namespace {

TrendSeries read_shipped_trend(const std::string& name)
{
    QFile file(QStringLiteral(":/trends/%1.csv").arg(QString::fromStdString(name)));
    if (!file.open(QIODevice::ReadOnly))
        throw std::invalid_argument("parlab ships no trend named '" + name + "'");
    const QByteArray bytes = file.readAll();
    return parse_trend_csv(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), name);
}

QLabel* wrapped_label(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_list(new QComboBox(this)),
      m_problems(wrapped_label(this, QStringLiteral("problems"))),
      m_title(wrapped_label(this, QStringLiteral("title"))),
      m_question(wrapped_label(this, QStringLiteral("question"))),
      m_duration(wrapped_label(this, QStringLiteral("duration"))),
      m_ask(wrapped_label(this, QStringLiteral("ask"))), m_answer(new QStackedWidget(this)),
      m_number(new QDoubleSpinBox(this)), m_choices(new QComboBox(this)),
      m_start(new QPushButton(tr("Run the lesson"), this)),
      m_result(wrapped_label(this, QStringLiteral("result"))),
      m_explanation(wrapped_label(this, QStringLiteral("explanation")))
{
    m_list->setObjectName(QStringLiteral("lessons"));
    m_problems->setStyleSheet(QStringLiteral("color: #D55E00;"));
    m_problems->hide();
    m_number->setRange(0.0, 1000000.0);
    m_number->setDecimals(2);
    m_number->setObjectName(QStringLiteral("prediction"));
    m_choices->setObjectName(QStringLiteral("prediction_choice"));
    m_answer->addWidget(m_number);
    m_answer->addWidget(m_choices);
    m_start->setObjectName(QStringLiteral("start_lesson"));
    m_result->hide();
    m_explanation->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    auto* predict = new QHBoxLayout;
    predict->addWidget(m_answer, 1);
    predict->addWidget(m_start);
    m_result->setFrameShape(QFrame::StyledPanel);
    m_result->setMargin(6);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problems);
    layout->addWidget(m_title);
    layout->addWidget(m_question);
    layout->addWidget(m_duration);
    layout->addWidget(m_ask);
    layout->addLayout(predict);
    layout->addWidget(m_result);
    layout->addWidget(m_explanation);
    layout->addStretch(1);

    connect(m_list, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < static_cast<int>(m_library.lessons.size()) && !isRunning()) {
            m_lesson = m_library.lessons[static_cast<std::size_t>(index)];
            showLesson();
        }
    });
    connect(m_start, &QPushButton::clicked, this, &LessonPanel::start);
    setScale(1.0);
}

QStringList LessonPanel::loadFolder(const QString& folder)
{
    QStringList problems;
    try {
        m_library = load_lessons(folder.toStdString());
    } catch (const std::invalid_argument& error) {
        problems << QString::fromStdString(error.what());
        m_library = {};
    }
    for (const LessonProblem& problem : m_library.problems)
        problems << QString::fromStdString(problem.text());
    m_problems->setText(problems.isEmpty() ? QString()
                                           : tr("Skipped: %1").arg(problems.join(QStringLiteral("\n"))));
    m_problems->setVisible(!problems.isEmpty());
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Lesson& lesson : m_library.lessons)
        m_list->addItem(QString::fromStdString(lesson.title), QString::fromStdString(lesson.name));
    m_lesson.reset();
    if (!m_library.lessons.empty()) {
        m_list->setCurrentIndex(0);
        m_lesson = m_library.lessons.front();
    }
    showLesson();
    return problems;
}

bool LessonPanel::openLesson(const QString& name)
{
    const Lesson* found = m_library.find(name.toStdString());
    if (!found || isRunning())
        return false;
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentIndex(static_cast<int>(found - m_library.lessons.data()));
    m_lesson = *found;
    showLesson();
    return true;
}

void LessonPanel::showLesson()
{
    m_result->hide();
    m_explanation->hide();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_list, m_ask, m_answer, m_duration, m_start})
        widget->show();
    m_outcome = {};
    const bool has = m_lesson.has_value();
    m_start->setEnabled(has);
    if (!has) {
        m_title->setText(tr("No lessons in this folder."));
        m_question->clear();
        m_duration->clear();
        m_ask->clear();
        return;
    }
    const Lesson& lesson = *m_lesson;
    m_title->setText(QString::fromStdString(lesson.title));
    m_question->setText(QString::fromStdString(lesson.question));
    m_duration->setText(QString::fromStdString(lesson_duration_text(lesson.expected_seconds)));
    m_ask->setText(QString::fromStdString(lesson.prediction.ask));
    m_choices->clear();
    for (const LessonChoice& choice : lesson.prediction.choices)
        m_choices->addItem(QString::fromStdString(choice.text));
    m_answer->setCurrentWidget(lesson.prediction.kind == "choice" ? static_cast<QWidget*>(m_choices)
                                                                  : m_number);
    m_number->setSuffix(lesson.prediction.unit.empty()
                            ? QString()
                            : QStringLiteral(" ") + QString::fromStdString(lesson.prediction.unit));
    m_number->setValue(0.0);
}

void LessonPanel::setScale(double scale)
{
    m_scale = scale;
    QFont base = font();
    const auto sized = [&](double points, bool bold) {
        QFont f = base;
        f.setPointSizeF(points * scale);
        f.setBold(bold);
        return f;
    };
    m_title->setFont(sized(15, true));
    m_question->setFont(sized(12.5, false));
    m_duration->setFont(sized(10, false));
    for (QWidget* widget : std::initializer_list<QWidget*>{m_ask, m_number, m_choices, m_start})
        widget->setFont(sized(12, widget == m_ask));
    m_result->setFont(sized(12.5, true));
    m_explanation->setFont(sized(11, false));
}

void LessonPanel::start()
{
    if (!m_lesson || isRunning())
        return;
    m_outcome = {};
    m_result->hide();
    m_explanation->hide();
    Q_EMIT clearRequested();
    const Lesson& lesson = *m_lesson;
    try {
        for (const std::string& name : lesson.trends)
            m_outcome.trends.push_back(read_shipped_trend(name));
        for (std::size_t index = 0; index < lesson.runs.size(); ++index) {
            for (const std::string& backend : lesson.runs[index].backends)
                m_queue.push_back(
                    {index, backend, {lesson_request(lesson.runs[index], backend, m_reduced), true}});
        }
    } catch (const std::invalid_argument& error) {
        m_queue.clear();
        stopWith(QString::fromStdString(error.what()));
        return;
    }
    if (!lesson.trends.empty())
        Q_EMIT trendsRequested();
    m_start->setEnabled(false);
    controllerIdle();
}

void LessonPanel::sweepFinished(const SweepResult& result)
{
    if (!m_current)
        return;
    LessonSweep sweep;
    sweep.run = m_current->run;
    sweep.label = m_lesson->runs[m_current->run].label;
    sweep.backend = m_current->backend;
    sweep.gil = m_current->request.sweep.gil;
    sweep.request = m_current->request.sweep;
    sweep.result = result;
    m_outcome.sweeps.push_back(std::move(sweep));
    m_current.reset();
}

void LessonPanel::sweepStopped(const QString& why)
{
    if (m_current) // a run of the window's own failing is not the lesson's business
        stopWith(why);
}

void LessonPanel::stopWith(const QString& why)
{
    m_queue.clear();
    m_current.reset();
    m_waiting = false;
    m_start->setEnabled(m_lesson.has_value());
    m_result->setText(tr("The lesson stopped: %1").arg(why));
    m_result->show();
}

void LessonPanel::controllerIdle()
{
    if (!m_lesson || m_current)
        return; // a run of the window's own, or the one in progress
    if (!m_queue.empty()) {
        m_current = m_queue.front();
        m_queue.pop_front();
        m_waiting = true;
        Q_EMIT runRequested(m_current->request);
        return;
    }
    if (m_waiting || (m_lesson->runs.empty() && !m_outcome.trends.empty()))
        reveal();
}

void LessonPanel::reveal()
{
    m_waiting = false;
    m_start->setEnabled(true);
    try {
        measure_outcome(m_lesson->prediction, m_outcome);
    } catch (const std::invalid_argument& error) {
        stopWith(QString::fromStdString(error.what()));
        return;
    }
    const QString answer =
        m_outcome.choice ? QString::fromStdString(*m_outcome.choice) : quantityText(m_outcome.measured);
    m_result->setText(tr("You predicted: %1\nMeasured: %2")
                          .arg(predictionText(), m_outcome.choice ? quantityText(m_outcome.measured) +
                                                                        QStringLiteral(" → ") + answer
                                                                  : answer));
    // The class's answer is in the box now: room for the explanation.
    for (QWidget* widget : std::initializer_list<QWidget*>{m_list, m_ask, m_answer, m_duration, m_start})
        widget->hide();
    m_explanation->setText(QString::fromStdString(m_lesson->explanation));
    m_result->show();
    m_explanation->show();
    Q_EMIT lessonRevealed();
}

QString LessonPanel::predictionText() const
{
    if (m_lesson && m_lesson->prediction.kind == "choice")
        return m_choices->currentText();
    return quantityText(m_number->value());
}

QString LessonPanel::quantityText(double value) const
{
    const LessonPrediction& prediction = m_lesson->prediction;
    if (prediction.quantity == "plateau_year")
        return QString::number(std::lround(value));
    const QString unit = QString::fromStdString(prediction.unit);
    const QString number = QString::number(value, 'f', 2);
    return unit.isEmpty() ? number
                          : number + (unit == QStringLiteral("×") ? unit : QStringLiteral(" ") + unit);
}

QString LessonPanel::resultText() const
{
    return m_result->text();
}

QString LessonPanel::explanationText() const
{
    return m_explanation->text();
}

bool LessonPanel::revealed() const
{
    return !m_explanation->isHidden() && !m_explanation->text().isEmpty();
}

} // namespace parlab::gui
