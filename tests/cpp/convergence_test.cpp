// Short convergence runs of the panel presets with fixed seeds: each asserts what
// the blog says the panel shows, with bounds loose enough for hyper-parameter
// tuning but far from what an untrained or broken run gives.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "gan/presets.hpp"
#include "gan/trainer.hpp"

namespace {

gan::Trainer make(const std::string& preset, double seed) {
    gan::Config c = gan::preset_config(preset);
    c.seed = seed;
    return gan::Trainer(c);
}

void report(const std::string& name, const gan::Stats& s) {
    std::printf("[convergence] %s epoch %lld: mean", name.c_str(), s.epoch);
    for (double m : s.mean) std::printf(" %.3f", m);
    std::printf(" std");
    for (double v : s.std) std::printf(" %.3f", v);
    if (s.has1d) std::printf(" w1 %.3f ks %.3f", s.w1, s.ks);
    if (s.hasModes) std::printf(" modes %d/%d highQuality %.3f reverseKL %.3f", s.modesCovered, s.modesTotal, s.highQuality, s.reverseKL);
    if (!std::isnan(s.wEstimate)) std::printf(" wEstimate %.3f", s.wEstimate);
    std::printf(" dLoss %.3f gLoss %.3f %s\n", s.dLoss, s.gLoss, s.status.c_str());
}

// Mean | |x| - 2 |: 0.04 for the target ring, ~0.75 for a Gaussian blob with the ring's moments.
double radial_error(const std::vector<float>& xs) {
    double s = 0;
    for (std::size_t i = 0; i < xs.size() / 2; ++i) s += std::fabs(std::hypot(xs[2 * i], xs[2 * i + 1]) - 2.0);
    return s / (xs.size() / 2);
}

TEST(Convergence, Blog1dApproachesMeanThree) {
    gan::Trainer t = make("blog-1d", 1);
    const gan::Stats start = t.stats();
    ASSERT_GT(std::fabs(start.mean[0] - 3.0), 1.5) << "the untrained generator must start away from the target";
    t.step(1500);
    const gan::Stats s = t.stats();
    report("blog-1d seed 1", s);
    ASSERT_EQ(s.status, "ok");
    EXPECT_LT(std::fabs(s.mean[0] - 3.0), 0.3);
    EXPECT_LT(s.w1, start.w1 / 3);
}

TEST(Convergence, Blog1dSgdMovesTowardTheTarget) {
    // The blog's listing as printed: plain SGD is slow, but it must head for N(3, 0.5) and not blow up.
    gan::Trainer t = make("blog-1d-sgd", 1);
    const double start = t.stats().mean[0];
    ASSERT_GT(std::fabs(start - 3.0), 2.0);
    t.step(1000);
    const gan::Stats s = t.stats();
    report("blog-1d-sgd seed 1", s);
    ASSERT_EQ(s.status, "ok");
    EXPECT_LT(std::fabs(s.mean[0] - 3.0), 1.0);
}

TEST(Convergence, RingCganCoversEveryModeAndFollowsItsLabels) {
    gan::Trainer t = make("ring-cgan", 1);
    t.step(500);
    const gan::Stats s = t.stats();
    report("ring-cgan seed 1", s);
    EXPECT_EQ(s.modesCovered, 8);
    EXPECT_GT(s.highQuality, 0.8);
    EXPECT_LT(s.reverseKL, 0.05);
    // sample_class(k) lands on centre k: (2 cos(2 pi k / 8), 2 sin(2 pi k / 8)).
    for (int k = 0; k < 8; ++k) {
        const auto xs = t.sample_class(k, 200);
        const double cx = 2 * std::cos(2 * M_PI * k / 8), cy = 2 * std::sin(2 * M_PI * k / 8);
        int on = 0;
        for (int i = 0; i < 200; ++i) on += std::hypot(xs[2 * i] - cx, xs[2 * i + 1] - cy) < 0.3;
        EXPECT_GT(on, 160) << "label " << k;
    }
}

TEST(Convergence, RingWganGpCoversTheModes) {
    gan::Trainer t = make("ring-wgan-gp", 1);
    ASSERT_LT(t.stats().highQuality, 0.05);
    t.step(1000);
    const gan::Stats mid = t.stats();
    report("ring-wgan-gp seed 1", mid);
    t.step(1000);
    const gan::Stats s = t.stats();
    report("ring-wgan-gp seed 1", s);
    ASSERT_EQ(s.status, "ok");
    EXPECT_GE(s.modesCovered, 6);
    EXPECT_GT(s.highQuality, 0.3);  // most of the rest sits on the ring between the modes
    EXPECT_LT(s.reverseKL, 0.2);
    EXPECT_LT(radial_error(t.sample(2500)), 0.2);
    // The blog: the Wasserstein estimate falls as the samples improve.
    EXPECT_LT(s.wEstimate, mid.wEstimate);
}

TEST(Convergence, RingWganSpreadsOverTheRing) {
    gan::Trainer t = make("ring-wgan", 1);
    const double start = radial_error(t.sample(2500));
    ASSERT_GT(start, 1.0);
    t.step(2500);
    const gan::Stats s = t.stats();
    report("ring-wgan seed 1", s);
    const double radial = radial_error(t.sample(2500));
    std::printf("[convergence] ring-wgan seed 1 radial error %.3f (start %.3f)\n", radial, start);
    ASSERT_EQ(s.status, "ok");
    EXPECT_LT(radial, 0.35);  // on the ring, not a blob
    EXPECT_GE(s.modesCovered, 6);
    EXPECT_LT(s.reverseKL, 0.3);  // and spread over all of it
}

// The standard GAN shares ring-wgan's nets and optimizer and is shown as it really is
// (`gan eval --suite blog` reports its modes over 20 seeds); a fixed seed can only check
// that it trains without NaN and reports its mode metrics.
TEST(Convergence, RingGanTrainsAndReportsModes) {
    gan::Trainer t = make("ring-gan", 1);
    t.step(2500);
    const gan::Stats s = t.stats();
    report("ring-gan seed 1", s);
    ASSERT_EQ(s.status, "ok");
    EXPECT_TRUE(s.hasModes);
    EXPECT_EQ(s.modesTotal, 8);
    EXPECT_TRUE(std::isfinite(s.dLoss) && std::isfinite(s.gLoss));
}

// Mean distance from each point to the walker's spiral, and the share within 0.15 of it.
std::pair<double, double> spiral_distance(const std::vector<float>& xs, const gan::Config& c) {
    std::vector<std::pair<double, double>> curve;
    for (int k = 0; k <= 2000; ++k) {
        const double u = k / 2000.0, r = c.radius * (0.1 + 0.9 * u), a = 2 * M_PI * c.spiralTurns * u;
        curve.push_back({r * std::cos(a), r * std::sin(a)});
    }
    double sum = 0;
    int near = 0;
    const std::size_t n = xs.size() / 2;
    for (std::size_t i = 0; i < n; ++i) {
        double best = INFINITY;
        for (const auto& [x, y] : curve) best = std::fmin(best, std::hypot(xs[2 * i] - x, xs[2 * i + 1] - y));
        sum += best;
        near += best < 0.15;
    }
    return {sum / n, double(near) / n};
}

TEST(Convergence, WalkerShippedModelDrawsTheSpiral) {
    // Panel 3 shows the pretrained generator from web/models/ (training it takes minutes).
    const std::string here = __FILE__;
    const std::string path = here.substr(0, here.rfind("tests/cpp/")) + "web/models/walker.ganm";
    std::ifstream f(path, std::ios::binary);
    ASSERT_TRUE(f.good()) << "missing " << path;
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    gan::Trainer t = make("walker", 1);
    const auto untrained = spiral_distance(t.sample(1000), t.config());
    t.load_generator(bytes);  // throws if the file no longer fits the preset
    const auto [dist, near] = spiral_distance(t.sample(1000), t.config());
    std::printf("[convergence] walker shipped model: mean distance to the spiral %.3f, within 0.15: %.3f (untrained %.3f, %.3f)\n",
                dist, near, untrained.first, untrained.second);
    EXPECT_LT(dist, 0.12);
    EXPECT_GT(near, 0.8);
    // The latent walker: nearby latent points map to nearby outputs (no jumps along a line).
    std::vector<float> line;
    for (int i = 0; i <= 100; ++i) line.push_back(-1.0f + 0.02f * i), line.push_back(0.3f);
    const auto path_xs = t.generate(line);
    double longest = 0;
    for (int i = 0; i < 100; ++i)
        longest = std::fmax(longest, std::hypot(path_xs[2 * i + 2] - path_xs[2 * i], path_xs[2 * i + 3] - path_xs[2 * i + 1]));
    EXPECT_LT(longest, 0.5);
}

TEST(Convergence, WalkerTrainsWithoutDiverging) {
    gan::Trainer t = make("walker", 1);
    t.step(150);
    const gan::Stats s = t.stats();
    report("walker seed 1", s);
    EXPECT_EQ(s.status, "ok");
    EXPECT_TRUE(std::isfinite(s.wEstimate));
    EXPECT_GT(s.wEstimate, 0.0);  // the critic separates real from fake
}

}  // namespace
