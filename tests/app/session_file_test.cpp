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
        run.request.parameters = {{"n", "1000"}, {"seed", "7"}};
        run.request.backend = "threads";
        run.request.workers = WorkerRange::parse("1:3");
        run.request.repeats = 2;
        run.request.chunk = 4;
        run.request.schedule = Schedule::Static;
        run.has_serial = true;
        run.serial.workload = "cubes";
        run.serial.backend = "serial";
        run.serial.workers = 1;
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

    void refusesMalformedJson()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SessionFile::fromJson("{\"format\": \"parlab-session\", "));
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
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
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

    void refusesABadWorkerRange()
    {
        QByteArray text = SessionFile::toJson({sample()});
        text.replace("\"1:3\"", "\"3:1\"");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SessionFile::fromJson(text));
    }
};

QTEST_GUILESS_MAIN(SessionFileTest)
#include "session_file_test.moc"
