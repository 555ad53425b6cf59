#include "executors/processes/shared_inputs.h"

#include "executors/processes/process_worker.h"

#include <algorithm>
#include <cerrno>
#include <string>
#include <sys/mman.h>
#include <system_error>
#include <unistd.h>

namespace parlab {

namespace {

// A first region holds many small tasks' inputs, so most runs make one region per worker.
constexpr std::size_t first_region_bytes = std::size_t{1} << 20;

std::size_t page_rounded(std::size_t bytes)
{
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return (bytes + page - 1) / page * page;
}

} // namespace

SharedInputs::SharedInputs(std::size_t workers) : m_workers(workers)
{
}

SharedInputs::~SharedInputs()
{
    for (std::size_t i = 0; i < m_workers.size(); ++i)
        reset(i);
}

void SharedInputs::reset(std::size_t index)
{
    PerWorker& w = m_workers[index];
    for (Region& region : w.regions)
        free_region(region);
    w.regions.clear();
    w.entries.clear();
}

bool SharedInputs::fits(const PerWorker& w, std::size_t length, std::size_t& offset)
{
    if (w.regions.empty())
        return false;
    const Region& current = w.regions.back();
    if (length > current.bytes)
        return false;
    // The newest region's live bytes run from the oldest of its entries (head) to the end of the
    // newest (tail), wrapping round the end of the region at most once.
    // Entries of older regions come first, so both searches stop at once in the common case.
    const auto is_current = [&current](const Entry& entry) { return entry.region == current.id; };
    const auto head = std::find_if(w.entries.begin(), w.entries.end(), is_current);
    if (head == w.entries.end()) {
        offset = 0;
        return true;
    }
    const std::size_t h = head->offset;
    const auto tail = std::find_if(w.entries.rbegin(), w.entries.rend(), is_current);
    const std::size_t t = tail->offset + tail->length;
    if (t > h) { // live bytes in [h, t)
        if (current.bytes - t >= length)
            offset = t;
        else if (length <= h)
            offset = 0;
        else
            return false;
        return true;
    }
    // live bytes in [h, end) and [0, t)
    if (h - t < length)
        return false;
    offset = t;
    return true;
}

SharedInputs::Region& SharedInputs::add_region(PerWorker& w, ProcessWorker& worker, std::size_t at_least)
{
    const std::size_t previous = w.regions.empty() ? first_region_bytes / 2 : w.regions.back().bytes;
    Region region;
    region.id = m_next_id++;
    region.bytes = page_rounded(std::max({2 * previous, 2 * at_least, first_region_bytes}));
    const std::string name = "parlab-inputs-" + std::to_string(worker.index());
    region.fd = ::memfd_create(name.c_str(), MFD_CLOEXEC);
    if (region.fd < 0)
        throw std::system_error(errno, std::generic_category(), "making a shared region for inputs");
    if (::ftruncate(region.fd, static_cast<off_t>(region.bytes)) != 0) {
        const int error = errno;
        free_region(region);
        throw std::system_error(error, std::generic_category(),
                                "sizing a shared region of " + std::to_string(region.bytes) + " bytes");
    }
    void* data = ::mmap(nullptr, region.bytes, PROT_READ | PROT_WRITE, MAP_SHARED, region.fd, 0);
    if (data == MAP_FAILED) {
        const int error = errno;
        free_region(region);
        throw std::system_error(error, std::generic_category(),
                                "mapping a shared region of " + std::to_string(region.bytes) + " bytes");
    }
    region.data = static_cast<std::byte*>(data);
    try {
        worker.attach_fd(region.fd);
    } catch (...) {
        free_region(region);
        throw;
    }
    append_region(worker.outbox(), {region.bytes});
    w.regions.push_back(region);
    free_unused(w); // the previous region, when nothing of it is in flight
    return w.regions.back();
}

SharedInputs::Room SharedInputs::reserve(std::size_t index, ProcessWorker& worker, std::size_t length)
{
    PerWorker& w = m_workers[index];
    if (length == 0) {
        w.entries.push_back({0, 0, 0});
        return {};
    }
    std::size_t offset = 0;
    if (!fits(w, length, offset)) {
        add_region(w, worker, length);
        offset = 0;
    }
    Region& region = w.regions.back();
    w.entries.push_back({region.id, offset, length});
    return {{offset, length}, {region.data + offset, length}};
}

void SharedInputs::release(std::size_t index)
{
    PerWorker& w = m_workers[index];
    if (w.entries.empty())
        return;
    w.entries.pop_front();
    free_unused(w);
}

void SharedInputs::detach(std::size_t index, ProcessWorker& worker)
{
    if (m_workers[index].regions.empty())
        return;
    append_region(worker.outbox(), {0});
    reset(index);
}

std::size_t SharedInputs::region_count() const
{
    std::size_t count = 0;
    for (const PerWorker& w : m_workers)
        count += w.regions.size();
    return count;
}

void SharedInputs::free_unused(PerWorker& w)
{
    // Every region but the newest, once no entry is left in it.
    for (std::size_t i = 0; i + 1 < w.regions.size();) {
        const std::uint64_t id = w.regions[i].id;
        const bool used = std::any_of(w.entries.begin(), w.entries.end(),
                                      [id](const Entry& entry) { return entry.region == id; });
        if (used) {
            ++i;
            continue;
        }
        free_region(w.regions[i]);
        w.regions.erase(w.regions.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

void SharedInputs::free_region(Region& region)
{
    if (region.data != nullptr)
        ::munmap(region.data, region.bytes);
    if (region.fd >= 0)
        ::close(region.fd);
    region.data = nullptr;
    region.fd = -1;
}

} // namespace parlab
