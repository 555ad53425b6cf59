#pragma once

#include "executors/rank_info.h"

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace parlab::gui {

class HostfileEditor;

/// Who joined a cluster run, the lecture's apply_sync(hostname) moment: one row per rank with
/// its host, CPU model, logical CPUs and clock offset, filled as soon as every rank has reported
/// in, before the first task, and kept after the run. Beside it, the hostfile editor.
class HostsView : public QWidget {
    Q_OBJECT
public:
    explicit HostsView(QWidget* parent = nullptr);

    /// The ranks that joined, by rank (from RunObserver::on_joined).
    void setRanks(const std::vector<RankInfo>& ranks);
    /// A cluster sweep is starting its ranks: says so until they join (the table keeps the
    /// previous ranks meanwhile).
    void waitForRanks();
    void setScale(double scale);

    [[nodiscard]] HostfileEditor* editor() const { return m_editor; }
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    /// "3 ranks on 1 host joined", or what it waits for.
    [[nodiscard]] QString summary() const;

private:
    QLabel* m_title;
    QLabel* m_summary;
    QTableWidget* m_table;
    HostfileEditor* m_editor;
};

} // namespace parlab::gui
