#pragma once

#include "progress_bar.h"
#include "result_format.h"

#include <mutex>

namespace parlab {

/// Sends a sweep's points to the output format and its progress to the bar, without letting
/// the bar and the rows write over each other.
class CliObserver final : public SweepObserver {
public:
    CliObserver(ResultFormat& format, ProgressBar& bar) : m_format(format), m_bar(bar) {}

    void on_progress(const SweepProgress& progress) override;
    void on_baseline(const Point& serial) override;
    void on_point(const Point& point) override;

private:
    ResultFormat& m_format;
    ProgressBar& m_bar;
    std::mutex m_mutex;
};

} // namespace parlab
