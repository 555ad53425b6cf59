#include "export/export_actions.h"

#include "export/export_bundle.h"
#include "export/plot_exporter.h"
#include "export/points_csv.h"
#include "session/session.h"
#include "views/plot_view.h"

#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>

#include <exception>

namespace parlab::gui {

ExportActions::ExportActions(const Session* session, QTabWidget* tabs, std::vector<PlotView*> views,
                             QStatusBar* status, QWidget* window)
    : QObject(window), m_session(session), m_tabs(tabs), m_views(std::move(views)), m_status(status),
      m_window(window)
{
}

void ExportActions::addTo(QMenu* menu)
{
    menu->addAction(tr("Export plot…"), this, &ExportActions::exportPlot);
    menu->addAction(tr("Export CSV…"), this, &ExportActions::exportCsv);
    menu->addAction(tr("Export bundle…"), this, &ExportActions::exportBundle);
}

void ExportActions::exportPlot()
{
    auto* view = qobject_cast<PlotView*>(m_tabs->currentWidget());
    if (!view) { // the coffee bar and the machine are widgets, not plots: a picture of them
        const QString png = QFileDialog::getSaveFileName(m_window, tr("Export view"),
                                                         m_tabs->currentWidget()->objectName() + ".png",
                                                         tr("PNG images (*.png)"));
        if (!png.isEmpty())
            m_status->showMessage(m_tabs->currentWidget()->grab().save(png)
                                      ? tr("Wrote %1").arg(png)
                                      : tr("Could not write %1").arg(png));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export plot"), view->exportName() + ".png", tr("Images (*.png *.svg *.pdf)"));
    if (path.isEmpty())
        return;
    try {
        PlotExporter::save(view->plot(), path);
        m_status->showMessage(tr("Wrote %1").arg(path));
    } catch (const std::exception& error) {
        QMessageBox::warning(m_window, tr("Export plot"), QString::fromStdString(error.what()));
    }
}

void ExportActions::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export CSV"),
                                                      QStringLiteral("points.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes = QByteArray::fromStdString(PointsCsv::write(m_session->allPoints()));
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        m_status->showMessage(tr("Wrote %1").arg(path));
    else
        QMessageBox::warning(m_window, tr("Export CSV"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

void ExportActions::exportBundle()
{
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Export bundle into folder"));
    if (folder.isEmpty())
        return;
    try {
        const QStringList files = ExportBundle::write(folder, m_views, *m_session);
        m_status->showMessage(tr("Wrote %1 files to %2").arg(files.size()).arg(folder));
    } catch (const std::exception& error) {
        QMessageBox::warning(m_window, tr("Export bundle"), QString::fromStdString(error.what()));
    }
}

} // namespace parlab::gui
