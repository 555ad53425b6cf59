#pragma once

#include "workloads/workload.h"
#include "workloads/workload_registry.h"

#include <cstdint>

namespace parlab {

/// The same analysis on a collection of synthetic grayscale images: blur each one (Gaussian,
/// σ = 2), threshold it and count the bright pixels. Image k is generated from the seed and k.
class ImagesWorkload : public Workload {
public:
    explicit ImagesWorkload(Parameters parameters);

    [[nodiscard]] std::size_t task_count() const override { return m_images; }
    [[nodiscard]] Partial run_task(std::size_t task, const CancelToken& cancel) const override;
    [[nodiscard]] Checksum combine(std::span<const Partial> partials) const override;
    void serialize_inputs_to(std::size_t task, const InputsPlace& place) const override;
    [[nodiscard]] Partial run_task_from_inputs(std::size_t task, std::span<const std::byte> inputs,
                                               const CancelToken& cancel) const override;

    /// Image k, row-major, width × height pixels in 0 .. 1: bright blobs on a noisy background.
    [[nodiscard]] std::vector<float> image(std::size_t k) const;

private:
    /// Blurs `pixels` in place and counts the pixels brighter than the threshold.
    [[nodiscard]] Partial analyse(std::vector<float>& pixels, const CancelToken& cancel) const;

    std::size_t m_images;
    std::size_t m_width;
    std::size_t m_height;
    std::uint64_t m_seed;
};

/// Name, parameters and factory of the images workload.
WorkloadInfo images_workload_info();

} // namespace parlab
