#include "controls/controls_panel.h"
#include "controls/request_check.h"
#include "main_window.h"
#include "run_controller.h"
#include "session/session.h"

#include "sweep/sweep.h"

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

    void aWorkerCountTheBackendRefusesShowsBesideWorkers()
    {
        auto* controls = m_window->controls();
        controls->setWorkload(QStringLiteral("cubes"));
        controls->setBackend(QStringLiteral("serial"));
        controls->setWorkers(3);
        pressAndExpectRefusal("run");

        SweepRequest request;
        request.workload = "cubes";
        request.backend = "serial";
        request.workers = WorkerRange::single(3);
        const QString expected = coreRefusal(request);
        QVERIFY(!expected.isEmpty());
        QLabel* error = shownError(QStringLiteral("workers_error"));
        QVERIFY2(error, "the message shows under the worker count");
        QCOMPARE(error->text(), expected);
        QVERIFY(sitsUnder(error, controls->findChild<QSpinBox*>(QStringLiteral("workers"))));
        QVERIFY(!shownError(QStringLiteral("message")));
        QVERIFY(!shownError(QStringLiteral("sweep_error")));

        // A new worker count makes the message stale: it goes.
        controls->setWorkers(1);
        QVERIFY(!shownError(QStringLiteral("workers_error")));
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
