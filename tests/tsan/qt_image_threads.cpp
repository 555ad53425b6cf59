// Qt alone, with no parlab code: a plot-sized image scaled, converted and saved as PNG on the main
// thread, as every PNG export of the window does. Qt 6.4 splits such images over its own thread
// pool (QThreadPoolPrivate::enqueueTask, QRunnable::create) and waits for the parts with a
// QSemaphore inside libQt6Core, which Debian does not build with ThreadSanitizer; so TSan sees
// the pool's threads write memory the main thread later frees, and reports races (4 to 6 a run
// on Debian 12) that are Qt's hand-over, not parlab's. The same reports came from
// ExportBundle::write and the trends view's test; .ci/tsan.supp's called_from_lib lines are what
// hides them (0 reports with TSAN_OPTIONS=suppressions=.ci/tsan.supp). Build and run by hand:
//
//   Q=/usr/include/x86_64-linux-gnu/qt6
//   clang++-14 -std=c++20 -fsanitize=thread -g -fPIC -I$Q -I$Q/QtCore -I$Q/QtGui \
//       tests/tsan/qt_image_threads.cpp -o qt_image_threads -lQt6Gui -lQt6Core
//   QT_QPA_PLATFORM=offscreen ./qt_image_threads 2>&1 | grep -c 'WARNING: ThreadSanitizer'
#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter(&image).drawEllipse(100, 100, 800, 600);
    for (int i = 0; i < 3; ++i) {
        const QImage scaled = image.scaled(3200, 2000, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QImage converted = scaled.convertToFormat(QImage::Format_RGB32);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        converted.save(&buffer, "PNG");
    }
    return 0;
}
