#include "window_texts.h"

#include "run_request.h"

#include "analysis/amdahl.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace parlab::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("parlab::gui::MainWindow", text);
}

} // namespace

QString startedText(const RunRequest& request)
{
    const auto& s = request.sweep;
    return QStringLiteral("%1 %2 on %3, workers %4")
        .arg(request.is_sweep ? QStringLiteral("Sweeping") : QStringLiteral("Running"),
             QString::fromStdString(s.workload),
             QString::fromStdString(s.backend) + (s.gil ? QStringLiteral(" (GIL mode)") : QString()),
             QString::fromStdString(s.workers.text()));
}

QString finishedText(const SweepResult& result)
{
    const double s = result.amdahl.serial_fraction;
    const double most = result.points.empty() ? 1.0 : static_cast<double>(result.points.back().workers);
    return tr("Done: %1 · %2, Amdahl serial fraction s = %3; Gustafson (work grown with %4 processors): %5x")
        .arg(QString::fromStdString(result.serial.workload),
             QString::fromStdString(result.last_run.backend) +
                 (!result.points.empty() && result.points.back().gil ? QStringLiteral(" (GIL mode)")
                                                                     : QString()))
        .arg(s, 0, 'f', 3)
        .arg(most)
        .arg(gustafson_speedup(s, most), 0, 'f', 2);
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(
        parent, tr("About parlab"),
        tr("<h3>parlab %1</h3><p>A classroom laboratory for parallel computing: threads, "
           "processes, speedup, Amdahl's law.</p><p>Data: Karl Rupp, \"Microprocessor Trend Data\" "
           "(github.com/karlrupp/microprocessor-trend-data), CC BY 4.0. Original data up to 2010 "
           "collected by M. Horowitz, F. Labonte, O. Shacham, K. Olukotun, L. Hammond, and C. Batten; "
           "data for 2010-2021 collected by K. Rupp.</p>")
            .arg(QStringLiteral(PARLAB_VERSION)));
}

} // namespace parlab::gui
