#include "posted_calls.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using parlab::gui::PostedCalls;

class PostedCallsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Two threads post while the GUI thread runs what arrived: every call runs once, on the GUI
    // thread, each thread's in the order posted, with what it captured intact (in the tsan preset,
    // TSan checks that the hand-over of the captured strings is ordered).
    void callsFromOtherThreadsRunOnThisThreadInOrder()
    {
        PostedCalls calls(nullptr);
        constexpr int per_thread = 2000;
        std::vector<std::vector<int>> seen(2);
        std::vector<bool> onGuiThread;
        std::vector<std::thread> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back([&calls, &seen, &onGuiThread, t] {
                for (int i = 0; i < per_thread; ++i) {
                    auto text = std::make_shared<std::string>(std::to_string(i));
                    calls.post([&seen, &onGuiThread, t, text] {
                        seen[t].push_back(std::stoi(*text));
                        onGuiThread.push_back(QThread::currentThread() ==
                                              QCoreApplication::instance()->thread());
                    });
                }
            });
        }
        QTRY_VERIFY_WITH_TIMEOUT(seen[0].size() + seen[1].size() == 2 * per_thread, 60000);
        for (std::thread& thread : threads)
            thread.join();
        for (const std::vector<int>& one : seen) {
            QCOMPARE(one.size(), std::size_t{per_thread});
            for (int i = 0; i < per_thread; ++i)
                QCOMPARE(one[i], i);
        }
        QVERIFY(std::all_of(onGuiThread.begin(), onGuiThread.end(), [](bool on) { return on; }));
    }

    // Nothing runs on the thread that posts: a call waits for the event loop.
    void aCallWaitsForTheEventLoop()
    {
        PostedCalls calls(nullptr);
        int runs = 0;
        calls.post([&runs] { ++runs; });
        QCOMPARE(runs, 0);
        QTRY_COMPARE(runs, 1);
    }

    // A call that deletes the calls' owner drops the calls posted after it, as Qt drops the
    // queued calls of a deleted object.
    void callsAfterOneThatDeletesTheOwnerAreDropped()
    {
        auto* owner = new QObject;
        auto* calls = new PostedCalls(owner);
        int runs = 0;
        calls->post([&runs, owner] {
            ++runs;
            delete owner;
        });
        calls->post([&runs] { ++runs; });
        QTRY_COMPARE(runs, 1);
        QTest::qWait(50);
        QCOMPARE(runs, 1);
    }
};

QTEST_GUILESS_MAIN(PostedCallsTest)
#include "posted_calls_test.moc"
