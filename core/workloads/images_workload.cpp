#include "workloads/images_workload.h"

#include "workloads/memory_estimate.h"
#include "workloads/splitmix64.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace parlab {

namespace {

constexpr int blur_radius = 6; // 3σ with σ = 2
constexpr float threshold = 0.5f;

std::vector<ParameterSpec> images_specs()
{
    return {
        {"images", ParameterKind::Integer, "200", 1, 1e6, {}, "images to analyse, one task each"},
        {"width", ParameterKind::Integer, "512", 8, 16384, {}, "pixels per row"},
        {"height", ParameterKind::Integer, "512", 8, 16384, {}, "pixels per column"},
        {"seed",
         ParameterKind::Integer,
         "2022",
         0,
         9223372036854775807.0,
         {},
         "seed of the synthetic images"},
    };
}

std::array<float, 2 * blur_radius + 1> gaussian_weights()
{
    std::array<float, 2 * blur_radius + 1> weights{};
    double total = 0.0;
    for (int t = -blur_radius; t <= blur_radius; ++t)
        total += std::exp(-t * t / 8.0);
    for (int t = -blur_radius; t <= blur_radius; ++t)
        weights[static_cast<std::size_t>(t + blur_radius)] =
            static_cast<float>(std::exp(-t * t / 8.0) / total);
    return weights;
}

} // namespace

ImagesWorkload::ImagesWorkload(Parameters parameters)
    : Workload("images", std::move(parameters)),
      m_images(static_cast<std::size_t>(this->parameters().integer("images"))),
      m_width(static_cast<std::size_t>(this->parameters().integer("width"))),
      m_height(static_cast<std::size_t>(this->parameters().integer("height"))),
      m_seed(static_cast<std::uint64_t>(this->parameters().integer("seed")))
{
    // The image and the half-blurred copy.
    const double bytes = 2.0 * static_cast<double>(m_width) * static_cast<double>(m_height) * sizeof(float);
    require_memory("parameters 'width' × 'height' = " + std::to_string(m_width) + " × " +
                       std::to_string(m_height),
                   bytes);
}

std::vector<float> ImagesWorkload::image(std::size_t k) const
{
    const std::size_t w = m_width;
    const std::size_t h = m_height;
    const std::uint64_t image_seed = splitmix64_at(m_seed, k);
    std::vector<float> pixels(w * h);
    for (std::size_t i = 0; i < pixels.size(); ++i)
        pixels[i] = static_cast<float>(0.3 * unit(splitmix64_at(image_seed, i)));

    SplitMix64 random(splitmix64_mix(image_seed ^ 0x5DEECE66DULL));
    const std::size_t blobs = 3 + random.below(6);
    const double size = static_cast<double>(std::min(w, h));
    for (std::size_t b = 0; b < blobs; ++b) {
        const double cx = unit(random.next()) * static_cast<double>(w);
        const double cy = unit(random.next()) * static_cast<double>(h);
        const double sigma = (0.02 + 0.06 * unit(random.next())) * size;
        const double amplitude = 0.5 + 0.5 * unit(random.next());
        // Beyond 3σ a blob adds less than 1.2% of its amplitude: not worth the exp().
        const auto x0 = static_cast<std::size_t>(std::max(0.0, std::floor(cx - 3 * sigma)));
        const auto x1 = static_cast<std::size_t>(std::min(static_cast<double>(w), std::ceil(cx + 3 * sigma)));
        const auto y0 = static_cast<std::size_t>(std::max(0.0, std::floor(cy - 3 * sigma)));
        const auto y1 = static_cast<std::size_t>(std::min(static_cast<double>(h), std::ceil(cy + 3 * sigma)));
        for (std::size_t y = y0; y < y1; ++y) {
            for (std::size_t x = x0; x < x1; ++x) {
                const double dx = static_cast<double>(x) + 0.5 - cx;
                const double dy = static_cast<double>(y) + 0.5 - cy;
                auto& pixel = pixels[y * w + x];
                const double value = pixel + amplitude * std::exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                pixel = static_cast<float>(std::min(1.0, value));
            }
        }
    }
    return pixels;
}

Partial ImagesWorkload::analyse(std::vector<float>& pixels, const CancelToken& cancel) const
{
    static const auto weights = gaussian_weights();
    const std::size_t w = m_width;
    const std::size_t h = m_height;
    const auto r = static_cast<std::size_t>(blur_radius);
    std::vector<float> blurred(w * h);
    std::vector<float> padded(w + 2 * r);

    // Rows: copy each into a buffer padded with its edge pixels, so the inner loop has no clamping.
    for (std::size_t y = 0; y < h; ++y) {
        if (cancel.cancelled())
            return {};
        const float* row = &pixels[y * w];
        std::fill_n(padded.begin(), r, row[0]);
        std::copy_n(row, w, padded.begin() + static_cast<std::ptrdiff_t>(r));
        std::fill_n(padded.begin() + static_cast<std::ptrdiff_t>(r + w), r, row[w - 1]);
        float* out = &blurred[y * w];
        std::fill_n(out, w, 0.0f);
        for (std::size_t t = 0; t < weights.size(); ++t)
            for (std::size_t x = 0; x < w; ++x)
                out[x] += weights[t] * padded[x + t];
    }
    // Columns: whole rows at a time, clamping the row index at the top and bottom edges.
    std::uint64_t bright = 0;
    for (std::size_t y = 0; y < h; ++y) {
        if (cancel.cancelled())
            return {};
        float* out = &pixels[y * w];
        std::fill_n(out, w, 0.0f);
        for (std::size_t t = 0; t < weights.size(); ++t) {
            const auto source = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(
                static_cast<std::ptrdiff_t>(y + t) - blur_radius, 0, static_cast<std::ptrdiff_t>(h) - 1));
            const float* in = &blurred[source * w];
            for (std::size_t x = 0; x < w; ++x)
                out[x] += weights[t] * in[x];
        }
        for (std::size_t x = 0; x < w; ++x)
            bright += out[x] > threshold ? 1 : 0;
    }
    Partial partial;
    partial.exact = bright;
    return partial;
}

Partial ImagesWorkload::run_task(std::size_t task, const CancelToken& cancel) const
{
    if (cancel.cancelled())
        return {};
    auto pixels = image(task);
    return analyse(pixels, cancel);
}

Checksum ImagesWorkload::combine(std::span<const Partial> partials) const
{
    uint128 bright = 0;
    for (const auto& partial : partials)
        bright += partial.exact;
    return {to_decimal(bright), {}};
}

void ImagesWorkload::serialize_inputs_to(std::size_t task, const InputsPlace& place) const
{
    const auto pixels = image(task);
    const std::span<std::byte> bytes = place(pixels.size() * sizeof(float));
    std::memcpy(bytes.data(), pixels.data(), bytes.size());
}

Partial ImagesWorkload::run_task_from_inputs(std::size_t /*task*/, std::span<const std::byte> inputs,
                                             const CancelToken& cancel) const
{
    const std::size_t expected = m_width * m_height * sizeof(float);
    if (inputs.size() != expected)
        throw std::runtime_error("images task inputs must be " + std::to_string(expected) + " bytes (" +
                                 std::to_string(m_width) + "×" + std::to_string(m_height) +
                                 " float pixels), got " + std::to_string(inputs.size()));
    std::vector<float> pixels(m_width * m_height);
    std::memcpy(pixels.data(), inputs.data(), expected);
    return analyse(pixels, cancel);
}

WorkloadInfo images_workload_info()
{
    return {"images", "blur, threshold and count bright spots in many synthetic images", images_specs(),
            [](const ParameterValues& values) {
                return std::make_unique<ImagesWorkload>(Parameters(images_specs(), values));
            }};
}

} // namespace parlab
