#pragma once

#include "executors/executor.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parlab {

/// One backend of the registry, read from the executor class's own `traits`.
struct ExecutorInfo {
    std::string name;    ///< traits.name
    std::string summary; ///< traits.summary
    ExecutorTraits traits;
    std::function<std::unique_ptr<Executor>()> create;

    /// The entry of executor class `E`, which has a default constructor and a static `backend_traits`.
    template <class E> static ExecutorInfo of()
    {
        return {std::string(E::backend_traits.name), std::string(E::backend_traits.summary),
                E::backend_traits, [] { return std::unique_ptr<Executor>(std::make_unique<E>()); }};
    }
    /// The most workers a run of this backend accepts on this machine now.
    [[nodiscard]] std::size_t max_workers() const { return create()->max_workers(); }
    /// Throws WorkerCountError unless this backend takes `workers` here.
    void check_workers(std::size_t workers) const { create()->check_workers(workers); }
};

/// Every backend parlab can run on: serial, threads, processes, …
class ExecutorRegistry {
public:
    static const std::vector<ExecutorInfo>& all();
    /// Throws std::invalid_argument listing the known names when `name` is unknown.
    static const ExecutorInfo& find(std::string_view name);
    /// find(name).create().
    static std::unique_ptr<Executor> create(std::string_view name);
};

} // namespace parlab
