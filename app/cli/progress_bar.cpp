#include "progress_bar.h"

#include "text/text_units.h"

#include <string>

#include <unistd.h>

namespace parlab {
namespace {

constexpr int bar_width = 28;

} // namespace

ProgressBar::ProgressBar(std::FILE* out) : m_out(out), m_enabled(isatty(fileno(out)) == 1)
{
}

void ProgressBar::draw(const SweepProgress& progress)
{
    if (!m_enabled || progress.tasks_total == 0)
        return;
    const double fraction =
        static_cast<double>(progress.tasks_done) / static_cast<double>(progress.tasks_total);
    const int filled = static_cast<int>(fraction * bar_width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(bar_width - filled), '.');
    const std::string eta = progress.eta_s < 0.0 ? std::string("…") : duration_text(progress.eta_s);
    // \033[K erases what a longer previous line left behind.
    std::fprintf(m_out, "\r[%s] %zu/%zu tasks  %s W=%zu  ETA %s\033[K", bar.c_str(), progress.tasks_done,
                 progress.tasks_total, progress.backend.c_str(), progress.workers, eta.c_str());
    std::fflush(m_out);
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (!m_enabled || !m_drawn)
        return;
    std::fputs("\r\033[K", m_out);
    std::fflush(m_out);
    m_drawn = false;
}

} // namespace parlab
