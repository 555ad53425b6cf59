#include "launch_options.h"

#include "backend_traits.h"
#include "export/plot_exporter.h"

#include "sweep/sweep.h"
#include "workloads/parameters.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace parlab::gui {

LaunchOptions parse_launch_options(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("parlab: a classroom laboratory for parallel computing"));
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    const QCommandLineOption presentation(QStringLiteral("presentation"),
                                          QStringLiteral("Start in presentation mode."));
    const QCommandLineOption tab(
        QStringLiteral("tab"),
        QStringLiteral("Open on the tab NAME (speedup, core-load, trends, timeline, costs) and keep it in "
                       "front: runs do not bring the coffee bar or the hosts forward."),
        QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo-sweep"),
                                  QStringLiteral("Start a small sweep at launch."));
    const QCommandLineOption exportSweep(
        QStringLiteral("export-sweep"),
        QStringLiteral("Run a sweep with no window and write its speedup plot "
                       "to FILE (.png, .pdf or .svg)."),
        QStringLiteral("FILE"));
    const QCommandLineOption workload(QStringLiteral("workload"),
                                      QStringLiteral("With --export-sweep: the workload."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption backend(QStringLiteral("backend"),
                                     QStringLiteral("With --export-sweep: the backend."), QStringLiteral("B"),
                                     QString::fromStdString(default_backend()));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QStringLiteral("With --export-sweep: worker counts (N, lo:hi, lo:hi:*2, auto)."),
        QStringLiteral("RANGE"), QStringLiteral("auto"));
    const QCommandLineOption param(QStringLiteral("param"),
                                   QStringLiteral("With --export-sweep: a workload parameter."),
                                   QStringLiteral("K=V"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("With --export-sweep: repeats per point."),
                                    QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption exportView(
        QStringLiteral("export-view"),
        QStringLiteral("Run what VIEW needs with no window and write it to the FILE "
                       "that follows (.png, .pdf or .svg): ") +
            HeadlessViewExport::views().join(QStringLiteral(", ")) + QStringLiteral("."),
        QStringLiteral("VIEW"));
    const QCommandLineOption lesson(QStringLiteral("lesson"),
                                    QStringLiteral("Open the lesson NAME (see the Lessons menu)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption runLesson(QStringLiteral("run"),
                                       QStringLiteral("With --lesson: run it at once."));
    const QCommandLineOption reduced(QStringLiteral("reduced"),
                                     QStringLiteral("With --lesson: at its reduced (quick) size."));
    parser.addOptions({presentation, tab, demo, exportSweep, workload, backend, workers, param, repeat,
                       exportView, lesson, runLesson, reduced});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A saved session (.json) to open."),
                                 QStringLiteral("[FILE]"));

    LaunchOptions options;
    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(help) || parser.isSet(version)) {
        std::cout << (parser.isSet(help) ? parser.helpText().toStdString()
                                         : "parlab " + std::string(PARLAB_VERSION) + "\n");
        options.helpShown = true;
        return options;
    }
    // --export-view VIEW FILE takes the one positional argument as its file; otherwise it is a
    // session to open, as desktop programs take it, and a second one is a mistake.
    QStringList positional = parser.positionalArguments();
    QString viewFile;
    if (parser.isSet(exportView) && !positional.isEmpty())
        viewFile = positional.takeFirst();
    if (positional.size() > (parser.isSet(exportView) ? 0 : 1)) {
        options.error = QStringLiteral("unexpected argument '%1' (parlab opens one session file)")
                            .arg(positional.at(parser.isSet(exportView) ? 0 : 1));
        return options;
    }
    if (!positional.isEmpty())
        options.sessionFile = positional.first();
    options.presentation = parser.isSet(presentation);
    options.tab = parser.value(tab);
    options.demoSweep = parser.isSet(demo);
    options.lesson = parser.value(lesson);
    options.runLesson = parser.isSet(runLesson);
    options.reducedLesson = parser.isSet(reduced);
    if ((options.runLesson || options.reducedLesson) && options.lesson.isEmpty()) {
        options.error = QStringLiteral("--run and --reduced go with --lesson NAME");
        return options;
    }

    if (parser.isSet(exportSweep) && !options.sessionFile.isEmpty()) {
        options.error = QStringLiteral("--export-sweep runs a new sweep: it opens no session file");
        return options;
    }
    const bool sweepOnly = parser.isSet(workload) || parser.isSet(param) || parser.isSet(backend) ||
                           parser.isSet(workers) || parser.isSet(repeat);
    const bool viewAsked = parser.isSet(exportView);
    if (!parser.isSet(exportSweep) && !viewAsked) {
        if (sweepOnly)
            options.error = QStringLiteral(
                "--workload, --backend, --workers, --param and --repeat go with --export-sweep FILE");
        return options;
    }
    const std::string flag = viewAsked ? "--export-view" : "--export-sweep";
    try {
        if (viewAsked && parser.isSet(exportSweep))
            throw std::invalid_argument("--export-view and --export-sweep do not go together");
        if (viewAsked && !HeadlessViewExport::views().contains(parser.value(exportView)))
            throw std::invalid_argument("--export-view: no view named '" +
                                        parser.value(exportView).toStdString() + "'; expected one of " +
                                        HeadlessViewExport::views().join(QStringLiteral(", ")).toStdString());
        if (viewAsked && viewFile.isEmpty())
            throw std::invalid_argument("--export-view VIEW needs the FILE to write after it");
        ExportSweepOptions sweep;
        sweep.file = viewAsked ? viewFile : parser.value(exportSweep);
        if (!PlotExporter::supports(sweep.file))
            throw std::invalid_argument(flag + ": the file name must end in .png, .pdf or .svg");
        // Checked before the sweep: a plot that cannot be written must not cost a whole sweep.
        const QFileInfo target(sweep.file);
        const QFileInfo folder(target.absolutePath());
        if (!folder.isDir())
            throw std::invalid_argument(flag + ": cannot write '" + sweep.file.toStdString() +
                                        "': the folder '" + folder.filePath().toStdString() +
                                        "' does not exist");
        if (!folder.isWritable() || target.isDir() || (target.exists() && !target.isWritable()))
            throw std::invalid_argument(flag + ": cannot write '" + sweep.file.toStdString() +
                                        "': permission denied");
        if (!parser.isSet(workload) && !(viewAsked && parser.value(exportView) == QLatin1String("trends")))
            throw std::invalid_argument(flag + " needs --workload NAME");
        auto& r = sweep.request;
        r.workload = parser.value(workload).toStdString();
        r.backend = parser.value(backend).toStdString();
        r.workers = parser.isSet(workers) ? WorkerRange::parse(parser.value(workers).toStdString())
                                          : default_worker_range(r.backend);
        bool ok = false;
        const int repeats = parser.value(repeat).toInt(&ok);
        if (!ok || repeats < 1 || static_cast<unsigned>(repeats) > max_repeats)
            throw std::invalid_argument("--repeat: must be a whole number in 1 .. " +
                                        std::to_string(max_repeats) + ", got '" +
                                        parser.value(repeat).toStdString() + "'");
        r.repeats = static_cast<unsigned>(repeats);
        std::vector<std::string> assignments;
        for (const QString& pair : parser.values(param))
            assignments.push_back(pair.toStdString());
        r.parameters = Parameters::parse_assignments(assignments);
        // The same checks and wording as parlab-cli and the window (trends runs nothing).
        if (!r.workload.empty())
            (void)plan_sweep(r);
        if (viewAsked)
            options.exportView = ExportViewOptions{parser.value(exportView), sweep.file, r};
        else
            options.exportSweep = sweep;
    } catch (const std::exception& error) {
        options.error = QString::fromStdString(error.what());
    }
    return options;
}

bool needs_no_display(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag :
             {"--export-sweep", "--export-view", "--help", "-h", "--version", "-v", "--help-all"}) {
            const std::size_t length = std::strlen(flag);
            if (std::strncmp(argv[i], flag, length) == 0 &&
                (argv[i][length] == '\0' || argv[i][length] == '='))
                return true;
        }
    }
    return false;
}

} // namespace parlab::gui
