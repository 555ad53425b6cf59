#include "session/session_file.h"

#include <QTest>

#include <stdexcept>

using namespace parlab;
using namespace parlab::gui;

class SessionFileTest : public QObject {
    Q_OBJECT

private:
    static RunRecord sample()
    {
        RunRecord run;
        run.request.workload = "cubes";
        run.request.parameters = {{"n", "1000"}};
        run.request.backend = "threads";
        run.request.workers = WorkerRange::parse("1:3");
        run.request.repeats = 2;
        run.request.chunk = 4;
        run.request.schedule = Schedule::Static;
        run.has_serial = true;
        run.serial.workload = "cubes";
        run.serial.backend = "serial";
        run.serial.workers = 1;
        run.serial.repeats = 2;
        run.serial.wall_s = 0.5;
        run.serial.speedup = 1.0;
        for (std::size_t w = 1; w <= 3; ++w) {
            Point p;
            p.workload = "cubes";
            p.backend = "threads";
            p.workers = w;
            p.tasks = 64;
            p.repeats = 2;
            p.wall_s = 0.5 / static_cast<double>(w);
            p.wall_s_min = p.wall_s * 0.9;
            p.wall_s_max = p.wall_s * 1.1;
            p.speedup = static_cast<double>(w) * 0.95;
            p.efficiency = 0.95;
            p.karp_flatt = 0.01 * static_cast<double>(w);
            p.costs.compute_s = 0.25;
            p.costs.bytes_sent = 123456789012ULL;
            p.checksum.value = "340282366920938463463374607431768211455";
            p.checksum.extra["checksum_max"] = "42";
            run.points.push_back(p);
        }
        return run;
    }

    static QByteArray nestedFile()
    {
        return R"({"format": "parlab-session", "version": 1, "runs": [{"request": {"workload": "cubes", )"
               R"("backend": "processes", "workers": "3", "repeats": 1, "chunk": 0, "schedule": "dynamic", )"
               R"("ship_inputs": true, "parameters": {"n": "1000000"}}, "points": [{"workload": "cubes", )"
               R"("backend": "processes", "workers": 3, "tasks": 64, "repeats": 1, "wall_s": 0.18518518518518517, )"
               R"("wall_s_min": 0.18148148148148147, "wall_s_max": 0.18888888888888888, "speedup": 2.7, )"
               R"("efficiency": 0.9, "karp_flatt": 0.02, "costs": {"startup_s": 0.001, "ship_s": 0.0, )"
               R"("compute_s": 0.4, "teardown_s": 0.0005, "bytes_sent": 4096, "bytes_received": 0}, )"
               R"("checksum": {"value": "1234567890", "extra": {"checksum_max": "17.5"}}}]}]})";
    }

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        const std::vector<RunRecord> runs{sample()};
        const auto loaded = SessionFile::fromJson(SessionFile::toJson(runs));
        QCOMPARE(loaded.size(), std::size_t{1});
        const auto& a = runs[0];
        const auto& b = loaded[0];
        QCOMPARE(b.request.workload, a.request.workload);
        QVERIFY(b.request.parameters == a.request.parameters);
        QCOMPARE(b.request.workers.text(), a.request.workers.text());
        QCOMPARE(b.request.repeats, a.request.repeats);
        QCOMPARE(b.request.chunk, a.request.chunk);
        QVERIFY(b.request.schedule == Schedule::Static);
        QVERIFY(b.has_serial);
        QCOMPARE(b.serial.wall_s, a.serial.wall_s);
        QCOMPARE(b.points.size(), a.points.size());
        for (std::size_t i = 0; i < a.points.size(); ++i) {
            QCOMPARE(b.points[i].workers, a.points[i].workers);
            QCOMPARE(b.points[i].speedup, a.points[i].speedup);
            QCOMPARE(b.points[i].wall_s_min, a.points[i].wall_s_min);
            QCOMPARE(b.points[i].karp_flatt, a.points[i].karp_flatt);
            QCOMPARE(b.points[i].costs.bytes_sent, a.points[i].costs.bytes_sent);
            QVERIFY(b.points[i].checksum == a.points[i].checksum);
        }
    }

    // How inputs were shipped comes back; a file from before shared memory shipped on the socket.
    void shipViaRoundTripsAndDefaultsToTheSocket()
    {
        RunRecord run = sample();
        run.request.backend = "processes";
        run.request.ship_inputs = true;
        run.request.ship_via = ShipVia::Shm;
        const QByteArray text = SessionFile::toJson({run});
        QVERIFY(text.contains("\"ship_via\": \"shm\""));
        const auto loaded = SessionFile::fromJson(text);
        QVERIFY(loaded[0].request.ship_inputs);
        QVERIFY(loaded[0].request.ship_via == ShipVia::Shm);
        QVERIFY(SessionFile::fromJson(nestedFile())[0].request.ship_via == ShipVia::Socket);
    }

    void refusesMalformedJson()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 SessionFile::fromJson("{\"format\": \"parlab-session\", "));
    }

    void refusesForeignJson()
    {
        try {
            (void)SessionFile::fromJson(R"({"name": "package.json", "version": "1.0.0"})");
            QFAIL("a foreign file was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains("parlab-session"));
        }
    }

    void refusesNewerVersion()
    {
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            SessionFile::fromJson(R"({"format": "parlab-session", "version": 2, "runs": []})"));
    }

    void refusesAPointWithAMissingField()
    {
        QByteArray text = SessionFile::toJson({sample()});
        text.replace("\"wall_s_max\"", "\"wall_s_maximum\"");
        try {
            (void)SessionFile::fromJson(text);
            QFAIL("a point without wall_s_max was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains("wall_s_max"));
        }
    }

    void refusesACountTooLargeForItsType()
    {
        // Found by fuzz_session_file: 1e30 bytes was cast to std::size_t, which is undefined
        // behaviour (UBSan stops the asan preset's run of this test without the check).
        QByteArray text = SessionFile::toJson({sample()});
        text.replace("123456789012", "1e30");
        try {
            (void)SessionFile::fromJson(text);
            QFAIL("a point with 1e30 bytes sent was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains("bytes_sent"));
        }
    }

    // A file of the first layout (costs and checksum as nested objects), as parlab wrote it before
    // points went through core's report path: it still loads, every field in place.
    void loadsTheNestedLayoutOfEarlierFiles()
    {
        const auto runs = SessionFile::fromJson(nestedFile());
        QCOMPARE(runs.size(), std::size_t{1});
        QCOMPARE(runs[0].points.size(), std::size_t{1});
        const Point& p = runs[0].points[0];
        QCOMPARE(p.backend, std::string("processes"));
        QCOMPARE(p.workers, std::size_t{3});
        QCOMPARE(p.costs.startup_s, 0.001);
        QCOMPARE(p.costs.bytes_sent, std::uint64_t{4096});
        QCOMPARE(p.checksum.value, std::string("1234567890"));
        QCOMPARE(p.checksum.extra.at("checksum_max"), std::string("17.5"));
        QVERIFY(runs[0].request.ship_inputs);
        // Written again, it is the report path's flat point, at the same version.
        const QByteArray again = SessionFile::toJson(runs);
        QVERIFY(again.contains("\"version\": 1"));
        QVERIFY(again.contains("\"bytes_sent\": 4096"));
        QCOMPARE(SessionFile::fromJson(again)[0].points[0].checksum, p.checksum);
    }

    // Each field of a loaded session is held to the limits of a request, and the message names it.
    void refusesFieldsOutsideARequestsLimits_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("workers 1e7") << QByteArray("\"workers\": 3,") << QByteArray("\"workers\": 1e7,")
                                     << "runs[0].points[0].workers must be in 1 .. ";
        QTest::newRow("workers 10000000")
            << QByteArray("\"workers\": 3,") << QByteArray("\"workers\": 10000000,")
            << "runs[0].points[0].workers must be in 1 .. ";
        QTest::newRow("point repeats 2^32")
            << QByteArray("\"repeats\": 1, \"wall_s\"") << QByteArray("\"repeats\": 4294967296, \"wall_s\"")
            << "runs[0].points[0].repeats 4294967296 is too large";
        QTest::newRow("request repeats 2^32")
            << QByteArray("\"repeats\": 1, \"chunk\"") << QByteArray("\"repeats\": 4294967296, \"chunk\"")
            << "runs[0].request.repeats must be in 1 .. 1000, got 4294967296";
        QTest::newRow("negative wall_s_max")
            << QByteArray("\"wall_s_max\": 0.18888888888888888") << QByteArray("\"wall_s_max\": -0.1")
            << "runs[0].points[0].wall_s_max must be a time of 0 s or more";
        QTest::newRow("workload nope")
            << QByteArray("\"workload\": \"cubes\", \"backend\": \"processes\", \"workers\": 3")
            << QByteArray("\"workload\": \"nope\", \"backend\": \"processes\", \"workers\": 3")
            << "runs[0].points[0].workload 'nope' is not a workload";
        QTest::newRow("backend mpi") << QByteArray("\"backend\": \"processes\", \"workers\": \"3\"")
                                     << QByteArray("\"backend\": \"mpi\", \"workers\": \"3\"")
                                     << "runs[0].request.backend 'mpi' is not a backend";
        QTest::newRow("parameter out of range")
            << QByteArray("\"n\": \"1000000\"") << QByteArray("\"n\": \"-5\"")
            << "runs[0].request.parameters are wrong: parameter 'n'";
        QTest::newRow("long workload name")
            << QByteArray("\"workload\": \"cubes\", \"backend\": \"processes\", \"workers\": 3")
            << "\"workload\": \"" + QByteArray(100000, 'w') + "\", \"backend\": \"processes\", \"workers\": 3"
            << "runs[0].points[0].workload is 100000 characters long (at most 256)";
        QTest::newRow("ship_via bogus")
            << QByteArray("\"ship_inputs\": true,")
            << QByteArray("\"ship_inputs\": true, \"ship_via\": \"bogus\",")
            << "runs[0].request: inputs are shipped via socket | shm, got 'bogus'";
        QTest::newRow("version as text") << QByteArray("\"version\": 1") << QByteArray("\"version\": \"1\"")
                                         << "\"version\" must be the number 1, not \"1\"";
    }

    void refusesFieldsOutsideARequestsLimits()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, mentions);
        QByteArray text = nestedFile();
        QVERIFY2(text.contains(from), from.constData());
        text.replace(from, to);
        try {
            (void)SessionFile::fromJson(text);
            QFAIL("the file was accepted");
        } catch (const std::invalid_argument& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(mentions), qPrintable(message));
            QVERIFY2(message.size() < 400, "the message does not quote what is too long");
            QVERIFY(!message.contains(QStringLiteral("this parlab reads version 1")));
        }
    }

    void refusesAFileLargerThanTheCap()
    {
        // A 50 MB workload name: refused by its size before it is parsed.
        QByteArray text = nestedFile();
        text.replace("\"workload\": \"cubes\", \"backend\": \"processes\", \"workers\": 3",
                     "\"workload\": \"" + QByteArray(50'000'000, 'w') +
                         "\", \"backend\": \"processes\", \"workers\": 3");
        try {
            (void)SessionFile::fromJson(text);
            QFAIL("a 50 MB session was accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY2(QString::fromUtf8(error.what())
                         .contains(QStringLiteral("more than the 16 MiB a session may have")),
                     error.what());
        }
    }

    void refusesABadWorkerRange()
    {
        QByteArray text = SessionFile::toJson({sample()});
        text.replace("\"1:3\"", "\"3:1\"");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SessionFile::fromJson(text));
    }
};

QTEST_GUILESS_MAIN(SessionFileTest)
#include "session_file_test.moc"
