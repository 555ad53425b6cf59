#pragma once

#include <cstdint>

namespace parlab {

/// The splitmix64 finaliser: a bijection on 64 bits that scatters nearby inputs.
constexpr std::uint64_t splitmix64_mix(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// The `counter`-th output (from 0) of a splitmix64 stream started at `seed`, computed directly so
/// any task can jump to its own part of the stream.
constexpr std::uint64_t splitmix64_at(std::uint64_t seed, std::uint64_t counter)
{
    return splitmix64_mix(seed + (counter + 1) * 0x9E3779B97F4A7C15ULL);
}

/// A uniform double in [-1, 1) from the top 53 bits of `bits`.
constexpr double signed_unit(std::uint64_t bits)
{
    return static_cast<double>(static_cast<std::int64_t>(bits >> 11) - (std::int64_t{1} << 52)) * 0x1p-52;
}

/// A uniform double in [0, 1) from the top 53 bits of `bits`.
constexpr double unit(std::uint64_t bits)
{
    return static_cast<double>(bits >> 11) * 0x1p-53;
}

/// A sequential splitmix64 generator, for places that draw several numbers in a row.
class SplitMix64 {
public:
    explicit constexpr SplitMix64(std::uint64_t seed) : m_state(seed) {}

    constexpr std::uint64_t next()
    {
        m_state += 0x9E3779B97F4A7C15ULL;
        return splitmix64_mix(m_state);
    }

    /// Uniform in [0, bound), bound > 0 (Lemire's multiply-shift; the tiny bias is irrelevant here).
    constexpr std::uint64_t below(std::uint64_t bound)
    {
        __extension__ using u128 = unsigned __int128;
        return static_cast<std::uint64_t>((static_cast<u128>(next()) * bound) >> 64);
    }

private:
    std::uint64_t m_state;
};

} // namespace parlab
