#include "views/host_group_labels.h"

#include <qcustomplot.h>

namespace parlab::gui {

namespace {

const QString separator_name = QStringLiteral("hostSeparator");

} // namespace

void labelHostGroups(QCustomPlot* plot, const HostRows& rows)
{
    for (int i = plot->itemCount() - 1; i >= 0; --i)
        if (plot->item(i)->objectName() == separator_name)
            plot->removeItem(i);
    QCPAxis* right = plot->yAxis2;
    right->setVisible(!rows.groups.empty());
    if (rows.groups.empty())
        return;
    right->setRange(plot->yAxis->range());
    right->setRangeReversed(plot->yAxis->rangeReversed());
    right->grid()->setVisible(false);
    right->setTicks(true);
    right->setTickLabels(true);
    right->setLabel(QCoreApplication::translate("TimelineView", "host"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (const HostRows::Group& group : rows.groups)
        ticker->addTick(static_cast<double>(group.first_row) + (static_cast<double>(group.rows) - 1.0) / 2.0,
                        QString::fromStdString(group.host));
    right->setTicker(ticker);

    QColor line = plot->palette().color(QPalette::WindowText);
    line.setAlpha(140);
    for (std::size_t i = 1; i < rows.groups.size(); ++i) {
        auto* separator = new QCPItemStraightLine(plot);
        separator->setObjectName(separator_name);
        const double y = static_cast<double>(rows.groups[i].first_row) - 0.5;
        separator->point1->setCoords(0.0, y);
        separator->point2->setCoords(1.0, y);
        separator->setPen(QPen(line, 1.5, Qt::DashLine));
    }
}

} // namespace parlab::gui
