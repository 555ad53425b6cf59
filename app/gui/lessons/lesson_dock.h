#pragma once

#include <QDockWidget>
#include <QString>

namespace parlab::gui {

class LessonPanel;
class MainWindow;

/// The lesson panel docked above the plots, the Lessons menu (each shipped lesson, Open folder…),
/// and its wiring to the window's one run path. Hidden until a lesson is chosen.
class LessonDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LessonDock(MainWindow* window);

    [[nodiscard]] LessonPanel* panel() const { return m_panel; }
    /// Loads `folder` and rebuilds the menu; the problems of refused files go to the status bar.
    void loadFolder(const QString& folder);
    /// Shows the dock with lesson `name`; false when there is none so named.
    bool openLesson(const QString& name);
    void setScale(double scale);

    /// $PARLAB_LESSONS, else the lessons parlab ships.
    static QString defaultFolder();

private:
    void rebuildMenu();

    MainWindow* m_window;
    LessonPanel* m_panel;
    QMenu* m_menu;
};

} // namespace parlab::gui
