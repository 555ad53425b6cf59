#include "controls/controls_panel.h"
#include "main_window.h"
#include "session/session.h"
#include "session/session_file.h"
#include "start_session.h"

#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace parlab;
using namespace parlab::gui;

// `parlab FILE.json` opens the session at start; a file that is refused leaves an empty window
// and says why.
class StartSessionTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    static RunRecord run()
    {
        RunRecord record;
        record.request.workload = "cubes";
        record.request.backend = "threads";
        record.request.workers = WorkerRange::parse("2");
        record.request.repeats = 1;
        Point p;
        p.workload = "cubes";
        p.backend = "threads";
        p.workers = 2;
        p.tasks = 64;
        p.repeats = 1;
        p.wall_s = p.wall_s_min = p.wall_s_max = 0.1;
        p.speedup = 1.8;
        p.efficiency = 0.9;
        p.checksum.value = "1";
        record.points.push_back(p);
        return record;
    }

    static QLabel* message(MainWindow& window)
    {
        auto* label = window.controls()->findChild<QLabel*>(QStringLiteral("message_error"));
        return label && label->isVisibleTo(window.controls()) ? label : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void aGoodFileOpens()
    {
        MainWindow window;
        const QString path = write(QStringLiteral("good.json"), SessionFile::toJson({run(), run()}));
        QVERIFY(!path.isEmpty());
        QCOMPARE(open_start_session(window, path), QString());
        QCOMPARE(window.session()->runs().size(), std::size_t{2});
        QVERIFY(!message(window));
    }

    void aRefusedFileLeavesAnEmptyWindowAndTheMessage_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("workers") << QByteArray("\"workers\": 2,") << QByteArray("\"workers\": 1e7,")
                                 << "points[0].workers";
        QTest::newRow("backend") << QByteArray("\"backend\": \"threads\"")
                                 << QByteArray("\"backend\": \"mpi\"") << "backend 'mpi' is not a backend";
        QTest::newRow("version") << QByteArray("\"version\": 1") << QByteArray("\"version\": \"1\"")
                                 << "\"version\" must be the number 1";
    }

    void aRefusedFileLeavesAnEmptyWindowAndTheMessage()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, mentions);
        QByteArray text = SessionFile::toJson({run()});
        QVERIFY2(text.contains(from), text.constData());
        text.replace(from, to);
        const QString path = write(QStringLiteral("refused.json"), text);
        MainWindow window;
        window.show();
        const QString error = open_start_session(window, path);
        QVERIFY2(error.contains(mentions), qPrintable(error));
        QVERIFY(error.contains(path));
        QVERIFY(window.session()->runs().empty());
        QLabel* shown = message(window);
        QVERIFY(shown);
        QCOMPARE(shown->text(), error);
        QCOMPARE(window.statusBar()->currentMessage(), error);
    }

    void aMissingFileSaysSo()
    {
        MainWindow window;
        const QString path = m_dir.filePath(QStringLiteral("no-such.json"));
        const QString error = open_start_session(window, path);
        QVERIFY2(error.contains(QStringLiteral("could not read")), qPrintable(error));
        QVERIFY(window.session()->runs().empty());
    }
};

QTEST_MAIN(StartSessionTest)
#include "start_session_test.moc"
