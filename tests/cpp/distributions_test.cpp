// Target distributions: moments, centres, labels, and the 1D CDF / quantile pair.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

#include "gan/distributions.hpp"

namespace {

constexpr int kN = 100000;

struct Drawn {
    std::vector<float> xs;
    std::vector<int> labels;
};

Drawn draw(const gan::Target& t, int n = kN, std::uint64_t seed = 1) {
    gan::Rng rng(seed);
    Drawn d{std::vector<float>(static_cast<std::size_t>(n) * t.dim()), std::vector<int>(n, -1)};
    t.sample(rng, n, d.xs.data(), d.labels.data());
    return d;
}

std::pair<double, double> mean_var(const std::vector<float>& xs, int dim, int a) {
    const std::size_t n = xs.size() / dim;
    double s = 0, s2 = 0;
    for (std::size_t i = 0; i < n; ++i) s += xs[i * dim + a];
    const double m = s / n;
    for (std::size_t i = 0; i < n; ++i) s2 += (xs[i * dim + a] - m) * (xs[i * dim + a] - m);
    return {m, s2 / n};
}

int nearest_centre(const gan::Target& t, const float* x) {
    int best = -1;
    double bd = INFINITY;
    for (int j = 0; j < t.modes(); ++j) {
        double d = 0;
        for (int a = 0; a < t.dim(); ++a) d += (x[a] - t.centres()[j * t.dim() + a]) * (x[a] - t.centres()[j * t.dim() + a]);
        if (d < bd) bd = d, best = j;
    }
    return best;
}

// Each label drawn about n / k times (chi-square, p = 1e-4 for up to 24 dof).
void expect_uniform_labels(const std::vector<int>& labels, int k) {
    std::vector<int> counts(k, 0);
    for (int l : labels) {
        ASSERT_GE(l, 0);
        ASSERT_LT(l, k);
        ++counts[l];
    }
    const double e = double(labels.size()) / k;
    double chi2 = 0;
    for (int c : counts) chi2 += (c - e) * (c - e) / e;
    EXPECT_LT(chi2, 55.0) << k << " labels";
}

TEST(Distributions, Gaussian1dMoments) {
    auto t = gan::make_gaussian_1d(3.0, 0.5);
    EXPECT_EQ(t->dim(), 1);
    EXPECT_EQ(t->modes(), 1);
    EXPECT_EQ(t->centres(), std::vector<double>{3.0});
    EXPECT_EQ(t->component_std(), 0.5);
    EXPECT_TRUE(t->has_cdf());
    const Drawn d = draw(*t);
    const auto [m, v] = mean_var(d.xs, 1, 0);
    EXPECT_NEAR(m, 3.0, 5 * 0.5 / std::sqrt(kN));
    EXPECT_NEAR(std::sqrt(v), 0.5, 5 * 0.5 / std::sqrt(2.0 * kN));
    for (int l : d.labels) ASSERT_EQ(l, 0);
}

TEST(Distributions, SamplingIsDeterministicAndLabelsOptional) {
    auto t = gan::make_ring(8, 2.0, 0.05);
    const Drawn a = draw(*t, 1000, 5), b = draw(*t, 1000, 5), c = draw(*t, 1000, 6);
    EXPECT_EQ(a.xs, b.xs);
    EXPECT_EQ(a.labels, b.labels);
    EXPECT_NE(a.xs, c.xs);
    gan::Rng rng(5);
    std::vector<float> xs(2000);
    t->sample(rng, 1000, xs.data(), nullptr);  // labels may be null: same points
    EXPECT_EQ(xs, a.xs);
}

TEST(Distributions, Mixture1dCentresMomentsAndLabels) {
    auto t = gan::make_mixture_1d(4, 1.0, 2.0, 0.3);
    EXPECT_EQ(t->modes(), 4);
    EXPECT_EQ(t->centres(), (std::vector<double>{-2.0, 0.0, 2.0, 4.0}));  // evenly spaced about the mean
    EXPECT_TRUE(t->has_cdf());
    const Drawn d = draw(*t);
    const auto [m, v] = mean_var(d.xs, 1, 0);
    const double var = 0.09 + 4.0 * (16 - 1) / 12.0;  // within + between components
    EXPECT_NEAR(m, 1.0, 5 * std::sqrt(var / kN));
    EXPECT_NEAR(v, var, 0.05);
    expect_uniform_labels(d.labels, 4);
    int agree = 0;
    for (int i = 0; i < kN; ++i) {
        ASSERT_LT(std::fabs(d.xs[i] - t->centres()[d.labels[i]]), 6 * 0.3) << i;  // near its own centre
        agree += nearest_centre(*t, &d.xs[i]) == d.labels[i];
    }
    EXPECT_GT(agree, kN * 0.998);  // P(|noise| > spacing / 2 = 3.3 std) ~ 1e-3
}

TEST(Distributions, RingCentresOnTheRadiusAndLabelsMatchNearestCentre) {
    auto t = gan::make_ring(8, 2.0, 0.05);
    EXPECT_EQ(t->dim(), 2);
    ASSERT_EQ(t->modes(), 8);
    EXPECT_EQ(t->component_std(), 0.05);
    EXPECT_FALSE(t->has_cdf());
    for (int j = 0; j < 8; ++j) {
        const double x = t->centres()[2 * j], y = t->centres()[2 * j + 1];
        EXPECT_NEAR(std::hypot(x, y), 2.0, 1e-15) << j;
        EXPECT_NEAR(x, 2.0 * std::cos(2 * M_PI * j / 8), 1e-15) << j;
        EXPECT_NEAR(y, 2.0 * std::sin(2 * M_PI * j / 8), 1e-15) << j;
    }
    const Drawn d = draw(*t);
    for (int a = 0; a < 2; ++a) {
        const auto [m, v] = mean_var(d.xs, 2, a);
        EXPECT_NEAR(m, 0.0, 5 * std::sqrt(2.0 / kN));
        EXPECT_NEAR(v, 2.0 + 0.0025, 0.03);  // r^2 / 2 + std^2 per axis
    }
    expect_uniform_labels(d.labels, 8);
    for (int i = 0; i < kN; ++i) {
        ASSERT_EQ(nearest_centre(*t, &d.xs[2 * i]), d.labels[i]) << i;
        const double dx = d.xs[2 * i] - t->centres()[2 * d.labels[i]], dy = d.xs[2 * i + 1] - t->centres()[2 * d.labels[i] + 1];
        ASSERT_LT(std::hypot(dx, dy), 6 * 0.05) << i;
    }
    // Per-component spread: std 0.05 per axis around the centre.
    double s2 = 0;
    for (int i = 0; i < kN; ++i)
        for (int a = 0; a < 2; ++a) s2 += std::pow(d.xs[2 * i + a] - t->centres()[2 * d.labels[i] + a], 2);
    EXPECT_NEAR(std::sqrt(s2 / (2.0 * kN)), 0.05, 0.001);
}

TEST(Distributions, GridHas25CentresSpacedByTwo) {
    auto t = gan::make_grid(5, 2.0, 0.05);
    ASSERT_EQ(t->modes(), 25);
    std::set<std::pair<double, double>> centres;
    for (int j = 0; j < 25; ++j) centres.insert({t->centres()[2 * j], t->centres()[2 * j + 1]});
    std::set<std::pair<double, double>> want;
    for (double x : {-4.0, -2.0, 0.0, 2.0, 4.0})
        for (double y : {-4.0, -2.0, 0.0, 2.0, 4.0}) want.insert({x, y});
    EXPECT_EQ(centres, want);
    double closest = INFINITY;
    for (int i = 0; i < 25; ++i)
        for (int j = i + 1; j < 25; ++j)
            closest = std::min(closest, std::hypot(t->centres()[2 * i] - t->centres()[2 * j],
                                                   t->centres()[2 * i + 1] - t->centres()[2 * j + 1]));
    EXPECT_DOUBLE_EQ(closest, 2.0);
    const Drawn d = draw(*t);
    expect_uniform_labels(d.labels, 25);
    for (int i = 0; i < kN; ++i) ASSERT_EQ(nearest_centre(*t, &d.xs[2 * i]), d.labels[i]) << i;
    for (int a = 0; a < 2; ++a) {
        const auto [m, v] = mean_var(d.xs, 2, a);
        EXPECT_NEAR(m, 0.0, 5 * std::sqrt(8.0 / kN));
        EXPECT_NEAR(v, 4.0 * (25 - 1) / 12.0 + 0.0025, 0.12);  // spacing^2 (side^2 - 1) / 12 + std^2
    }
}

TEST(Distributions, SpiralPointsLieOnTheCurve) {
    const double R = 2.0, turns = 1.5, sd = 0.04;
    auto t = gan::make_spiral(R, turns, sd);
    EXPECT_EQ(t->dim(), 2);
    EXPECT_EQ(t->modes(), 0);
    EXPECT_FALSE(t->has_cdf());
    // The curve t -> R (0.1 + 0.9 t) (cos 2 pi turns t, sin 2 pi turns t), t in [0, 1], finely sampled.
    std::vector<std::pair<double, double>> curve;
    for (int k = 0; k <= 4000; ++k) {
        const double u = k / 4000.0, r = R * (0.1 + 0.9 * u), a = 2 * M_PI * turns * u;
        curve.push_back({r * std::cos(a), r * std::sin(a)});
    }
    const Drawn d = draw(*t, 4000);
    double mean_r = 0, mean_dist = 0;
    for (int i = 0; i < 4000; ++i) {
        const double x = d.xs[2 * i], y = d.xs[2 * i + 1];
        double best = INFINITY;
        for (const auto& [cx, cy] : curve) best = std::min(best, std::hypot(x - cx, y - cy));
        ASSERT_LT(best, 6 * sd) << i;
        mean_dist += best;
        mean_r += std::hypot(x, y);
        EXPECT_EQ(d.labels[i], 0);
    }
    // t = sqrt(U) has mean 2/3, so the mean radius is R (0.1 + 0.9 * 2/3) = 0.7 R.
    EXPECT_NEAR(mean_r / 4000, 0.7 * R, 0.03);
    EXPECT_LT(mean_dist / 4000, 2 * sd);
}

TEST(Distributions, PointSetDrawsTheCallersPoints) {
    const std::vector<float> pts = {0.0f, 0.0f, 1.0f, 2.0f, -3.0f, 4.0f};
    auto exact = gan::make_point_set(pts, 2, 0.0);
    EXPECT_EQ(exact->dim(), 2);
    const Drawn d = draw(*exact, 30000);
    std::vector<int> counts(3, 0);
    for (int i = 0; i < 30000; ++i) {
        int which = -1;
        for (int p = 0; p < 3; ++p)
            if (d.xs[2 * i] == pts[2 * p] && d.xs[2 * i + 1] == pts[2 * p + 1]) which = p;
        ASSERT_GE(which, 0) << "sample " << i << " is not one of the points";
        ++counts[which];
    }
    for (int c : counts) EXPECT_NEAR(c, 10000, 5 * std::sqrt(30000 * (1 / 3.0) * (2 / 3.0)));
    auto jittered = gan::make_point_set(pts, 2, 0.1);
    const Drawn j = draw(*jittered);
    const auto [mx, vx] = mean_var(j.xs, 2, 0);
    const auto [my, vy] = mean_var(j.xs, 2, 1);
    EXPECT_NEAR(mx, -2.0 / 3, 0.03);
    EXPECT_NEAR(my, 2.0, 0.03);
    EXPECT_NEAR(vx, (0 + 1 + 9) / 3.0 - 4.0 / 9 + 0.01, 0.06);
    EXPECT_NEAR(vy, (0 + 4 + 16) / 3.0 - 4.0 + 0.01, 0.06);
    // 1D points work too.
    auto one_d = gan::make_point_set({5.0f}, 1, 0.0);
    const Drawn o = draw(*one_d, 10);
    for (float x : o.xs) EXPECT_EQ(x, 5.0f);
}

TEST(Distributions, NormalCdf) {
    EXPECT_DOUBLE_EQ(gan::normal_cdf(0.0), 0.5);
    EXPECT_NEAR(gan::normal_cdf(1.0), 0.8413447460685429, 1e-15);
    EXPECT_NEAR(gan::normal_cdf(-1.959963984540054), 0.025, 1e-15);
    EXPECT_NEAR(gan::normal_cdf(-8.0), 6.22096057427178e-16, 1e-28);  // tail keeps relative precision
}

TEST(Distributions, CdfAndQuantileAreInverse) {
    auto g = gan::make_gaussian_1d(3.0, 0.5);
    EXPECT_DOUBLE_EQ(g->cdf(3.0), 0.5);
    EXPECT_NEAR(g->cdf(3.5), 0.8413447460685429, 1e-15);
    EXPECT_NEAR(g->quantile(0.975), 3.0 + 0.5 * 1.959963984540054, 1e-10);
    EXPECT_NEAR(g->quantile(0.5), 3.0, 1e-10);
    auto mix = gan::make_mixture_1d(3, 0.0, 4.0, 0.5);
    EXPECT_NEAR(mix->cdf(0.0), 0.5, 1e-12);  // symmetric
    EXPECT_NEAR(mix->cdf(-2.0), 1.0 / 3, 1e-4);  // one component fully left of the gap
    for (const gan::Target* t : {g.get(), mix.get()}) {
        for (double u : {1e-6, 0.001, 0.1, 0.25, 0.5, 0.6, 0.9, 0.999, 1 - 1e-6})
            EXPECT_NEAR(t->cdf(t->quantile(u)), u, 1e-9) << u;
        for (double x = -6; x <= 6; x += 0.25) {
            const double u = t->cdf(x);
            if (u > 1e-9 && u < 1 - 1e-9) {
                EXPECT_NEAR(t->quantile(u), x, 1e-8) << x;
            }
        }
    }
    // Quantiles are increasing.
    double prev = -INFINITY;
    for (int i = 0; i < 100; ++i) {
        const double q = mix->quantile((i + 0.5) / 100);
        EXPECT_GT(q, prev);
        prev = q;
    }
}

TEST(Distributions, TargetsWithoutACdfSaySo) {
    auto ring = gan::make_ring(8, 2.0, 0.05);
    EXPECT_THROW(ring->cdf(0.0), std::logic_error);
    auto spiral = gan::make_spiral(2.0, 1.5, 0.04);
    EXPECT_FALSE(spiral->has_cdf());
    EXPECT_THROW(spiral->cdf(0.0), std::logic_error);
    EXPECT_TRUE(spiral->centres().empty());
}

}  // namespace
