#include "export/headless_view_export.h"
#include "launch_options.h"

#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace parlab;
using namespace parlab::gui;

class ExportViewTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    LaunchOptions parse(const QString& view, const QString& file)
    {
        return parse_launch_options(
            {QStringLiteral("parlab"), QStringLiteral("--export-view"), view, file,
             QStringLiteral("--workload"), QStringLiteral("coffee"), QStringLiteral("--workers"),
             QStringLiteral("1:2"), QStringLiteral("--param"), QStringLiteral("students=12"),
             QStringLiteral("--param"), QStringLiteral("seconds=0.001"), QStringLiteral("--param"),
             QStringLiteral("mode=wait"), QStringLiteral("--repeat"), QStringLiteral("1")});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void coffeeWritesAPng()
    {
        const QString file = m_dir.filePath(QStringLiteral("coffee.png"));
        const LaunchOptions options = parse(QStringLiteral("coffee"), file);
        QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
        QVERIFY(options.exportView);
        QCOMPARE(options.exportView->view, QStringLiteral("coffee"));
        QCOMPARE(options.exportView->request.workload, std::string("coffee"));
        QCOMPARE(HeadlessViewExport::run(*options.exportView), 0);
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 2 * 1280);
    }

    void timelineWritesAnSvgAndAPdf()
    {
        for (const QString& name : {QStringLiteral("timeline.svg"), QStringLiteral("timeline.pdf")}) {
            const QString file = m_dir.filePath(name);
            const LaunchOptions options = parse(QStringLiteral("timeline"), file);
            QVERIFY2(options.error.isEmpty(), qPrintable(options.error));
            QVERIFY(options.exportView);
            QCOMPARE(HeadlessViewExport::run(*options.exportView), 0);
            QVERIFY(QFileInfo(file).size() > 0);
        }
    }

    void badViewAndMissingFileAreNamed()
    {
        const LaunchOptions bad = parse(QStringLiteral("teapot"), m_dir.filePath(QStringLiteral("x.png")));
        QVERIFY(bad.error.contains(QStringLiteral("teapot")));
        QVERIFY(!bad.exportView);
        const LaunchOptions noFile = parse_launch_options(
            {QStringLiteral("parlab"), QStringLiteral("--export-view"), QStringLiteral("coffee"),
             QStringLiteral("--workload"), QStringLiteral("coffee")});
        QVERIFY(noFile.error.contains(QStringLiteral("FILE")));
    }
};

QTEST_MAIN(ExportViewTest)
#include "export_view_test.moc"
