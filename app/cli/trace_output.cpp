#include "trace_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace parlab {

namespace {

std::string cannot_write(const std::string& path, int error)
{
    return "cannot write the trace file '" + path + "': " + std::strerror(error);
}

} // namespace

TraceOutput::TraceOutput(std::string path) : m_path(std::move(path))
{
    namespace fs = std::filesystem;
    std::error_code error;
    // A link is followed: what it points at is replaced, the link stays.
    const fs::path target = fs::weakly_canonical(fs::path(m_path), error);
    m_target = error ? m_path : target.string();
    const fs::file_status status = fs::status(m_target, error);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        // A device or a FIFO cannot be replaced by a rename, and must never be removed.
        if (fs::is_directory(status))
            throw std::invalid_argument(cannot_write(m_path, EISDIR));
        if (::access(m_target.c_str(), W_OK) != 0)
            throw std::invalid_argument(cannot_write(m_path, errno));
        return;
    }
    fs::path folder = fs::path(m_target).parent_path();
    if (folder.empty())
        folder = ".";
    std::string pattern = (folder / ("." + fs::path(m_target).filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw std::invalid_argument(cannot_write(m_path, errno));
    // mkstemp makes 0600; a trace is as readable as any file the user creates.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    ::close(fd);
    m_temporary = pattern;
    m_file.open(m_temporary, std::ios::out | std::ios::trunc);
    if (!m_file)
        throw std::invalid_argument(cannot_write(m_path, errno));
}

TraceOutput::~TraceOutput()
{
    if (!m_committed && !m_temporary.empty()) {
        m_file.close();
        ::unlink(m_temporary.c_str()); // the temporary file is ours; the target was never touched
    }
}

std::ostream& TraceOutput::stream()
{
    if (m_temporary.empty() && !m_file.is_open()) {
        m_file.open(m_target, std::ios::out);
        if (!m_file)
            throw std::runtime_error(cannot_write(m_path, errno));
    }
    return m_file;
}

void TraceOutput::commit()
{
    (void)stream();
    m_file.close();
    if (!m_file)
        throw std::runtime_error("could not finish writing the trace file '" + m_path + "'");
    if (!m_temporary.empty() && ::rename(m_temporary.c_str(), m_target.c_str()) != 0)
        throw std::runtime_error(cannot_write(m_path, errno));
    m_committed = true;
}

} // namespace parlab
