#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace parlab {

/// Where --trace PATH goes, written so that a failed or cancelled run leaves PATH as it was:
/// a regular file (or a name not yet taken) is written to a temporary file beside it and renamed
/// into place by commit(); anything else there (a device such as /dev/null, a FIFO) is opened
/// and written only at commit(). Nothing but the temporary file it made is ever removed.
class TraceOutput {
public:
    /// Checks now that PATH can be written, so a bad path does not cost a whole sweep; throws
    /// std::invalid_argument naming it otherwise.
    explicit TraceOutput(std::string path);
    /// Removes the temporary file unless commit() renamed it into place.
    ~TraceOutput();
    TraceOutput(const TraceOutput&) = delete;
    TraceOutput& operator=(const TraceOutput&) = delete;

    /// The stream to write the trace into (opens the target itself when it is not a file).
    std::ostream& stream();
    /// Finishes the trace and puts it at PATH; throws std::runtime_error naming what failed.
    void commit();

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::string m_target;    ///< m_path with symbolic links followed: the file that gets replaced
    std::string m_temporary; ///< empty when writing the target directly
    std::ofstream m_file;
    bool m_committed = false;
};

} // namespace parlab
