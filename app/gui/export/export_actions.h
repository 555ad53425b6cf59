#pragma once

#include <QObject>

#include <vector>

class QMenu;
class QStatusBar;
class QTabWidget;

namespace parlab::gui {

class PlotView;
class Session;

/// The File menu's exports: the plot on show, the session's points as CSV, and a bundle folder.
/// Each asks for a file, reads the session and the views, and says in the status bar what it wrote.
class ExportActions : public QObject {
    Q_OBJECT
public:
    ExportActions(const Session* session, QTabWidget* tabs, std::vector<PlotView*> views, QStatusBar* status,
                  QWidget* window);

    void addTo(QMenu* menu);

private:
    void exportPlot();
    void exportCsv();
    void exportBundle();

    const Session* m_session;
    QTabWidget* m_tabs;
    std::vector<PlotView*> m_views;
    QStatusBar* m_status;
    QWidget* m_window;
};

} // namespace parlab::gui
