#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace parlab::gui {

/// What the window needs to know of a backend: the word for one worker and for many, whether
/// its workers share memory, whether it can ship inputs, and where it sorts. The one place that
/// knows backends by name; when the executor registry states these traits, only this file changes.
struct BackendWords {
    QString one;           ///< "thread"
    QString many;          ///< "threads"
    bool baseline = false; ///< the serial baseline every speedup is measured against
    bool shares_memory = false;
    bool ships_inputs = false; ///< honours "ship inputs": the parent sends each task's inputs
    int order = 0;             ///< the backend's place in the registry; unknown ones sort last
};

/// The words of `backend`; an unknown backend gets its own name for one and many.
BackendWords backend_words(std::string_view backend);

/// The backend the window starts with: the first parallel one whose workers share memory.
std::string default_backend();
/// The first backend that ships inputs to its workers, or the default when none does.
std::string shipping_backend();

} // namespace parlab::gui
