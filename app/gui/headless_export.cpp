#include "headless_export.h"

#include "plot_exporter.h"
#include "speedup_view.h"

#include <QFileInfo>

#include <iostream>

namespace parlab::gui {

namespace {

class ProgressPrinter : public SweepObserver {
public:
    void on_point(const Point& point) override
    {
        std::cerr << "  " << point.backend << " × " << point.workers << ": speedup " << point.speedup << "\n";
    }
};

} // namespace

int HeadlessExport::run(const ExportSweepOptions& options)
{
    try {
        ProgressPrinter printer;
        const SweepResult result = run_sweep(options.request, &printer, CancelToken());
        SpeedupView view;
        for (const auto& point : result.points)
            view.addPoint(point);
        view.rebuild();
        PlotExporter::save(view.plot(), options.file);
        std::cout << "wrote " << QFileInfo(options.file).absoluteFilePath().toStdString() << "\n";
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "parlab: " << error.what() << "\n";
        return 1;
    }
}

} // namespace parlab::gui
