#pragma once

#include "sweep/sweep.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;

namespace parlab::gui {

/// The lecture's switches beside the backend: GIL mode (only where core allows it, its reason
/// as the tooltip elsewhere) and chunking by Python's Pool.map rule, with the chunk it gives.
class RunOptionsBox : public QWidget {
    Q_OBJECT
public:
    /// `draft` gives the request the other controls describe now (workload, parameters, backend, workers).
    explicit RunOptionsBox(std::function<SweepRequest()> draft, QWidget* parent = nullptr);

    /// Sets gil and chunk_auto of `request` as the boxes say (GIL only where it is allowed).
    void apply(SweepRequest& request) const;
    /// Re-reads the draft: enables GIL for the backend, recomputes the Pool.map chunk.
    void refresh();

    void setGil(bool on);
    void setChunkAuto(bool on);
    [[nodiscard]] bool gilAllowed() const;
    [[nodiscard]] QString chunkRuleText() const;

Q_SIGNALS:
    /// Pool.map's rule was switched on or off: the fixed chunk control does not apply while it is on.
    void chunkAutoToggled(bool on);

private:
    std::function<SweepRequest()> m_draft;
    QCheckBox* m_gil;
    QCheckBox* m_chunkAuto;
    QLabel* m_chunkRule;
};

} // namespace parlab::gui
