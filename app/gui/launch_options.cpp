#include "launch_options.h"

#include "backend_words.h"
#include "export/plot_exporter.h"

#include "sweep/sweep.h"
#include "workloads/parameters.h"

#include <QCommandLineParser>

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
    const QCommandLineOption presentation(QStringLiteral("presentation"), QStringLiteral("Start in presentation mode."));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Open on the tab NAME (speedup, core-load, trends, timeline, costs)."),
                                 QStringLiteral("NAME"));
    const QCommandLineOption demo(QStringLiteral("demo-sweep"), QStringLiteral("Start a small sweep at launch."));
    const QCommandLineOption exportSweep(QStringLiteral("export-sweep"),
                                         QStringLiteral("Run a sweep with no window and write its speedup plot "
                                                        "to FILE (.png, .pdf or .svg)."),
                                         QStringLiteral("FILE"));
    const QCommandLineOption workload(QStringLiteral("workload"), QStringLiteral("With --export-sweep: the workload."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption backend(QStringLiteral("backend"), QStringLiteral("With --export-sweep: the backend."),
                                     QStringLiteral("B"), QString::fromStdString(default_backend()));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("With --export-sweep: worker counts (N, lo:hi, lo:hi:*2, auto)."),
                                     QStringLiteral("RANGE"), QStringLiteral("auto"));
    const QCommandLineOption param(QStringLiteral("param"), QStringLiteral("With --export-sweep: a workload parameter."),
                                   QStringLiteral("K=V"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("With --export-sweep: repeats per point."),
                                    QStringLiteral("R"), QStringLiteral("3"));
    const QCommandLineOption lesson(QStringLiteral("lesson"), QStringLiteral("Open the lesson NAME (see the Lessons menu)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption runLesson(QStringLiteral("run"), QStringLiteral("With --lesson: run it at once."));
    const QCommandLineOption reduced(QStringLiteral("reduced"), QStringLiteral("With --lesson: at its reduced (quick) size."));
    parser.addOptions({presentation, tab, demo, exportSweep, workload, backend, workers, param, repeat, lesson, runLesson,
                       reduced});

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
    if (!parser.positionalArguments().isEmpty()) {
        options.error = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return options;
    }
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

    const bool sweepOnly = parser.isSet(workload) || parser.isSet(param) || parser.isSet(backend) ||
                           parser.isSet(workers) || parser.isSet(repeat);
    if (!parser.isSet(exportSweep)) {
        if (sweepOnly)
            options.error = QStringLiteral("--workload, --backend, --workers, --param and --repeat go with --export-sweep FILE");
        return options;
    }
    try {
        ExportSweepOptions sweep;
        sweep.file = parser.value(exportSweep);
        if (!PlotExporter::supports(sweep.file))
            throw std::invalid_argument("--export-sweep: the file name must end in .png, .pdf or .svg");
        if (!parser.isSet(workload))
            throw std::invalid_argument("--export-sweep needs --workload NAME");
        auto& r = sweep.request;
        r.workload = parser.value(workload).toStdString();
        r.backend = parser.value(backend).toStdString();
        r.workers = parser.isSet(workers) ? WorkerRange::parse(parser.value(workers).toStdString())
                                          : default_worker_range(r.backend);
        bool ok = false;
        const int repeats = parser.value(repeat).toInt(&ok);
        if (!ok || repeats < 1)
            throw std::invalid_argument("--repeat must be a whole number in 1 .. " + std::to_string(max_repeats) +
                                        ", got '" + parser.value(repeat).toStdString() + "'");
        r.repeats = static_cast<unsigned>(repeats);
        std::vector<std::string> assignments;
        for (const QString& pair : parser.values(param))
            assignments.push_back(pair.toStdString());
        r.parameters = Parameters::parse_assignments(assignments);
        // The same checks and wording as parlab-cli and the window.
        (void)plan_sweep(r);
        options.exportSweep = sweep;
    } catch (const std::exception& error) {
        options.error = QString::fromStdString(error.what());
    }
    return options;
}

bool needs_no_display(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"--export-sweep", "--help", "-h", "--version", "-v", "--help-all"}) {
            const std::size_t length = std::strlen(flag);
            if (std::strncmp(argv[i], flag, length) == 0 && (argv[i][length] == '\0' || argv[i][length] == '='))
                return true;
        }
    }
    return false;
}

} // namespace parlab::gui
