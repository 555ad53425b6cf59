#include "export/headless_view_export.h"

#include "export/plot_exporter.h"
#include "export/widget_exporter.h"
#include "session/session.h"
#include "views/coffee_bar_view.h"
#include "views/costs_view.h"
#include "views/speedup_view.h"
#include "views/timeline_view.h"
#include "views/topology_view.h"
#include "views/trends_view.h"

#include <QFileInfo>
#include <QStringList>

#include <iostream>
#include <memory>

namespace parlab::gui {

namespace {

// Runs on the sweep's thread, which is this one: the session is fed as the window's would be.
class Feed : public SweepObserver {
public:
    explicit Feed(Session& session) : m_session(session) {}
    void on_baseline(const Point& point) override { m_session.addBaseline(point); }
    void on_point(const Point& point) override { m_session.addPoint(point); }

private:
    Session& m_session;
};

} // namespace

QStringList HeadlessViewExport::views()
{
    return {QStringLiteral("coffee"), QStringLiteral("timeline"), QStringLiteral("topology"),
            QStringLiteral("costs"),  QStringLiteral("trends"),   QStringLiteral("speedup")};
}

int HeadlessViewExport::run(const ExportViewOptions& options)
{
    try {
        Session session;
        std::unique_ptr<PlotView> plotView;
        if (options.view == QLatin1String("speedup"))
            plotView = std::make_unique<SpeedupView>();
        else if (options.view == QLatin1String("costs"))
            plotView = std::make_unique<CostsView>();
        else if (options.view == QLatin1String("timeline"))
            plotView = std::make_unique<TimelineView>();
        else if (options.view == QLatin1String("trends"))
            plotView = std::make_unique<TrendsView>();
        else if (!views().contains(options.view))
            throw std::invalid_argument("--export-view: no view named '" + options.view.toStdString() +
                                        "'; expected one of " +
                                        views().join(QStringLiteral(", ")).toStdString());
        if (plotView)
            plotView->setSession(&session);

        if (options.view != QLatin1String("trends")) {
            session.beginRun(options.request);
            Feed feed(session);
            const SweepResult result = run_sweep(options.request, &feed, CancelToken());
            session.setLastRun(result.last_run);
        }
        if (plotView) {
            plotView->rebuild();
            PlotExporter::save(plotView->plot(), options.file);
        } else if (options.view == QLatin1String("coffee")) {
            CoffeeBarView coffee;
            const auto& runs = session.runs();
            if (!runs.empty() && runs.back().has_serial)
                coffee.setSerialSeconds(runs.back().serial.wall_s);
            coffee.setRun(*session.lastRun()); // at its end: everyone served
            WidgetExporter::save(&coffee, options.file);
        } else {
            TopologyView topology;
            topology.setRun(*session.lastRun());
            WidgetExporter::save(&topology, options.file);
        }
        std::cout << "wrote " << QFileInfo(options.file).absoluteFilePath().toStdString() << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "parlab: " << error.what() << "\n";
        return 1;
    }
}

} // namespace parlab::gui
