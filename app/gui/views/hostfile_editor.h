#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace parlab::gui {

/// The hostfile a teacher edits in the window: the file's path, its text (one host per line:
/// name slots=N), checked by the same parser the cluster backend uses as it is typed, with that
/// parser's FILE:LINE message beside it. "Use for cluster runs" saves the text to the path and
/// makes it the hostfile of every cluster run from then on; "This machine only" goes back to
/// none. Both are refused while a run is going, which reads the choice. The choice is remembered
/// between launches.
class HostfileEditor : public QWidget {
    Q_OBJECT
public:
    explicit HostfileEditor(QWidget* parent = nullptr);

    [[nodiscard]] QString path() const;
    void setPath(const QString& path);
    [[nodiscard]] QString text() const;
    void setText(const QString& text);
    /// What the check says of the text now: "2 hosts, 6 slots" or the parser's message.
    [[nodiscard]] QString checkMessage() const;
    [[nodiscard]] bool textIsValid() const { return m_valid; }
    /// The hostfile cluster runs use now; empty for this machine alone.
    [[nodiscard]] static QString hostfileInUse();

    /// Reads the file at path() into the text box; false (and a message) when it cannot.
    bool load();
    /// Checks the text, writes it to path() and makes it the cluster runs' hostfile; false (and
    /// nothing changed) for a text that does not parse or a path that cannot be written.
    bool use();
    /// Cluster runs start every rank on this machine again.
    void useThisMachineOnly();
    void setRunning(bool running);
    void setScale(double scale);

    /// The path the editor starts with: the application's config folder, "hostfile".
    static QString defaultPath();

Q_SIGNALS:
    /// The hostfile of cluster runs changed (empty: this machine).
    void hostfileChanged(const QString& path);

private:
    void check();
    /// Uses the hostfile chosen in an earlier launch, when no run has one yet.
    void restoreRemembered();
    void showInUse();

    QLineEdit* m_path;
    QPlainTextEdit* m_text;
    QLabel* m_check;
    QLabel* m_inUse;
    QPushButton* m_load;
    QPushButton* m_use;
    QPushButton* m_local;
    bool m_valid = false;
    bool m_running = false;
};

} // namespace parlab::gui
