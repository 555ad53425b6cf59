#include "backend_words.h"

#include "executors/executor_registry.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace parlab::gui {

namespace {

struct KnownBackend {
    std::string_view name;
    const char* one;
    const char* many;
    bool baseline;
    bool shares_memory;
    bool ships_inputs;
};

// Until ExecutorInfo carries its traits, the names are matched here and nowhere else.
constexpr std::array<KnownBackend, 3> known = {{
    {"serial", QT_TRANSLATE_NOOP("BackendWords", "worker"), QT_TRANSLATE_NOOP("BackendWords", "workers"),
     true, true, false},
    {"threads", QT_TRANSLATE_NOOP("BackendWords", "thread"), QT_TRANSLATE_NOOP("BackendWords", "threads"),
     false, true, false},
    {"processes", QT_TRANSLATE_NOOP("BackendWords", "process"),
     QT_TRANSLATE_NOOP("BackendWords", "processes"), false, false, true},
}};

} // namespace

BackendWords backend_words(std::string_view backend)
{
    BackendWords words;
    const auto& all = ExecutorRegistry::all();
    const auto entry =
        std::find_if(all.begin(), all.end(), [&](const ExecutorInfo& info) { return info.name == backend; });
    words.order = static_cast<int>(entry - all.begin());
    const auto it =
        std::find_if(known.begin(), known.end(), [&](const KnownBackend& k) { return k.name == backend; });
    if (it == known.end()) {
        words.one = words.many = QString::fromUtf8(backend.data(), static_cast<qsizetype>(backend.size()));
        return words;
    }
    words.one = QCoreApplication::translate("BackendWords", it->one);
    words.many = QCoreApplication::translate("BackendWords", it->many);
    words.baseline = it->baseline;
    words.shares_memory = it->shares_memory;
    words.ships_inputs = it->ships_inputs;
    return words;
}

std::string default_backend()
{
    for (const auto& info : ExecutorRegistry::all()) {
        const BackendWords words = backend_words(info.name);
        if (!words.baseline && words.shares_memory)
            return info.name;
    }
    return ExecutorRegistry::all().front().name;
}

std::string shipping_backend()
{
    for (const auto& info : ExecutorRegistry::all())
        if (backend_words(info.name).ships_inputs)
            return info.name;
    return default_backend();
}

} // namespace parlab::gui
