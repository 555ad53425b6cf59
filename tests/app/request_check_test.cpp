#include "controls/controls_panel.h"
#include "controls/request_check.h"
#include "main_window.h"
#include "run_controller.h"
#include "session/session.h"

#include "executors/executor_registry.h"
#include "sweep/sweep.h"

#include <QCheckBox>
#include <QComboBox>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <stdexcept>

using namespace parlab;
using namespace parlab::gui;

namespace {

// What core's plan_sweep says of `request`, word for word.
QString coreRefusal(const SweepRequest& request)
{
    try {
        (void)plan_sweep(request);
    } catch (const std::invalid_argument& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

// True when `label` is the row right under `control` in their form: the message sits beside it.
bool sitsUnder(const QLabel* label, QWidget* control)
{
    auto* form = qobject_cast<QFormLayout*>(label->parentWidget()->layout());
    if (!form)
        return false;
    int row = -1;
    QFormLayout::ItemRole role{};
    form->getWidgetPosition(const_cast<QLabel*>(label), &row, &role);
    if (row < 1)
        return false;
    QLayoutItem* above = form->itemAt(row - 1, QFormLayout::FieldRole);
    return above &&
           (above->widget() == control || (above->layout() && above->layout()->indexOf(control) >= 0));
}

} // namespace

class RequestCheckTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;

    // Presses `button` and checks that nothing started: no request, no run, no record.
    void pressAndExpectRefusal(const char* button)
    {
        auto* controls = m_window->controls();
        QSignalSpy requested(controls, &ControlsPanel::runRequested);
        const std::size_t runs = m_window->session()->runs().size();
        QTest::mouseClick(controls->findChild<QPushButton*>(QString::fromLatin1(button)), Qt::LeftButton);
        QCOMPARE(requested.count(), 0);
        QVERIFY(!m_window->controller()->isRunning());
        QCOMPARE(m_window->session()->runs().size(), runs);
    }

    QLabel* shownError(const QString& name)
    {
        auto* label = m_window->controls()->findChild<QLabel*>(name);
        return label && label->isVisibleTo(m_window->controls()) ? label : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_window = std::make_unique<MainWindow>();
    }

    // The worker box takes what the backend's registry entry allows, and the ship-inputs box is
    // enabled only for a backend whose traits say it ships inputs; the list shows display names.
    void theControlsFollowTheBackendsTraits()
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("cubes"));
        auto* workers = controls->findChild<QSpinBox*>(QStringLiteral("workers"));
        auto* ship = controls->findChild<QCheckBox*>(QStringLiteral("ship_inputs"));
        auto* backends = controls->findChild<QComboBox*>(QStringLiteral("backend"));
        QVERIFY(workers && ship && backends);
        QCOMPARE(backends->count(), static_cast<int>(ExecutorRegistry::all().size()));
        for (const auto& info : ExecutorRegistry::all()) {
            const QString name = QString::fromStdString(info.name);
            controls->setBackend(name);
            QCOMPARE(backends->currentData().toString(), name);
            QCOMPARE(backends->currentText(),
                     QString::fromUtf8(info.traits.display_name.data(),
                                       static_cast<qsizetype>(info.traits.display_name.size())));
            QCOMPARE(static_cast<std::size_t>(workers->maximum()), info.max_workers());
            QCOMPARE(ship->isEnabled(), info.traits.ships_inputs);
        }
        QCOMPARE(backends->itemText(backends->findData(QStringLiteral("cluster"))),
                 QStringLiteral("cluster (MPI)"));
        controls->setBackend(QStringLiteral("serial"));
        controls->setWorkers(3);
        QCOMPARE(workers->value(), 1);
        controls->setBackend(QStringLiteral("threads"));
        controls->setWorkers(3);
        QCOMPARE(workers->value(), 3);
    }

    // Beside the ship-inputs box, how: the socket or shared memory, which the request carries.
    void theShipViaChoiceReachesTheRequest()
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("cubes"));
        controls->setBackend(QStringLiteral("processes"));
        controls->setWorkers(2);
        auto* ship = controls->findChild<QCheckBox*>(QStringLiteral("ship_inputs"));
        auto* via = controls->findChild<QComboBox*>(QStringLiteral("ship_via"));
        QVERIFY(ship && via);
        ship->setChecked(false);
        QVERIFY(!via->isEnabled());
        ship->setChecked(true);
        QVERIFY(via->isEnabled());
        via->setCurrentIndex(via->findData(QStringLiteral("shm")));
        QCOMPARE(via->currentText(), QStringLiteral("shared memory"));
        auto request = controls->request(false);
        QVERIFY(request);
        QVERIFY(request->sweep.ship_inputs);
        QVERIFY(request->sweep.ship_via == ShipVia::Shm);
        via->setCurrentIndex(via->findData(QStringLiteral("socket")));
        request = controls->request(false);
        QVERIFY(request && request->sweep.ship_via == ShipVia::Socket);
        controls->setBackend(QStringLiteral("threads"));
        QVERIFY(!via->isEnabled());
        ship->setChecked(false);
    }

    void aWorkerCountTheBackendRefusesShowsBesideTheRange()
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("cubes"));
        controls->setBackend(QStringLiteral("serial"));
        controls->setSweepRange(QStringLiteral("1:3"));
        pressAndExpectRefusal("sweep");

        SweepRequest request;
        request.workload = "cubes";
        request.backend = "serial";
        request.workers = WorkerRange::parse("1:3");
        const QString expected = coreRefusal(request);
        QVERIFY(!expected.isEmpty());
        QLabel* error = shownError(QStringLiteral("sweep_error"));
        QVERIFY2(error, "the message shows under the sweep range");
        QCOMPARE(error->text(), expected);
        QVERIFY(sitsUnder(error, controls->findChild<QLineEdit*>(QStringLiteral("sweep_range"))));
        QVERIFY(!shownError(QStringLiteral("message")));
        QVERIFY(!shownError(QStringLiteral("workers_error")));

        // Another backend makes the message stale: it goes.
        controls->setBackend(QStringLiteral("threads"));
        QVERIFY(!shownError(QStringLiteral("sweep_error")));
    }

    void aSweepRangeTooWideShowsBesideTheRange()
    {
        auto* controls = m_window->controls();
        controls->setBackend(QStringLiteral("threads"));
        controls->setSweepRange(QStringLiteral("1:100000"));
        pressAndExpectRefusal("sweep");

        SweepRequest request;
        request.workload = "cubes";
        request.workers = WorkerRange::parse("1:100000");
        QLabel* error = shownError(QStringLiteral("sweep_error"));
        QVERIFY(error);
        QCOMPARE(error->text(), coreRefusal(request));
        QVERIFY(sitsUnder(error, controls->findChild<QLineEdit*>(QStringLiteral("sweep_range"))));
        QVERIFY(!shownError(QStringLiteral("workers_error")));
    }

    void aBadParameterShowsBesideThatParameter()
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("unbalanced"));
        controls->setBackend(QStringLiteral("threads"));
        controls->setWorkers(2);
        controls->setParameters({{"durations", "1,x,2"}});
        pressAndExpectRefusal("run");

        SweepRequest request;
        request.workload = "unbalanced";
        request.parameters = {{"durations", "1,x,2"}};
        const QString expected = coreRefusal(request);
        QVERIFY(!expected.isEmpty());
        QLabel* error = shownError(QStringLiteral("param_durations_error"));
        QVERIFY2(error, "the message shows under the parameter");
        QCOMPARE(error->text(), expected);
        QVERIFY(sitsUnder(error, controls->findChild<QWidget*>(QStringLiteral("param_durations"))));
        QVERIFY(!shownError(QStringLiteral("workers_error")));
        QVERIFY(!shownError(QStringLiteral("message")));
    }

    void aGoodRequestStillRuns()
    {
        auto* controls = m_window->controls();
        controls->setParameters({{"durations", "0.001,0.002"}, {"scale", "1"}});
        QSignalSpy idle(m_window->controller(), &RunController::idle);
        QTest::mouseClick(controls->findChild<QPushButton*>(QStringLiteral("run")), Qt::LeftButton);
        QVERIFY(m_window->controller()->isRunning());
        QVERIFY(!shownError(QStringLiteral("param_durations_error")));
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() == 1, 60000);
        QCOMPARE(m_window->session()->runs().size(), std::size_t{1});
    }

    // Fields the panel's spin boxes keep in range are still told apart, with core's words.
    void eachFieldIsFoundWithoutReadingTheMessage_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("repeats") << int(RequestField::Repeats) << QString();
        QTest::newRow("chunk") << int(RequestField::Chunk) << QString();
        QTest::newRow("workers") << int(RequestField::Workers) << QString();
        QTest::newRow("parameter") << int(RequestField::Parameter) << QStringLiteral("n");
        QTest::newRow("unknown parameter") << int(RequestField::Parameter) << QStringLiteral("frobnicate");
        QTest::newRow("worker range") << int(RequestField::Workers) << QString();
        QTest::newRow("backend") << int(RequestField::Other) << QString();
        QTest::newRow("workload") << int(RequestField::Other) << QString();
    }

    void eachFieldIsFoundWithoutReadingTheMessage()
    {
        QFETCH(int, field);
        QFETCH(QString, parameter);
        SweepRequest request;
        request.workload = "cubes";
        const QByteArray row = QTest::currentDataTag();
        if (row == "repeats")
            request.repeats = 0;
        else if (row == "chunk")
            request.chunk = 1'000'000'000;
        else if (row == "workers")
            request.workers = WorkerRange::single(100000);
        else if (row == "parameter")
            request.parameters = {{"n", "-5"}};
        else if (row == "unknown parameter")
            request.parameters = {{"frobnicate", "1"}};
        else if (row == "worker range")
            request.workers = WorkerRange::parse("1:100000");
        else if (row == "backend")
            request.backend = "mpi";
        else
            request.workload = "no-such-workload";
        const auto problem = check_request(request);
        QVERIFY(problem);
        QCOMPARE(int(problem->field), field);
        QCOMPARE(QString::fromStdString(problem->parameter), parameter);
        QCOMPARE(problem->message, coreRefusal(request));
    }

    void cleanupTestCase() { m_window.reset(); }
};

QTEST_MAIN(RequestCheckTest)
#include "request_check_test.moc"
