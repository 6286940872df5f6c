// Metrics on constructed samples: mode coverage / quality / reverse KL on the
// ring, the 1D Wasserstein-1 distance and the KS statistic, and moments.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "gan/metrics.hpp"

namespace {

const double kLog8 = std::log(8.0);

std::unique_ptr<gan::Target> ring() { return gan::make_ring(8, 2.0, 0.05); }

// n points at centre `mode` of t, each offset by `offset` along x.
std::vector<float> at_centre(const gan::Target& t, int mode, int n, float offset = 0.0f) {
    std::vector<float> xs;
    for (int i = 0; i < n; ++i)
        for (int a = 0; a < t.dim(); ++a) xs.push_back(static_cast<float>(t.centres()[mode * t.dim() + a]) + (a == 0 ? offset : 0.0f));
    return xs;
}

TEST(Metrics, AllSamplesOnOneModeOfTheRing) {
    auto t = ring();
    const auto xs = at_centre(*t, 3, 1000, 0.01f);
    const gan::ModeMetrics m = gan::mode_metrics(xs.data(), 1000, *t);
    EXPECT_EQ(m.modes_covered, 1);
    EXPECT_EQ(m.modes_total, 8);
    EXPECT_DOUBLE_EQ(m.high_quality, 1.0);
    EXPECT_NEAR(m.reverse_kl, kLog8, 1e-12);  // KL(delta || uniform over 8) = log 8
    ASSERT_EQ(m.counts.size(), 8u);
    EXPECT_EQ(m.counts[3], 1000);
}

TEST(Metrics, UniformOverAllEightModes) {
    auto t = ring();
    std::vector<float> xs;
    for (int j = 0; j < 8; ++j) {
        const auto c = at_centre(*t, j, 125, 0.02f);
        xs.insert(xs.end(), c.begin(), c.end());
    }
    const gan::ModeMetrics m = gan::mode_metrics(xs.data(), 1000, *t);
    EXPECT_EQ(m.modes_covered, 8);
    EXPECT_DOUBLE_EQ(m.high_quality, 1.0);
    EXPECT_NEAR(m.reverse_kl, 0.0, 1e-12);
    for (int c : m.counts) EXPECT_EQ(c, 125);
}

TEST(Metrics, TwoModesHandComputed) {
    // 3/4 on mode 0, 1/4 on mode 5: KL = 3/4 log(3/4 * 8) + 1/4 log(1/4 * 8).
    auto t = ring();
    auto xs = at_centre(*t, 0, 300);
    const auto b = at_centre(*t, 5, 100);
    xs.insert(xs.end(), b.begin(), b.end());
    const gan::ModeMetrics m = gan::mode_metrics(xs.data(), 400, *t);
    EXPECT_EQ(m.modes_covered, 2);
    EXPECT_NEAR(m.reverse_kl, 0.75 * std::log(6.0) + 0.25 * std::log(2.0), 1e-12);
}

TEST(Metrics, HighQualityIsWithinThreeStd) {
    auto t = ring();
    // 0.149 from a centre is high quality (3 std = 0.15); 0.151 is not.
    auto xs = at_centre(*t, 0, 10, 0.149f);
    const auto far = at_centre(*t, 2, 30, 0.151f);
    xs.insert(xs.end(), far.begin(), far.end());
    const gan::ModeMetrics m = gan::mode_metrics(xs.data(), 40, *t);
    EXPECT_DOUBLE_EQ(m.high_quality, 0.25);  // 10 of 40
    EXPECT_EQ(m.modes_covered, 1);           // only high-quality samples count
    EXPECT_NEAR(m.reverse_kl, kLog8, 1e-12);
}

TEST(Metrics, SamplesFarAwayAreNotHighQuality) {
    auto t = ring();
    std::vector<float> xs;
    for (int i = 0; i < 100; ++i) xs.push_back(50.0f + i), xs.push_back(-50.0f);
    const gan::ModeMetrics m = gan::mode_metrics(xs.data(), 100, *t);
    EXPECT_EQ(m.high_quality, 0.0);
    EXPECT_EQ(m.modes_covered, 0);
    EXPECT_TRUE(std::isnan(m.reverse_kl));
    // The ring's centre is 2 away from every mode: not high quality either.
    const std::vector<float> origin(200, 0.0f);
    EXPECT_EQ(gan::mode_metrics(origin.data(), 100, *t).high_quality, 0.0);
    // NaN samples (a diverged generator) are never high quality.
    const std::vector<float> nans(20, std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(gan::mode_metrics(nans.data(), 10, *t).high_quality, 0.0);
}

TEST(Metrics, GridAndMixture1dModes) {
    auto grid = gan::make_grid(5, 2.0, 0.05);
    std::vector<float> xs;
    for (int j = 0; j < 25; ++j) {
        const auto c = at_centre(*grid, j, 4);
        xs.insert(xs.end(), c.begin(), c.end());
    }
    const auto g = gan::mode_metrics(xs.data(), 100, *grid);
    EXPECT_EQ(g.modes_covered, 25);
    EXPECT_EQ(g.modes_total, 25);
    EXPECT_NEAR(g.reverse_kl, 0.0, 1e-12);
    auto mix = gan::make_mixture_1d(4, 0.0, 3.0, 0.2);
    const std::vector<float> ones = {-4.5f, -4.4f, 1.5f, 3.0f /* between modes: > 3 std */};
    const auto m = gan::mode_metrics(ones.data(), 4, *mix);
    EXPECT_EQ(m.modes_covered, 2);
    EXPECT_DOUBLE_EQ(m.high_quality, 0.75);
    EXPECT_NEAR(m.reverse_kl, (2 / 3.0) * std::log(8 / 3.0) + (1 / 3.0) * std::log(4 / 3.0), 1e-12);
}

TEST(Metrics, W1OfExactQuantilesIsZeroAndOfAShiftIsTheShift) {
    auto t = gan::make_gaussian_1d(3.0, 0.5);
    const int n = 2000;
    const auto q = gan::target_quantiles(*t, n);
    ASSERT_EQ(q.size(), static_cast<std::size_t>(n));
    EXPECT_NEAR(q[n / 2], 3.0 + 0.5 * (0.5 / n) * std::sqrt(2 * M_PI), 1e-6);  // F^-1(1/2 + 1/(2n))
    EXPECT_NEAR(q[0], t->quantile(0.5 / n), 1e-12);
    std::vector<float> exact(q.begin(), q.end());
    EXPECT_NEAR(gan::wasserstein1_1d(exact, q), 0.0, 1e-6);  // float rounding only
    for (double shift : {0.25, -1.0, 3.0}) {
        std::vector<float> moved;
        for (double v : q) moved.push_back(static_cast<float>(v + shift));
        EXPECT_NEAR(gan::wasserstein1_1d(moved, q), std::fabs(shift), 1e-5) << shift;
    }
    // A point mass at the mean: W1 = E|X - 3| = std sqrt(2 / pi).
    const std::vector<float> mass(n, 3.0f);
    EXPECT_NEAR(gan::wasserstein1_1d(mass, q), 0.5 * std::sqrt(2 / M_PI), 1e-3);
    EXPECT_EQ(gan::wasserstein1_1d({}, {}), 0.0);
}

TEST(Metrics, KsStatistic) {
    auto t = gan::make_gaussian_1d(0.0, 1.0);
    const int n = 1000;
    const auto q = gan::target_quantiles(*t, n);
    const std::vector<float> exact(q.begin(), q.end());
    EXPECT_NEAR(gan::ks_statistic(exact, *t), 0.5 / n, 1e-6);  // best possible for n points
    // Shifted by one std: sup |F_n - F| -> Phi(0.5) - Phi(-0.5) = 0.3829 at the midpoint.
    std::vector<float> moved;
    for (double v : q) moved.push_back(static_cast<float>(v + 1.0));
    EXPECT_NEAR(gan::ks_statistic(moved, *t), 0.3829249225480262, 2e-3);
    // Everything far to the right: KS = 1.
    const std::vector<float> far(100, 50.0f);
    EXPECT_NEAR(gan::ks_statistic(far, *t), 1.0, 1e-12);
    // Two points, by hand: F(-1) = 0.1587, F(1) = 0.8413: max(|1/2 - 0.1587|, |0.8413 - 1/2|, |1 - 0.8413|, 0.1587).
    EXPECT_NEAR(gan::ks_statistic({-1.0f, 1.0f}, *t), 0.5 - 0.15865525393145707, 1e-12);
}

TEST(Metrics, KsOfNonFiniteSamplesIsNotAPerfectScore) {
    // A diverged generator's NaN samples must not read as a perfect fit (KS = 0).
    auto t = gan::make_gaussian_1d(3.0, 0.5);
    const std::vector<float> nans(50, std::numeric_limits<float>::quiet_NaN());
    const double ks = gan::ks_statistic(nans, *t);
    EXPECT_FALSE(ks < 0.5) << "ks = " << ks;  // NaN (unknown) or large, never a good score
    std::vector<float> some = {2.5f, 3.0f, std::numeric_limits<float>::quiet_NaN()};
    EXPECT_FALSE(gan::ks_statistic(some, *t) < 0.3);
}

TEST(Metrics, MomentsArePerDimensionPopulationStd) {
    const std::vector<float> xs = {1, 10, 3, 20, 5, 30, 7, 40};  // 4 points in 2D
    const gan::Moments m = gan::moments(xs.data(), 4, 2);
    EXPECT_DOUBLE_EQ(m.mean[0], 4.0);
    EXPECT_DOUBLE_EQ(m.mean[1], 25.0);
    EXPECT_DOUBLE_EQ(m.std[0], std::sqrt(5.0));     // ddof 0, as numpy
    EXPECT_DOUBLE_EQ(m.std[1], std::sqrt(125.0));
    const gan::Moments empty = gan::moments(xs.data(), 0, 2);
    EXPECT_EQ(empty.mean, (std::vector<double>{0, 0}));
}

}  // namespace
