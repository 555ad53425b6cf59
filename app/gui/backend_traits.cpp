#include "backend_traits.h"

#include "executors/executor_registry.h"

#include <algorithm>
#include <vector>

namespace parlab::gui {

namespace {

const ExecutorInfo* entry(std::string_view backend)
{
    const auto& all = ExecutorRegistry::all();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const ExecutorInfo& info) { return info.name == backend; });
    return it == all.end() ? nullptr : &*it;
}

QString text(std::string_view words)
{
    return QString::fromUtf8(words.data(), static_cast<qsizetype>(words.size()));
}

// Asked once per entry: ExecutorInfo::max_workers builds an executor, and views ask while sorting.
bool takes_one_worker(const ExecutorInfo& info)
{
    static const std::vector<bool> one = [] {
        std::vector<bool> result;
        for (const auto& each : ExecutorRegistry::all())
            result.push_back(each.max_workers() == 1);
        return result;
    }();
    return one[static_cast<std::size_t>(&info - ExecutorRegistry::all().data())];
}

} // namespace

const ExecutorTraits* backend_traits(std::string_view backend)
{
    const ExecutorInfo* info = entry(backend);
    return info ? &info->traits : nullptr;
}

int backend_order(std::string_view backend)
{
    const ExecutorInfo* info = entry(backend);
    const auto& all = ExecutorRegistry::all();
    return static_cast<int>(info ? info - all.data() : static_cast<std::ptrdiff_t>(all.size()));
}

bool is_baseline(std::string_view backend)
{
    const ExecutorInfo* info = entry(backend);
    return info && takes_one_worker(*info);
}

QString backend_display_name(std::string_view backend)
{
    const ExecutorTraits* traits = backend_traits(backend);
    return text(traits ? traits->display_name : backend);
}

QString workers_noun(std::string_view backend, std::size_t count)
{
    const ExecutorTraits* traits = backend_traits(backend);
    return text(traits ? traits->workers_noun(count) : backend);
}

std::string default_backend()
{
    for (const auto& info : ExecutorRegistry::all())
        if (!takes_one_worker(info) && info.traits.shares_memory)
            return info.name;
    return ExecutorRegistry::all().front().name;
}

std::string shipping_backend()
{
    for (const auto& info : ExecutorRegistry::all())
        if (info.traits.ships_inputs)
            return info.name;
    return default_backend();
}

} // namespace parlab::gui
