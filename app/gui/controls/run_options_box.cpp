#include "controls/run_options_box.h"

#include "executors/chunk_rule.h"
#include "executors/gil_mode.h"

#include <QCheckBox>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

#include <stdexcept>

namespace parlab::gui {

RunOptionsBox::RunOptionsBox(std::function<SweepRequest()> draft, QWidget* parent)
    : QWidget(parent), m_draft(std::move(draft)), m_gil(new QCheckBox(tr("GIL mode, as in Python"), this)),
      m_chunkAuto(new QCheckBox(tr("Chunk: auto (Pool.map)"), this)), m_chunkRule(new QLabel(this))
{
    m_gil->setObjectName(QStringLiteral("gil"));
    m_chunkAuto->setObjectName(QStringLiteral("chunk_auto"));
    m_chunkRule->setObjectName(QStringLiteral("chunk_rule"));
    m_chunkAuto->setToolTip(
        tr("Python's Pool.map rule: chunk = ⌈tasks / (4 × workers)⌉, for each worker count"));
    // The rule on a line of its own, wrapped: beside the box it made the side panel too wide to
    // show whole at presentation size.
    m_chunkRule->setWordWrap(true);
    m_chunkRule->setIndent(m_chunkAuto->style()->pixelMetric(QStyle::PM_IndicatorWidth) * 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_gil);
    layout->addWidget(m_chunkAuto);
    layout->addWidget(m_chunkRule);
    connect(m_chunkAuto, &QCheckBox::toggled, this, [this](bool on) {
        refresh();
        Q_EMIT chunkAutoToggled(on);
    });
}

bool RunOptionsBox::gilAllowed() const
{
    return m_gil->isEnabled();
}

void RunOptionsBox::refresh()
{
    const SweepRequest request = m_draft();
    // Core says where GIL mode makes sense; its reason is the tooltip where it does not.
    try {
        check_gil_mode(request.backend, true, request.gil_switch_interval_s);
        m_gil->setEnabled(true);
        m_gil->setToolTip(tr("One interpreter lock: computing holds it and gives it up every %1 ms; "
                             "waiting releases it")
                              .arg(request.gil_switch_interval_s * 1000.0));
    } catch (const std::invalid_argument& error) {
        m_gil->setEnabled(false);
        m_gil->setToolTip(QString::fromStdString(error.what()));
    }
    QString rule;
    try {
        const SweepPlan plan = plan_sweep(request);
        if (!plan.workers.empty()) {
            const std::size_t workers = plan.workers.back();
            rule = QStringLiteral("= %1 (%2 tasks, %3 workers)")
                       .arg(pool_map_chunk(plan.tasks, workers))
                       .arg(plan.tasks)
                       .arg(workers);
        }
    } catch (const std::exception&) {
        rule.clear(); // the controls show what is wrong when Run is pressed
    }
    m_chunkRule->setText(rule);
    m_chunkRule->setEnabled(m_chunkAuto->isChecked());
}

void RunOptionsBox::apply(SweepRequest& request) const
{
    request.gil = m_gil->isEnabled() && m_gil->isChecked();
    request.chunk_auto = m_chunkAuto->isChecked();
}

void RunOptionsBox::setGil(bool on)
{
    m_gil->setChecked(on);
}

void RunOptionsBox::setChunkAuto(bool on)
{
    m_chunkAuto->setChecked(on);
}

QString RunOptionsBox::chunkRuleText() const
{
    return m_chunkRule->text();
}

} // namespace parlab::gui
