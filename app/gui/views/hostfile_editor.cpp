#include "views/hostfile_editor.h"

#include "executors/cluster/cluster_executor.h"
// Open MPI's word for a host's ranks is "slots", which Qt's keyword macro would rewrite.
#pragma push_macro("slots")
#undef slots
#include "executors/cluster/hostfile.h"
#pragma pop_macro("slots")
#include "machine/machine_facts.h"
#include "settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <stdexcept>

namespace parlab::gui {

namespace {

// A first hostfile to start from: this machine with one slot per logical CPU.
QString exampleText()
{
    return HostfileEditor::tr("# name slots=N\n"
                              "localhost slots=%1\n")
        .arg(machine_facts().logical_cpus);
}

} // namespace

HostfileEditor::HostfileEditor(QWidget* parent)
    : QWidget(parent), m_path(new QLineEdit), m_text(new QPlainTextEdit), m_check(new QLabel),
      m_inUse(new QLabel), m_load(new QPushButton(tr("Load"))),
      m_use(new QPushButton(tr("Use for cluster runs"))), m_local(new QPushButton(tr("This machine only")))
{
    m_path->setObjectName(QStringLiteral("hostfilePath"));
    m_text->setObjectName(QStringLiteral("hostfileText"));
    m_check->setObjectName(QStringLiteral("hostfileCheck"));
    m_inUse->setObjectName(QStringLiteral("hostfileInUse"));
    m_check->setWordWrap(true);
    m_inUse->setWordWrap(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_path->setToolTip(tr("Where the hostfile is kept; Use for cluster runs saves the text here"));

    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(new QLabel(tr("File:")));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_load);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_use);
    buttons->addWidget(m_local);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Hostfile"));
    title->setObjectName(QStringLiteral("hostfileTitle"));
    layout->addWidget(title);
    layout->addLayout(pathRow);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_check);
    layout->addLayout(buttons);
    layout->addWidget(m_inUse);

    connect(m_text, &QPlainTextEdit::textChanged, this, &HostfileEditor::check);
    connect(m_path, &QLineEdit::textChanged, this, &HostfileEditor::check);
    connect(m_load, &QPushButton::clicked, this, &HostfileEditor::load);
    connect(m_use, &QPushButton::clicked, this, &HostfileEditor::use);
    connect(m_local, &QPushButton::clicked, this, &HostfileEditor::useThisMachineOnly);

    restoreRemembered();
    const QString inUse = hostfileInUse();
    m_path->setText(inUse.isEmpty() ? defaultPath() : inUse);
    if (!QFileInfo::exists(path()) || !load())
        setText(exampleText());
    showInUse();
    setScale(1.0);
}

void HostfileEditor::restoreRemembered()
{
    if (!hostfileInUse().isEmpty())
        return;
    // The teacher chose a hostfile in an earlier launch: cluster runs use it again, as long as it
    // is still there and still parses (a file edited or removed since goes back to this machine).
    const QString remembered = Settings::hostfile();
    if (remembered.isEmpty())
        return;
    try {
        static_cast<void>(read_hostfile(remembered.toStdString()));
        ClusterExecutor::set_default_hostfile(remembered.toStdString());
    } catch (const std::exception&) {
        Settings::saveHostfile({});
    }
}

QString HostfileEditor::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("hostfile"));
}

QString HostfileEditor::hostfileInUse()
{
    return QString::fromStdString(ClusterExecutor::defaults().hostfile);
}

QString HostfileEditor::path() const
{
    return m_path->text().trimmed();
}
void HostfileEditor::setPath(const QString& path)
{
    m_path->setText(path);
}
QString HostfileEditor::text() const
{
    return m_text->toPlainText();
}
void HostfileEditor::setText(const QString& text)
{
    m_text->setPlainText(text);
}
QString HostfileEditor::checkMessage() const
{
    return m_check->text();
}

void HostfileEditor::check()
{
    const QString name = path().isEmpty() ? tr("hostfile") : path();
    try {
        const auto hosts = parse_hostfile_text(text().toStdString(), name.toStdString());
        m_valid = true;
        const QString count = hosts.size() == 1 ? tr("1 host") : tr("%1 hosts").arg(hosts.size());
        m_check->setText(tr("%1, %2 slots: up to %2 ranks").arg(count).arg(total_slots(hosts)));
        m_check->setStyleSheet(QStringLiteral("color: #1e8449;"));
    } catch (const std::invalid_argument& error) {
        m_valid = false;
        m_check->setText(QString::fromStdString(error.what()));
        m_check->setStyleSheet(QStringLiteral("color: #c0392b;"));
    }
    m_use->setEnabled(m_valid && !m_running && !path().isEmpty());
}

bool HostfileEditor::load()
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        m_inUse->setText(tr("Cannot read %1: %2").arg(path(), file.errorString()));
        return false;
    }
    setText(QString::fromUtf8(file.readAll()));
    return true;
}

bool HostfileEditor::use()
{
    check();
    if (!m_valid || m_running || path().isEmpty())
        return false;
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text().toUtf8()) < 0 ||
        !file.commit()) {
        m_inUse->setText(tr("Cannot write %1: %2").arg(path(), file.errorString()));
        return false;
    }
    ClusterExecutor::set_default_hostfile(QFileInfo(path()).absoluteFilePath().toStdString());
    Settings::saveHostfile(hostfileInUse());
    showInUse();
    Q_EMIT hostfileChanged(hostfileInUse());
    return true;
}

void HostfileEditor::useThisMachineOnly()
{
    if (m_running)
        return;
    ClusterExecutor::set_default_hostfile({});
    Settings::saveHostfile({});
    showInUse();
    Q_EMIT hostfileChanged(QString());
}

void HostfileEditor::showInUse()
{
    const QString inUse = hostfileInUse();
    m_inUse->setText(inUse.isEmpty() ? tr("Cluster runs start every rank on this machine.")
                                     : tr("Cluster runs use %1.").arg(inUse));
}

void HostfileEditor::setRunning(bool running)
{
    m_running = running;
    m_local->setEnabled(!running);
    check();
}

void HostfileEditor::setScale(double scale)
{
    QFont font = this->font();
    font.setPointSizeF(13.0 * scale);
    for (QWidget* widget : std::initializer_list<QWidget*>{m_path, m_check, m_inUse, m_load, m_use, m_local})
        widget->setFont(font);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(14.0 * scale);
    m_text->setFont(mono);
    if (auto* title = findChild<QLabel*>(QStringLiteral("hostfileTitle"))) {
        QFont bold = font;
        bold.setPointSizeF(17.0 * scale);
        bold.setBold(true);
        title->setFont(bold);
    }
}

} // namespace parlab::gui
