#include "controls_panel.h"

#include "parameter_form.h"

#include "executors/executor_registry.h"
#include "machine/machine_facts.h"
#include "workloads/workload_registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <stdexcept>

namespace parlab::gui {

namespace {

QString eta_text(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("estimating…");
    const int s = static_cast<int>(seconds + 0.5);
    return s >= 60 ? QStringLiteral("%1 min %2 s left").arg(s / 60).arg(s % 60) : QStringLiteral("%1 s left").arg(s);
}

QLabel* error_label(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold;"));
    label->hide();
    return label;
}

} // namespace

ControlsPanel::ControlsPanel(QWidget* parent)
    : QWidget(parent), m_workload(new QComboBox(this)), m_summary(new QLabel(this)),
      m_parameters(new ParameterForm(this)), m_backend(new QComboBox(this)),
      m_workerSlider(new QSlider(Qt::Horizontal, this)), m_workers(new QSpinBox(this)), m_chunk(new QSpinBox(this)),
      m_schedule(new QComboBox(this)), m_repeats(new QSpinBox(this)), m_sweep(new QLineEdit(this)),
      m_sweepError(error_label(this)), m_shipInputs(new QCheckBox(tr("Ship inputs to workers"), this)),
      m_run(new QPushButton(tr("Run"), this)), m_sweepButton(new QPushButton(tr("Sweep"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)), m_message(error_label(this))
{
    const auto cpus = static_cast<int>(machine_facts().logical_cpus);
    const int max_workers = cpus * static_cast<int>(max_workers_per_cpu);

    auto* workloadBox = new QGroupBox(tr("Workload"), this);
    auto* workloadLayout = new QVBoxLayout(workloadBox);
    for (const auto& info : WorkloadRegistry::all())
        m_workload->addItem(QString::fromStdString(info.name));
    m_summary->setWordWrap(true);
    workloadLayout->addWidget(m_workload);
    workloadLayout->addWidget(m_summary);
    workloadLayout->addWidget(m_parameters);

    auto* backendBox = new QGroupBox(tr("Backend"), this);
    auto* form = new QFormLayout(backendBox);
    for (const auto& info : ExecutorRegistry::all()) {
        m_backend->addItem(QString::fromStdString(info.name));
        m_backend->setItemData(m_backend->count() - 1, QString::fromStdString(info.summary), Qt::ToolTipRole);
    }
    m_backend->setCurrentText(QStringLiteral("threads"));
    m_workerSlider->setRange(1, max_workers);
    m_workers->setRange(1, max_workers);
    m_workers->setValue(std::min(cpus, max_workers));
    m_workerSlider->setValue(m_workers->value());
    connect(m_workerSlider, &QSlider::valueChanged, m_workers, &QSpinBox::setValue);
    connect(m_workers, &QSpinBox::valueChanged, m_workerSlider, &QSlider::setValue);
    auto* workersRow = new QHBoxLayout;
    workersRow->addWidget(m_workerSlider, 1);
    workersRow->addWidget(m_workers);
    m_chunk->setRange(0, 1000000);
    m_chunk->setSpecialValueText(tr("auto"));
    m_schedule->addItems({QStringLiteral("dynamic"), QStringLiteral("static")});
    m_repeats->setRange(1, 100);
    m_repeats->setValue(3);
    m_sweep->setText(QStringLiteral("1:%1").arg(cpus + 3));
    m_sweep->setToolTip(tr("Worker counts: N, lo:hi, lo:hi:*2 (doubling), lo:hi:+k, auto"));
    m_shipInputs->setToolTip(tr("Processes: the parent sends each task's inputs instead of the worker "
                                "recomputing them, so the cost of shipping data shows"));
    m_workers->setToolTip(tr("Workers for Run: 1 .. %1 (4 × %2 logical CPUs)").arg(max_workers).arg(cpus));
    form->addRow(tr("Backend"), m_backend);
    form->addRow(tr("Workers"), workersRow);
    form->addRow(tr("Chunk"), m_chunk);
    form->addRow(tr("Schedule"), m_schedule);
    form->addRow(tr("Repeats"), m_repeats);
    form->addRow(tr("Sweep"), m_sweep);
    form->addRow(m_sweepError);
    form->addRow(m_shipInputs);

    m_run->setToolTip(tr("Serial baseline, then the chosen worker count (F5)"));
    m_sweepButton->setToolTip(tr("Serial baseline, then every worker count of the sweep range (Shift+F5)"));
    m_cancel->setToolTip(tr("Stop the run (Esc)"));
    m_run->setObjectName(QStringLiteral("run"));
    m_sweepButton->setObjectName(QStringLiteral("sweep"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_sweepButton);
    buttons->addWidget(m_cancel);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("idle"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(workloadBox);
    layout->addWidget(backendBox);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addStretch(1);

    connect(m_workload, &QComboBox::currentIndexChanged, this, &ControlsPanel::workloadChanged);
    connect(m_parameters, &ParameterForm::edited, this, &ControlsPanel::clearMessages);
    connect(m_sweep, &QLineEdit::textEdited, this, &ControlsPanel::clearMessages);
    connect(m_run, &QPushButton::clicked, this, [this] { requestRun(false); });
    connect(m_sweepButton, &QPushButton::clicked, this, [this] { requestRun(true); });
    connect(m_cancel, &QPushButton::clicked, this, &ControlsPanel::cancelRequested);
    workloadChanged();
}

void ControlsPanel::workloadChanged()
{
    clearMessages();
    const auto& all = WorkloadRegistry::all();
    const int index = m_workload->currentIndex();
    if (index < 0 || index >= static_cast<int>(all.size()))
        return;
    m_summary->setText(QString::fromStdString(all[index].summary));
    m_parameters->setSpecs(all[index].parameters);
}

void ControlsPanel::clearMessages()
{
    m_parameters->clearErrors();
    m_sweepError->hide();
    m_message->hide();
}

std::optional<RunRequest> ControlsPanel::request(bool sweep)
{
    clearMessages();
    RunRequest request;
    request.is_sweep = sweep;
    auto& s = request.sweep;
    s.workload = m_workload->currentText().toStdString();
    s.parameters = m_parameters->values();
    s.backend = m_backend->currentText().toStdString();
    s.repeats = static_cast<unsigned>(m_repeats->value());
    s.chunk = static_cast<std::size_t>(m_chunk->value());
    s.schedule = parse_schedule(m_schedule->currentText().toStdString());
    // Only a backend that ships inputs takes the option; the others refuse it.
    s.ship_inputs = m_shipInputs->isChecked() && ExecutorRegistry::find(s.backend).traits.ships_inputs;
    try {
        s.workers = sweep ? WorkerRange::parse(m_sweep->text().trimmed().toStdString())
                          : WorkerRange::single(static_cast<std::size_t>(m_workers->value()));
    } catch (const std::invalid_argument& error) {
        m_sweepError->setText(QString::fromStdString(error.what()));
        m_sweepError->show();
        return std::nullopt;
    }
    try {
        // Building the workload checks every value (and the memory it would need) up front.
        (void)WorkloadRegistry::create(s.workload, s.parameters);
    } catch (const std::exception& error) {
        const QString message = QString::fromStdString(error.what());
        if (!m_parameters->showError(message))
            showMessage(message);
        return std::nullopt;
    }
    return request;
}

void ControlsPanel::requestRun(bool sweep)
{
    if (auto made = request(sweep))
        Q_EMIT runRequested(*made);
}

void ControlsPanel::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_sweepButton->setEnabled(!running);
    m_cancel->setEnabled(running);
    if (running) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(tr("starting…"));
    } else {
        m_progress->setRange(0, 1);
        m_progress->setValue(m_progress->maximum());
        m_progress->setFormat(tr("idle"));
    }
}

void ControlsPanel::setProgress(const SweepProgress& progress)
{
    if (progress.tasks_total == 0)
        return;
    m_progress->setRange(0, static_cast<int>(progress.tasks_total));
    m_progress->setValue(static_cast<int>(progress.tasks_done));
    m_progress->setFormat(QStringLiteral("%1 / %2 tasks · %3")
                              .arg(progress.tasks_done)
                              .arg(progress.tasks_total)
                              .arg(eta_text(progress.eta_s)));
}

void ControlsPanel::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

ControlsState ControlsPanel::state() const
{
    return {m_workload->currentText(), m_parameters->values(), m_backend->currentText(), m_workers->value(),
            m_sweep->text()};
}

void ControlsPanel::setState(const ControlsState& state)
{
    if (!state.workload.isEmpty())
        setWorkload(state.workload);
    setParameters(state.parameters);
    if (!state.backend.isEmpty())
        setBackend(state.backend);
    if (state.workers > 0)
        setWorkers(state.workers);
    if (!state.sweep.isEmpty())
        setSweepRange(state.sweep);
}

void ControlsPanel::setWorkload(const QString& name)
{
    const int index = m_workload->findText(name);
    if (index >= 0)
        m_workload->setCurrentIndex(index);
}

void ControlsPanel::setBackend(const QString& name)
{
    const int index = m_backend->findText(name);
    if (index >= 0)
        m_backend->setCurrentIndex(index);
}

void ControlsPanel::setWorkers(int workers) { m_workers->setValue(workers); }

void ControlsPanel::setSweepRange(const QString& text) { m_sweep->setText(text); }

void ControlsPanel::setParameters(const ParameterValues& values) { m_parameters->setValues(values); }

} // namespace parlab::gui
