#include "controls/controls_panel.h"

#include "backend_traits.h"
#include "controls/parameter_form.h"
#include "controls/request_check.h"
#include "controls/run_options_box.h"
#include "controls/vertical_scroll_area.h"

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
    return s >= 60 ? QStringLiteral("%1 min %2 s left").arg(s / 60).arg(s % 60)
                   : QStringLiteral("%1 s left").arg(s);
}

// Hidden until core refuses the value of the control it sits under; named "<control>_error".
QLabel* error_label(QWidget* parent, const QString& control)
{
    auto* label = new QLabel(parent);
    label->setObjectName(control + QStringLiteral("_error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold;"));
    label->hide();
    return label;
}

} // namespace

ControlsPanel::ControlsPanel(QWidget* parent)
    : QWidget(parent), m_workload(new QComboBox(this)), m_summary(new QLabel(this)),
      m_parameters(new ParameterForm(this)), m_backend(new QComboBox(this)),
      m_workerSlider(new QSlider(Qt::Horizontal, this)), m_workers(new QSpinBox(this)),
      m_workersError(error_label(this, QStringLiteral("workers"))), m_chunk(new QSpinBox(this)),
      m_chunkError(error_label(this, QStringLiteral("chunk"))), m_schedule(new QComboBox(this)),
      m_repeats(new QSpinBox(this)), m_repeatsError(error_label(this, QStringLiteral("repeats"))),
      m_sweep(new QLineEdit(this)), m_sweepError(error_label(this, QStringLiteral("sweep"))),
      m_shipInputs(new QCheckBox(tr("Ship inputs"), this)),
      m_options(new RunOptionsBox(
          [this] {
              SweepRequest draft;
              draft.workload = m_workload->currentText().toStdString();
              draft.parameters = m_parameters->values();
              draft.backend = backendName().toStdString();
              draft.workers = WorkerRange::single(static_cast<std::size_t>(m_workers->value()));
              return draft;
          },
          this)),
      m_run(new QPushButton(tr("Run"), this)), m_sweepButton(new QPushButton(tr("Sweep"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_message(error_label(this, QStringLiteral("message"))), m_fields(new QWidget(this)),
      m_fieldsScroll(new VerticalScrollArea(this))
{
    const auto cpus = static_cast<int>(machine_facts().logical_cpus);

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
        // Shown by its display name; the item's data is the name a request carries.
        m_backend->addItem(backend_display_name(info.name), QString::fromStdString(info.name));
        m_backend->setItemData(m_backend->count() - 1, QString::fromStdString(info.summary), Qt::ToolTipRole);
    }
    m_backend->setCurrentIndex(m_backend->findData(QString::fromStdString(default_backend())));
    m_workers->setValue(cpus);
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
    form->addRow(tr("Backend"), m_backend);
    m_workers->setObjectName(QStringLiteral("workers"));
    m_backend->setObjectName(QStringLiteral("backend"));
    m_shipInputs->setObjectName(QStringLiteral("ship_inputs"));
    m_shipVia = new QComboBox(this);
    m_shipVia->setObjectName(QStringLiteral("ship_via"));
    m_shipVia->addItem(tr("socket"), QStringLiteral("socket"));
    m_shipVia->addItem(tr("shared memory"), QStringLiteral("shm"));
    m_shipVia->setToolTip(tr("Socket: every task's inputs are copied into the worker's socket and out "
                             "again. Shared memory: written once into a region the worker maps, and only "
                             "where they lie is sent"));
    m_shipVia->setEnabled(false);
    connect(m_shipInputs, &QCheckBox::toggled, m_shipVia,
            [this](bool on) { m_shipVia->setEnabled(on && m_shipInputs->isEnabled()); });
    m_sweep->setObjectName(QStringLiteral("sweep_range"));
    form->addRow(tr("Workers"), workersRow);
    form->addRow(m_workersError);
    form->addRow(tr("Chunk"), m_chunk);
    form->addRow(m_chunkError);
    form->addRow(tr("Schedule"), m_schedule);
    form->addRow(tr("Repeats"), m_repeats);
    form->addRow(m_repeatsError);
    form->addRow(tr("Sweep"), m_sweep);
    form->addRow(m_sweepError);
    auto* shipRow = new QHBoxLayout;
    shipRow->addWidget(m_shipInputs);
    shipRow->addWidget(m_shipVia);
    shipRow->addStretch(1);
    form->addRow(shipRow);
    form->addRow(m_options);

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

    // The boxes scroll when the window is short; Run, Sweep, Cancel, the progress and the
    // message stay in sight under them.
    m_fields->setObjectName(QStringLiteral("fields"));
    auto* fieldsLayout = new QVBoxLayout(m_fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addWidget(workloadBox);
    fieldsLayout->addWidget(backendBox);
    fieldsLayout->addStretch(1);
    m_fieldsScroll->setWidget(m_fields);
    m_fieldsScroll->setWidgetResizable(true);
    m_fieldsScroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_fieldsScroll, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);

    connect(m_workload, &QComboBox::currentIndexChanged, this, &ControlsPanel::workloadChanged);
    connect(m_parameters, &ParameterForm::edited, this, &ControlsPanel::clearMessages);
    connect(m_sweep, &QLineEdit::textEdited, this, &ControlsPanel::clearMessages);
    // A refusal speaks of the values it saw: changing one of them makes it stale.
    connect(m_backend, &QComboBox::currentIndexChanged, this, &ControlsPanel::clearMessages);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &ControlsPanel::backendChanged);
    for (QSpinBox* box : {m_workers, m_chunk, m_repeats})
        connect(box, &QSpinBox::valueChanged, this, &ControlsPanel::clearMessages);
    connect(m_run, &QPushButton::clicked, this, [this] { requestRun(false); });
    connect(m_sweepButton, &QPushButton::clicked, this, [this] { requestRun(true); });
    connect(m_cancel, &QPushButton::clicked, this, &ControlsPanel::cancelRequested);
    backendChanged();
    connect(m_options, &RunOptionsBox::chunkAutoToggled, m_chunk,
            [this](bool on) { m_chunk->setEnabled(!on); });
    connect(m_parameters, &ParameterForm::edited, m_options, &RunOptionsBox::refresh);
    connect(m_backend, &QComboBox::currentIndexChanged, m_options, &RunOptionsBox::refresh);
    connect(m_workers, &QSpinBox::valueChanged, m_options, &RunOptionsBox::refresh);
    workloadChanged();
}

QString ControlsPanel::backendName() const
{
    return m_backend->currentData().toString();
}

void ControlsPanel::backendChanged()
{
    const std::string backend = backendName().toStdString();
    if (backend.empty())
        return;
    // The backend's own limit and words: serial takes 1, threads 4 × the CPUs (at least 64), …
    const ExecutorInfo& info = ExecutorRegistry::find(backend);
    const int limit = static_cast<int>(std::min<std::size_t>(info.max_workers(), 1'000'000));
    const int value = std::min(m_workers->value(), limit);
    m_workerSlider->setRange(1, limit);
    m_workers->setRange(1, limit);
    m_workers->setValue(value);
    m_workerSlider->setValue(value);
    m_workers->setToolTip(tr("Workers for Run: 1 .. %1 %2")
                              .arg(limit)
                              .arg(workers_noun(backend, static_cast<std::size_t>(limit))));
    m_shipInputs->setEnabled(info.traits.ships_inputs);
    m_shipVia->setEnabled(info.traits.ships_inputs && m_shipInputs->isChecked());
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
    if (m_options)
        m_options->refresh();
}

void ControlsPanel::clearMessages()
{
    m_parameters->clearErrors();
    for (QLabel* label : {m_workersError, m_chunkError, m_repeatsError, m_sweepError, m_message})
        label->hide();
}

std::optional<RunRequest> ControlsPanel::request(bool sweep)
{
    clearMessages();
    RunRequest request;
    request.is_sweep = sweep;
    auto& s = request.sweep;
    s.workload = m_workload->currentText().toStdString();
    s.parameters = m_parameters->values();
    s.backend = backendName().toStdString();
    s.repeats = static_cast<unsigned>(m_repeats->value());
    s.chunk = static_cast<std::size_t>(m_chunk->value());
    s.schedule = parse_schedule(m_schedule->currentText().toStdString());
    // Only a backend that ships inputs takes the option; the others refuse it.
    const ExecutorTraits& traits = ExecutorRegistry::find(s.backend).traits;
    s.ship_inputs = m_shipInputs->isChecked() && traits.ships_inputs;
    if (s.ship_inputs && traits.ships_via_shm)
        s.ship_via = parse_ship_via(m_shipVia->currentData().toString().toStdString());
    m_options->apply(s);
    try {
        s.workers = sweep ? WorkerRange::parse(m_sweep->text().trimmed().toStdString())
                          : WorkerRange::single(static_cast<std::size_t>(m_workers->value()));
    } catch (const std::invalid_argument& error) {
        m_sweepError->setText(QString::fromStdString(error.what()));
        m_sweepError->show();
        return std::nullopt;
    }
    // The whole request as the sweep will see it: every value, worker count and the memory it needs.
    if (const auto problem = check_request(s)) {
        showProblem(*problem, sweep);
        return std::nullopt;
    }
    return request;
}

void ControlsPanel::showProblem(const RequestProblem& problem, bool sweep)
{
    const auto show = [&](QLabel* label) {
        label->setText(problem.message);
        label->show();
    };
    switch (problem.field) {
    case RequestField::Workers: return show(sweep ? m_sweepError : m_workersError);
    case RequestField::Repeats: return show(m_repeatsError);
    case RequestField::Chunk: return show(m_chunkError);
    case RequestField::Parameter:
        // core's ParameterError names it; one the form has no control for shows below.
        if (!problem.parameter.empty() && m_parameters->showError(problem.parameter, problem.message))
            return;
        break;
    case RequestField::Other: break;
    }
    showMessage(problem.message);
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
    return {m_workload->currentText(), m_parameters->values(), backendName(), m_workers->value(),
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
    const int index = m_backend->findData(name);
    if (index >= 0)
        m_backend->setCurrentIndex(index);
}

void ControlsPanel::setWorkers(int workers)
{
    m_workers->setValue(workers);
}

void ControlsPanel::setSweepRange(const QString& text)
{
    m_sweep->setText(text);
}

void ControlsPanel::setParameters(const ParameterValues& values)
{
    m_parameters->setValues(values);
}

} // namespace parlab::gui
