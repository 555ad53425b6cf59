#include "export/headless_export.h"

#include "export/plot_exporter.h"
#include "session/session.h"
#include "views/speedup_view.h"

#include <QFileInfo>

#include <iostream>

namespace parlab::gui {

namespace {

// Runs on the sweep's thread, which is this one: the session is fed as the window's would be.
class SessionFeed : public SweepObserver {
public:
    explicit SessionFeed(Session& session) : m_session(session) {}

    void on_baseline(const Point& point) override { m_session.addBaseline(point); }

    void on_point(const Point& point) override
    {
        std::cerr << "  " << point.backend << " × " << point.workers << ": speedup " << point.speedup << "\n";
        m_session.addPoint(point);
    }

private:
    Session& m_session;
};

} // namespace

int HeadlessExport::run(const ExportSweepOptions& options)
{
    try {
        Session session;
        SpeedupView view;
        view.setSession(&session);
        session.beginRun(options.request);
        SessionFeed feed(session);
        const SweepResult result = run_sweep(options.request, &feed, CancelToken());
        session.setLastRun(result.last_run);
        view.rebuild();
        PlotExporter::save(view.plot(), options.file);
        std::cout << "wrote " << QFileInfo(options.file).absoluteFilePath().toStdString() << "\n";
        return 0;
    } catch (const std::invalid_argument& error) {
        // A mistake in what was asked, as parlab-cli says it: exit 2.
        std::cerr << "parlab: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "parlab: " << error.what() << "\n";
        return 1;
    }
}

} // namespace parlab::gui
