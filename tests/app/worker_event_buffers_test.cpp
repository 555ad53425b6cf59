#include "worker_event_buffers.h"

#include <QTest>

#include <thread>
#include <vector>

using parlab::TraceEvent;
using parlab::gui::WorkerEventBuffers;

class WorkerEventBuffersTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Workers write while the reader drains: every event arrives once, in each worker's order.
    void everyEventArrivesOnceInOrderWhileDraining()
    {
        constexpr std::uint32_t workers = 4;
        constexpr std::uint32_t per_worker = 50000;
        WorkerEventBuffers buffers(workers, per_worker); // room for all: nothing may be dropped
        std::vector<std::thread> threads;
        for (std::uint32_t w = 0; w < workers; ++w) {
            threads.emplace_back([&buffers, w] {
                for (std::uint32_t task = 0; task < per_worker; ++task) {
                    TraceEvent event;
                    event.worker = w;
                    event.task = task;
                    buffers.record(event);
                }
            });
        }
        std::vector<std::vector<std::uint32_t>> seen(workers);
        const auto collect = [&] {
            for (const TraceEvent& event : buffers.drain())
                seen[event.worker].push_back(event.task);
        };
        std::size_t total = 0;
        while (total < std::size_t{workers} * per_worker) {
            collect();
            total = 0;
            for (const auto& tasks : seen)
                total += tasks.size();
        }
        for (auto& thread : threads)
            thread.join();
        collect();
        QCOMPARE(buffers.dropped(), std::size_t{0});
        for (const auto& tasks : seen) {
            QCOMPARE(tasks.size(), std::size_t{per_worker});
            for (std::uint32_t i = 0; i < per_worker; ++i)
                QCOMPARE(tasks[i], i);
        }
    }

    // A full ring and a worker with no ring drop events, count them, and keep the rest intact.
    void aFullRingDropsTheNewestAndCountsThem()
    {
        WorkerEventBuffers buffers(2, 8);
        for (std::uint32_t task = 0; task < 10; ++task) {
            TraceEvent event;
            event.worker = 1;
            event.task = task;
            buffers.record(event);
        }
        TraceEvent stray;
        stray.worker = 2;
        buffers.record(stray);
        QCOMPARE(buffers.dropped(), std::size_t{3});
        const auto events = buffers.drain();
        QCOMPARE(events.size(), std::size_t{8});
        for (std::uint32_t i = 0; i < 8; ++i)
            QCOMPARE(events[i].task, i);
        QVERIFY(buffers.drain().empty());

        // Drained, the ring has room again, and the slots wrap around.
        for (std::uint32_t task = 100; task < 105; ++task) {
            TraceEvent event;
            event.worker = 1;
            event.task = task;
            buffers.record(event);
        }
        const auto again = buffers.drain();
        QCOMPARE(again.size(), std::size_t{5});
        QCOMPARE(again.front().task, 100u);
        QCOMPARE(again.back().task, 104u);
    }
};

QTEST_MAIN(WorkerEventBuffersTest)
#include "worker_event_buffers_test.moc"
