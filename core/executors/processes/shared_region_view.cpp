#include "executors/processes/shared_region_view.h"

#include <cerrno>
#include <stdexcept>
#include <string>
#include <sys/mman.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace parlab {

SharedRegionView::~SharedRegionView()
{
    unmap();
    for (const int fd : m_pending)
        ::close(fd);
}

void SharedRegionView::attach(const RegionMessage& message)
{
    unmap();
    if (message.bytes == 0)
        return;
    if (m_pending.empty())
        throw std::runtime_error("region message of " + std::to_string(message.bytes) +
                                 " bytes came without its descriptor");
    const int fd = m_pending.front();
    m_pending.erase(m_pending.begin());
    // Reading a mapping past the end of its file is a SIGBUS, so the file must be as large as said.
    struct stat facts {};
    if (::fstat(fd, &facts) != 0 || facts.st_size < 0 ||
        static_cast<std::uint64_t>(facts.st_size) < message.bytes) {
        ::close(fd);
        throw std::runtime_error("region message says " + std::to_string(message.bytes) +
                                 " bytes, but its descriptor holds " + std::to_string(facts.st_size));
    }
    void* data = ::mmap(nullptr, message.bytes, PROT_READ, MAP_SHARED, fd, 0);
    const int error = errno;
    ::close(fd); // the mapping keeps the region
    if (data == MAP_FAILED)
        throw std::system_error(error, std::generic_category(),
                                "mapping the shared region of " + std::to_string(message.bytes) + " bytes");
    m_data = static_cast<const std::byte*>(data);
    m_bytes = message.bytes;
}

std::span<const std::byte> SharedRegionView::inputs(SharedSpan span) const
{
    if (span.length == 0)
        return {};
    return {m_data + span.offset, span.length};
}

void SharedRegionView::unmap()
{
    if (m_data != nullptr)
        ::munmap(const_cast<std::byte*>(m_data), m_bytes);
    m_data = nullptr;
    m_bytes = 0;
}

} // namespace parlab
