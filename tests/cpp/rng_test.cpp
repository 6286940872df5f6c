// Rng: xoshiro256** seeded by splitmix64, with the engine's own uniform,
// normal and bounded-integer samplers. Known answers, determinism, ranges and
// moments within statistical tolerance.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "gan/rng.hpp"

namespace {

// Independent reference of the published algorithms (Vigna's splitmix64.c and
// xoshiro256starstar.c), to pin the exact bit stream native and wasm must share.
struct Reference {
    std::uint64_t s[4];
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    explicit Reference(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& v : s) {
            std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            v = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
        const std::uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }
};

TEST(Rng, SplitMixSeedingMatchesPublishedFirstValue) {
    // splitmix64 from state 0 first returns 0xe220a8397b1dcdaf (Vigna's reference output).
    Reference r(0);
    EXPECT_EQ(r.s[0], 0xe220a8397b1dcdafULL);
}

TEST(Rng, StreamIsXoshiro256StarStar) {
    for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 0xffffffffULL, 0x123456789abcdefULL}) {
        gan::Rng rng(seed);
        Reference ref(seed);
        for (int i = 0; i < 1000; ++i) ASSERT_EQ(rng.next_u64(), ref.next()) << "seed " << seed << " draw " << i;
    }
}

TEST(Rng, BelowIsLemireMultiplyShiftOnTheTop32Bits) {
    // Pinned, so every platform maps the stream to the same integers (Lemire 2019, with rejection).
    gan::Rng rng(21);
    Reference ref(21);
    for (std::uint32_t n : {1u, 2u, 3u, 8u, 25u, 1000u, 0x80000001u, 0xfffffffeu}) {
        for (int i = 0; i < 200; ++i) {
            std::uint64_t m = (ref.next() >> 32) * n;
            std::uint32_t low = static_cast<std::uint32_t>(m);
            if (low < n) {
                const std::uint32_t threshold = static_cast<std::uint32_t>(-n) % n;
                while (low < threshold) {
                    m = (ref.next() >> 32) * n;
                    low = static_cast<std::uint32_t>(m);
                }
            }
            ASSERT_EQ(rng.below(n), static_cast<std::uint32_t>(m >> 32)) << "n = " << n << " draw " << i;
        }
    }
}

TEST(Rng, SameSeedSameNumbersDifferentSeedDifferent) {
    gan::Rng a(7), b(7), c(8);
    int same_as_c = 0;
    for (int i = 0; i < 1000; ++i) {
        const double ua = a.uniform(), ub = b.uniform(), uc = c.uniform();
        EXPECT_EQ(ua, ub);
        same_as_c += ua == uc;
        const double na = a.normal(), nb = b.normal();
        EXPECT_EQ(na, nb);
        c.normal();
        EXPECT_EQ(a.below(17), b.below(17));
        c.below(17);
    }
    EXPECT_EQ(same_as_c, 0);
}

TEST(Rng, ReseedRestartsTheStreamIncludingTheSpareNormal) {
    gan::Rng a(11);
    const double first = a.normal();
    const double second = a.normal();
    a.normal();  // leaves a spare normal pending
    a.reseed(11);
    EXPECT_EQ(a.normal(), first);
    EXPECT_EQ(a.normal(), second);
    gan::Rng fresh(11);
    a.reseed(11);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), fresh.next_u64());
}

TEST(Rng, UniformIsInUnitIntervalWithUniformMoments) {
    gan::Rng rng(2024);
    const int n = 100000;
    double sum = 0, sum2 = 0, lo = 1, hi = 0;
    std::vector<int> bins(10, 0);
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u, sum2 += u * u;
        lo = std::fmin(lo, u), hi = std::fmax(hi, u);
        ++bins[static_cast<int>(u * 10)];
    }
    const double mean = sum / n, var = sum2 / n - mean * mean;
    EXPECT_NEAR(mean, 0.5, 5 * std::sqrt(1.0 / 12 / n));    // 5 sigma
    EXPECT_NEAR(var, 1.0 / 12, 5 * std::sqrt(1.0 / 180 / n));  // Var(U^2-ish) bound
    EXPECT_LT(lo, 1e-3);
    EXPECT_GT(hi, 1 - 1e-3);
    double chi2 = 0;
    for (int b : bins) chi2 += (b - n / 10.0) * (b - n / 10.0) / (n / 10.0);
    EXPECT_LT(chi2, 33.7);  // chi-square, 9 dof, p = 1e-4
}

TEST(Rng, UniformHas53RandomBits) {
    // uniform() = (next_u64 >> 11) * 2^-53: the top 53 bits of the stream, exactly.
    gan::Rng rng(9);
    Reference ref(9);
    int odd = 0;
    for (int i = 0; i < 1000; ++i) {
        const double u = rng.uniform();
        const std::uint64_t bits = ref.next() >> 11;
        EXPECT_EQ(u, static_cast<double>(bits) * 0x1.0p-53);
        const double scaled = u * 9007199254740992.0;  // 2^53
        EXPECT_EQ(scaled, std::floor(scaled));
        odd += static_cast<std::uint64_t>(scaled) & 1;  // the lowest of the 53 bits is used
    }
    EXPECT_GT(odd, 400);
    EXPECT_LT(odd, 600);
}

TEST(Rng, NormalMomentsOnOneHundredThousandDraws) {
    gan::Rng rng(31337);
    const int n = 100000;
    double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    int beyond196 = 0;
    for (int i = 0; i < n; ++i) {
        const double z = rng.normal();
        ASSERT_TRUE(std::isfinite(z));
        s1 += z, s2 += z * z, s3 += z * z * z, s4 += z * z * z * z;
        beyond196 += std::fabs(z) > 1.959963984540054;
    }
    const double mean = s1 / n;
    const double var = s2 / n - mean * mean;
    EXPECT_NEAR(mean, 0.0, 5.0 / std::sqrt(n));               // 5 sigma: 0.016
    EXPECT_NEAR(var, 1.0, 5.0 * std::sqrt(2.0 / n));          // 0.022
    EXPECT_NEAR(s3 / n, 0.0, 5.0 * std::sqrt(15.0 / n));      // E z^3 = 0, Var z^3 = 15
    EXPECT_NEAR(s4 / n, 3.0, 5.0 * std::sqrt(96.0 / n));      // E z^4 = 3, Var z^4 = 96
    EXPECT_NEAR(beyond196 / static_cast<double>(n), 0.05, 5.0 * std::sqrt(0.05 * 0.95 / n));
}

TEST(Rng, NormalPairsAreUncorrelated) {
    // The polar method returns two values per draw: they must be independent.
    gan::Rng rng(77);
    const int n = 50000;
    double sxy = 0;
    for (int i = 0; i < n; ++i) {
        const double x = rng.normal(), y = rng.normal();
        sxy += x * y;
    }
    EXPECT_NEAR(sxy / n, 0.0, 5.0 / std::sqrt(n));
}

TEST(Rng, BelowStaysInRangeAndIsUnbiased) {
    gan::Rng rng(4);
    for (std::uint32_t n : {1u, 2u, 3u, 7u, 10u, 1000u, 0x80000001u, 0xffffffffu})
        for (int i = 0; i < 2000; ++i) ASSERT_LT(rng.below(n), n) << n;
    for (int i = 0; i < 100; ++i) EXPECT_EQ(rng.below(1), 0u);

    // Chi-square over 10 and 7 categories.
    for (std::uint32_t k : {10u, 7u}) {
        const int n = 100000;
        std::vector<int> counts(k, 0);
        for (int i = 0; i < n; ++i) ++counts[rng.below(k)];
        double chi2 = 0;
        for (int c : counts) chi2 += (c - n / double(k)) * (c - n / double(k)) / (n / double(k));
        EXPECT_LT(chi2, k == 10 ? 33.7 : 27.9) << "k = " << k;  // p = 1e-4 (9 and 6 dof)
    }

    // A range of 3 * 2^30: a modulo-style reduction of 32 random bits would put
    // 50% more mass below 2^30 than in each of the other two thirds.
    const std::uint32_t big = 3u << 30;
    int low = 0;
    const int n = 60000;
    for (int i = 0; i < n; ++i) low += rng.below(big) < (1u << 30);
    EXPECT_NEAR(low / double(n), 1.0 / 3, 5 * std::sqrt(2.0 / 9 / n));
}

}  // namespace
