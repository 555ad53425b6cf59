#include "views/hosts_view.h"

#include "views/hostfile_editor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstdlib>
#include <set>
#include <string>

namespace parlab::gui {

namespace {

enum Column { Host, Rank, CpuModel, Cpus, Clock, column_count };

QString clockText(const RankInfo& rank)
{
    if (rank.rank == 0)
        return HostsView::tr("reference");
    const auto us = [](std::int64_t ns) { return static_cast<double>(ns) / 1e3; };
    // An offset that shows as 0.0 gets no minus sign: "−0.0" would claim a direction.
    const QString sign = rank.clock_offset_ns <= -50 ? QStringLiteral("−") : QStringLiteral("+");
    return HostsView::tr("%1%2 ± %3 µs")
        .arg(sign)
        .arg(us(std::llabs(rank.clock_offset_ns)), 0, 'f', 1)
        .arg(us(rank.clock_uncertainty_ns), 0, 'f', 1);
}

// "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz" reads "Intel Core i5-8250U @ 1.60GHz": the marks
// take room a projected table has not got.
QString shortModel(const std::string& model)
{
    QString text = QString::fromStdString(model);
    for (const char* mark : {"(R)", "(TM)", "(tm)", " CPU", " Processor"})
        text.remove(QLatin1String(mark));
    return text.simplified();
}

} // namespace

HostsView::HostsView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(tr("Who joined"))), m_summary(new QLabel),
      m_table(new QTableWidget(0, column_count)), m_editor(new HostfileEditor)
{
    m_table->setObjectName(QStringLiteral("ranks"));
    m_summary->setObjectName(QStringLiteral("hostsSummary"));
    m_editor->setObjectName(QStringLiteral("hostfileEditor"));
    m_table->setHorizontalHeaderLabels({tr("Host"), tr("Rank"), tr("CPU model"), tr("CPUs"), tr("Clock")});
    m_table->horizontalHeaderItem(Cpus)->setToolTip(tr("Logical CPUs of the rank's host"));
    m_table->horizontalHeaderItem(Clock)->setToolTip(tr("The rank's clock minus rank 0's"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CpuModel, QHeaderView::Stretch);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("No cluster run yet: choose the backend \"cluster (MPI)\" and press Run; "
                          "every rank shows here as it joins, before the first task."));

    auto* left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addWidget(m_summary);
    left->addWidget(m_table, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(m_editor, 1);
    setScale(1.0);
}

void HostsView::setRanks(const std::vector<RankInfo>& ranks)
{
    m_table->setRowCount(static_cast<int>(ranks.size()));
    std::set<std::string> hosts;
    for (std::size_t row = 0; row < ranks.size(); ++row) {
        const RankInfo& rank = ranks[row];
        hosts.insert(rank.host);
        const QString cells[column_count] = {QString::fromStdString(rank.host), QString::number(rank.rank),
                                             shortModel(rank.cpu_model), QString::number(rank.cpus),
                                             clockText(rank)};
        for (int column = 0; column < column_count; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (column == Rank || column == Cpus || column == Clock)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == CpuModel)
                item->setToolTip(QString::fromStdString(rank.cpu_model));
            if (column == Clock)
                item->setToolTip(
                    tr("This rank's clock minus rank 0's, measured by ping-pong at start-up; its "
                       "trace times are shifted by it"));
            m_table->setItem(static_cast<int>(row), column, item);
        }
    }
    const QString rankWord = ranks.size() == 1 ? tr("1 rank") : tr("%1 ranks").arg(ranks.size());
    const QString hostWord = hosts.size() == 1 ? tr("1 host") : tr("%1 hosts").arg(hosts.size());
    m_summary->setText(tr("%1 on %2 joined.").arg(rankWord, hostWord));
}

void HostsView::waitForRanks()
{
    m_summary->setText(tr("Starting the ranks: waiting for them to join…"));
}

QString HostsView::summary() const
{
    return m_summary->text();
}

void HostsView::setScale(double scale)
{
    QFont title = font();
    title.setPointSizeF(20.0 * scale);
    title.setBold(true);
    m_title->setFont(title);
    QFont text = font();
    text.setPointSizeF(15.0 * scale);
    m_summary->setFont(text);
    m_table->setFont(text);
    QFont header = text;
    header.setBold(true);
    m_table->horizontalHeader()->setFont(header);
    m_table->verticalHeader()->setDefaultSectionSize(static_cast<int>(1.9 * QFontMetrics(text).height()));
    m_editor->setScale(scale);
}

} // namespace parlab::gui
