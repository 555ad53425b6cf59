#include "cli_observer.h"

namespace parlab {

void CliObserver::on_progress(const SweepProgress& progress)
{
    const std::lock_guard lock(m_mutex);
    m_bar.draw(progress);
}

void CliObserver::on_baseline(const Point& serial)
{
    const std::lock_guard lock(m_mutex);
    m_bar.clear();
    m_format.baseline(serial);
}

void CliObserver::on_point(const Point& point)
{
    const std::lock_guard lock(m_mutex);
    m_bar.clear();
    m_format.point(point);
}

} // namespace parlab
