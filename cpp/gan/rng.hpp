// Rng: the engine's one source of randomness. xoshiro256** seeded through
// splitmix64, with uniform and normal samplers written here (not <random>'s
// distributions, which differ between libstdc++ and libc++), so the same seed
// gives the same numbers natively and in WebAssembly.
//
//   gan::Rng rng(42);
//   double u = rng.uniform();   // [0, 1)
//   double z = rng.normal();    // N(0, 1), Marsaglia polar method
#pragma once

#include <cstdint>

namespace gan {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }

    void reseed(std::uint64_t seed);
    std::uint64_t next_u64();
    double uniform();                    // [0, 1), 53 random bits
    double normal();                     // N(0, 1)
    std::uint32_t below(std::uint32_t n);  // uniform integer in [0, n), n > 0, unbiased

private:
    std::uint64_t s_[4];
    double spare_normal_ = 0.0;
    bool has_spare_ = false;
};

}  // namespace gan
