#include "launch_options.h"

#include <QTest>

using namespace parlab::gui;

class LaunchOptionsTest : public QObject {
    Q_OBJECT

private:
    static LaunchOptions parse(QStringList args)
    {
        args.prepend(QStringLiteral("parlab"));
        return parse_launch_options(args);
    }

private Q_SLOTS:
    void windowFlags()
    {
        const auto options = parse({"--presentation", "--tab", "trends", "--demo-sweep"});
        QVERIFY(options.error.isEmpty());
        QVERIFY(options.presentation);
        QVERIFY(options.demoSweep);
        QCOMPARE(options.tab, QStringLiteral("trends"));
        QVERIFY(!options.exportSweep);
    }

    // `parlab FILE.json`, as the .desktop entry's %f passes it.
    void aFileArgumentIsASessionToOpen()
    {
        const auto options = parse({"--tab", "costs", "/home/class/monday.json"});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QCOMPARE(options.sessionFile, QStringLiteral("/home/class/monday.json"));
        QCOMPARE(options.tab, QStringLiteral("costs"));
        QVERIFY(parse({}).sessionFile.isEmpty());
    }

    void exportSweepParsesEverything()
    {
        const auto options =
            parse({"--export-sweep", "out.svg", "--workload", "coffee", "--backend", "threads", "--workers",
                   "1:3", "--param", "seconds=0.001", "--param", "students=8", "--repeat", "2"});
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QVERIFY(options.exportSweep);
        const auto& r = options.exportSweep->request;
        QCOMPARE(options.exportSweep->file, QStringLiteral("out.svg"));
        QCOMPARE(r.workload, std::string("coffee"));
        QCOMPARE(r.backend, std::string("threads"));
        QCOMPARE(r.workers.text(), std::string("1:3"));
        QCOMPARE(r.repeats, 2u);
        QCOMPARE(r.parameters.at("seconds"), std::string("0.001"));
        QCOMPARE(r.parameters.at("students"), std::string("8"));
    }

    void badArgumentsGiveOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("extension") << QStringList{"--export-sweep", "out.gif", "--workload", "coffee"}
                                   << "png";
        QTest::newRow("no workload") << QStringList{"--export-sweep", "out.png"} << "--workload";
        QTest::newRow("workload") << QStringList{"--export-sweep", "out.png", "--workload", "tea"} << "tea";
        QTest::newRow("backend") << QStringList{"--export-sweep", "out.png",   "--workload",
                                                "coffee",         "--backend", "gpu"}
                                 << "gpu";
        QTest::newRow("workers") << QStringList{"--export-sweep", "out.png",   "--workload",
                                                "coffee",         "--workers", "x"}
                                 << "x";
        QTest::newRow("param form") << QStringList{"--export-sweep", "out.png", "--workload",
                                                   "coffee",         "--param", "s"}
                                    << "KEY=VALUE";
        QTest::newRow("param range") << QStringList{"--export-sweep", "out.png", "--workload",
                                                    "coffee",         "--param", "seconds=-1"}
                                     << "seconds";
        QTest::newRow("repeat") << QStringList{"--export-sweep", "out.png",  "--workload",
                                               "coffee",         "--repeat", "0"}
                                << "--repeat";
        QTest::newRow("repeat word") << QStringList{"--export-sweep", "out.png",  "--workload",
                                                    "coffee",         "--repeat", "abc"}
                                     << "--repeat: must be a whole number in 1 .. ";
        QTest::newRow("negative workers")
            << QStringList{"--export-sweep", "out.png", "--workload", "coffee", "--workers", "-1"}
            << "at least 1, got -1";
        // Refused before the sweep runs, not after it.
        QTest::newRow("folder") << QStringList{"--export-sweep", "/nonexistent-dir/a.png", "--workload",
                                               "coffee"}
                                << "the folder '/nonexistent-dir' does not exist";
        QTest::newRow("unknown") << QStringList{"--frobnicate"} << "frobnicate";
        QTest::newRow("orphan") << QStringList{"--workload", "coffee"} << "--export-sweep";
        QTest::newRow("two files") << QStringList{"a.json", "b.json"} << "b.json";
        QTest::newRow("file with export")
            << QStringList{"a.json", "--export-sweep", "out.png", "--workload", "coffee"} << "session file";
    }

    void badArgumentsGiveOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const auto options = parse(args);
        QVERIFY(!options.exportSweep);
        QVERIFY2(options.error.contains(mentions), qPrintable(options.error));
        QVERIFY(!options.error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(LaunchOptionsTest)
#include "launch_options_test.moc"
