// Trainer: determinism, stats() purity, divergence and reset, conditional
// sampling, D evaluation and its input gradient, and bad call arguments (each
// throws, names the argument, and leaves the run exactly as it was).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gan/presets.hpp"
#include "gan/trainer.hpp"

namespace {

using Overrides = std::vector<std::pair<std::string, std::string>>;

gan::Config config(const std::string& preset, double seed = 1, const Overrides& o = {}) {
    gan::Config c = gan::preset_config(preset);
    c.seed = seed;
    for (const auto& [k, v] : o) gan::set_field(c, k, v);
    return c;
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

// Every number stats() reports, bit for bit (NaN equal to NaN).
void expect_same_stats(const gan::Stats& a, const gan::Stats& b, const std::string& where) {
    EXPECT_EQ(a.epoch, b.epoch) << where;
    EXPECT_TRUE(same(a.dLoss, b.dLoss)) << where << " dLoss " << a.dLoss << " vs " << b.dLoss;
    EXPECT_TRUE(same(a.gLoss, b.gLoss)) << where << " gLoss";
    EXPECT_TRUE(same(a.dLossAvg, b.dLossAvg)) << where << " dLossAvg";
    EXPECT_TRUE(same(a.wEstimate, b.wEstimate)) << where << " wEstimate";
    ASSERT_EQ(a.mean.size(), b.mean.size()) << where;
    for (std::size_t i = 0; i < a.mean.size(); ++i) {
        EXPECT_TRUE(same(a.mean[i], b.mean[i])) << where << " mean " << i;
        EXPECT_TRUE(same(a.std[i], b.std[i])) << where << " std " << i;
    }
    EXPECT_EQ(a.status, b.status) << where;
    EXPECT_EQ(a.divergedAt, b.divergedAt) << where;
    EXPECT_TRUE(same(a.w1, b.w1)) << where << " w1";
    EXPECT_TRUE(same(a.ks, b.ks)) << where << " ks";
    EXPECT_EQ(a.modesCovered, b.modesCovered) << where;
    EXPECT_TRUE(same(a.highQuality, b.highQuality)) << where;
    EXPECT_TRUE(same(a.reverseKL, b.reverseKL)) << where;
    EXPECT_EQ(a.modeCounts, b.modeCounts) << where;
}

// A fingerprint of the whole run: G's weights, D on a fixed grid, samples, stats.
struct Fingerprint {
    std::vector<std::uint8_t> g;
    std::vector<float> d, samples;
    gan::Stats stats;
};

std::vector<float> grid_points(int dim) {
    std::vector<float> p;
    for (int i = 0; i < 41; ++i)
        for (int a = 0; a < dim; ++a) p.push_back(-4.0f + 0.2f * i + 0.37f * a);
    return p;
}

Fingerprint fingerprint(gan::Trainer& t) {
    return {t.save_generator(), t.evaluate_d(grid_points(t.dim()), t.classes() ? 0 : -1), t.sample(200), t.stats()};
}

void expect_same(gan::Trainer& a, gan::Trainer& b, const std::string& where) {
    const Fingerprint fa = fingerprint(a), fb = fingerprint(b);
    EXPECT_EQ(fa.g, fb.g) << where << ": generator weights";
    EXPECT_EQ(fa.d, fb.d) << where << ": D on a grid";
    EXPECT_EQ(fa.samples, fb.samples) << where << ": samples";
    expect_same_stats(fa.stats, fb.stats, where);
}

TEST(Trainer, SamePresetAndSeedGiveIdenticalRuns) {
    for (const char* preset : {"blog-1d", "blog-1d-sgd", "ring-gan", "ring-wgan", "ring-wgan-gp", "ring-cgan"}) {
        gan::Trainer a(config(preset, 7)), b(config(preset, 7));
        const int epochs = std::string(preset).rfind("blog", 0) == 0 ? 200 : 15;
        a.step(epochs);
        b.step(epochs);
        expect_same(a, b, preset);
    }
}

TEST(Trainer, DifferentSeedsGiveDifferentRuns) {
    gan::Trainer a(config("blog-1d", 1)), b(config("blog-1d", 2));
    EXPECT_NE(a.save_generator(), b.save_generator());  // different initial weights
    a.step(50);
    b.step(50);
    EXPECT_NE(a.sample(100), b.sample(100));
    EXPECT_NE(a.stats().mean[0], b.stats().mean[0]);
    EXPECT_NE(a.stats().dLoss, b.stats().dLoss);
}

TEST(Trainer, StepIsAdditive) {
    gan::Trainer a(config("ring-wgan", 5)), b(config("ring-wgan", 5));
    a.step(12);
    b.step(5);
    b.step(0);
    b.step(7);
    EXPECT_EQ(b.epoch(), 12);
    expect_same(a, b, "12 vs 5 + 0 + 7");
}

TEST(Trainer, ReadOnlyCallsDoNotChangeTheTrajectory) {
    // stats(), sample(), generate(), evaluate_d() and gradient_d() between steps
    // must leave the training trajectory exactly as without them.
    for (const char* preset : {"blog-1d", "ring-wgan-gp", "ring-cgan"}) {
        gan::Trainer quiet(config(preset, 11)), busy(config(preset, 11));
        const int label = busy.classes() ? 2 : -1;
        std::vector<float> z(7 * busy.noise_dim(), 0.5f);
        for (int e = 0; e < 20; ++e) {
            busy.step(1);
            busy.stats();
            busy.sample(33);
            busy.generate(z, label);
            busy.evaluate_d(grid_points(busy.dim()), label);
            busy.gradient_d(grid_points(busy.dim()), label);
            if (busy.classes()) busy.sample_class(1, 9);
        }
        quiet.step(20);
        EXPECT_EQ(quiet.save_generator(), busy.save_generator()) << preset;
        EXPECT_EQ(quiet.evaluate_d(grid_points(quiet.dim()), label), busy.evaluate_d(grid_points(busy.dim()), label)) << preset;
        expect_same_stats(quiet.stats(), busy.stats(), preset);
    }
}

TEST(Trainer, StatsIsAPureFunctionOfTheWeights) {
    gan::Trainer t(config("ring-gan", 3));
    t.step(5);
    const gan::Stats a = t.stats();
    t.sample(100);
    const gan::Stats b = t.stats();
    expect_same_stats(a, b, "stats twice");
}

TEST(Trainer, StatsReportWhatTheTargetCalls) {
    gan::Trainer blog(config("blog-1d"));
    blog.step(3);
    const gan::Stats s = blog.stats();
    EXPECT_EQ(s.epoch, 3);
    EXPECT_EQ(s.status, "ok");
    EXPECT_EQ(s.divergedAt, -1);
    EXPECT_EQ(s.evalSamples, gan::Trainer::kEvalSamples);
    EXPECT_EQ(s.mean.size(), 1u);
    EXPECT_EQ(s.std.size(), 1u);
    EXPECT_TRUE(s.has1d);
    EXPECT_FALSE(s.hasModes);
    EXPECT_TRUE(std::isnan(s.wEstimate));  // not a Wasserstein run
    EXPECT_TRUE(std::isfinite(s.w1) && s.w1 > 0);
    EXPECT_TRUE(s.ks > 0 && s.ks <= 1);
    EXPECT_TRUE(std::isfinite(s.dLoss) && std::isfinite(s.gLoss));

    // The reported moments are those of generated samples: compare with sample().
    const auto xs = blog.sample(20000);
    double m = 0;
    for (float x : xs) m += x;
    m /= xs.size();
    EXPECT_NEAR(m, s.mean[0], 5 * s.std[0] / std::sqrt(2500.0) + 5 * s.std[0] / std::sqrt(20000.0));

    gan::Trainer ring(config("ring-wgan-gp"));
    ring.step(2);
    const gan::Stats r = ring.stats();
    EXPECT_EQ(r.mean.size(), 2u);
    EXPECT_FALSE(r.has1d);
    EXPECT_TRUE(r.hasModes);
    EXPECT_EQ(r.modesTotal, 8);
    EXPECT_EQ(r.modeCounts.size(), 8u);
    EXPECT_TRUE(std::isfinite(r.wEstimate));
    // dLossAvg averages the last (up to) 100 dLoss values.
    gan::Trainer one(config("blog-1d"));
    one.step(1);
    EXPECT_EQ(one.stats().dLossAvg, one.stats().dLoss);
}

TEST(Trainer, HugeLearningRateDivergesAndStops) {
    gan::Trainer t(config("blog-1d-sgd", 1, {{"gLr", "10"}, {"dLr", "10"}}));
    t.step(200);
    ASSERT_TRUE(t.diverged());
    const gan::Stats s = t.stats();
    EXPECT_EQ(s.status, "diverged");
    EXPECT_GE(s.divergedAt, 1);
    EXPECT_LE(s.divergedAt, 200);
    EXPECT_EQ(s.epoch, s.divergedAt);  // nothing trained after the epoch that produced NaN
    EXPECT_FALSE(s.ks < 0.5) << "a diverged run must not report a good KS: " << s.ks;
    EXPECT_FALSE(s.w1 < 0.5) << "a diverged run must not report a good W1: " << s.w1;

    // Further steps change nothing: not the epoch, not the weights.
    const auto g = t.save_generator();
    const auto d = t.evaluate_d(grid_points(1));
    t.step(50);
    EXPECT_EQ(t.epoch(), s.epoch);
    EXPECT_EQ(t.save_generator(), g);
    const auto d2 = t.evaluate_d(grid_points(1));
    ASSERT_EQ(d.size(), d2.size());
    for (std::size_t i = 0; i < d.size(); ++i) EXPECT_TRUE(same(d[i], d2[i])) << i;
    EXPECT_EQ(t.stats().status, "diverged");

    // reset() restores a working run: the same as a fresh trainer with this config.
    t.reset();
    EXPECT_FALSE(t.diverged());
    EXPECT_EQ(t.epoch(), 0);
    EXPECT_EQ(t.stats().status, "ok");
    EXPECT_EQ(t.stats().divergedAt, -1);
    gan::Trainer fresh(t.config());
    t.step(1);
    fresh.step(1);
    expect_same(t, fresh, "after reset");
}

TEST(Trainer, DivergenceIsDetectedForWassersteinRunsToo) {
    gan::Trainer t(config("ring-wgan-gp", 2, {{"gOpt", "sgd"}, {"dOpt", "sgd"}, {"gLr", "10"}, {"dLr", "10"}, {"gpLambda", "1000"}}));
    t.step(300);
    ASSERT_TRUE(t.diverged());
    EXPECT_EQ(t.stats().status, "diverged");
    EXPECT_EQ(t.epoch(), t.stats().divergedAt);
}

TEST(Trainer, ResetOfAHealthyRunStartsOver) {
    gan::Trainer t(config("ring-cgan", 4)), fresh(config("ring-cgan", 4));
    t.step(7);
    t.sample(10);
    t.reset();
    EXPECT_EQ(t.epoch(), 0);
    expect_same(t, fresh, "reset");
}

TEST(Trainer, ConditionalSamplingShapes) {
    gan::Trainer t(config("ring-cgan", 1));
    EXPECT_EQ(t.classes(), 8);
    EXPECT_EQ(t.dim(), 2);
    EXPECT_EQ(t.noise_dim(), 2);
    t.step(3);
    EXPECT_EQ(t.sample(100).size(), 200u);
    for (int label = 0; label < 8; ++label) EXPECT_EQ(t.sample_class(label, 37).size(), 74u) << label;
    EXPECT_EQ(t.sample_class(0, 0).size(), 0u);
    const std::vector<float> z(10 * 2, 0.1f);
    EXPECT_EQ(t.generate(z, 3).size(), 20u);
    EXPECT_NE(t.generate(z, 3), t.generate(z, 4));  // the label is an input of G
    const std::vector<float> pts = {2.0f, 0.0f, 0.0f, 2.0f};
    EXPECT_EQ(t.evaluate_d(pts, 0).size(), 2u);
    EXPECT_EQ(t.gradient_d(pts, 7).size(), 4u);
    // Label required in a conditional run, and in range.
    EXPECT_THROW(t.generate(z), std::invalid_argument);
    EXPECT_THROW(t.generate(z, 8), std::invalid_argument);
    EXPECT_THROW(t.sample_class(8, 5), std::invalid_argument);
    EXPECT_THROW(t.sample_class(-1, 5), std::invalid_argument);
    EXPECT_THROW(t.evaluate_d(pts), std::invalid_argument);
}

TEST(Trainer, EvaluateDIsAProbabilityForLossGan) {
    gan::Trainer t(config("blog-1d", 2));
    t.step(100);
    std::vector<float> xs;
    for (int i = 0; i <= 150; ++i) xs.push_back(-5.0f + 0.1f * i);
    const auto p = t.evaluate_d(xs);
    ASSERT_EQ(p.size(), xs.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        EXPECT_GT(p[i], 0.0f) << xs[i];
        EXPECT_LT(p[i], 1.0f) << xs[i];
    }
    EXPECT_TRUE(t.evaluate_d({}).empty());
    // A Wasserstein critic reports raw scores: not confined to (0, 1) (clipping keeps them small, so use GP).
    gan::Trainer w(config("ring-wgan-gp", 2));
    w.step(5);
    const auto s = w.evaluate_d(grid_points(2));
    bool outside = false;
    for (float v : s) outside |= v < 0.0f || v > 1.0f;
    EXPECT_TRUE(outside);
}

// d evaluate_d / dx against central differences of evaluate_d (float outputs, h = 1e-3),
// skipping points where the one-sided differences disagree (a ReLU kink within h).
void check_gradient_d(gan::Trainer& t, int label, const std::string& what) {
    const int dim = t.dim();
    std::vector<float> pts;
    gan::Rng rng(42);
    for (int i = 0; i < 60 * dim; ++i) pts.push_back(static_cast<float>(rng.normal() * 2.0));
    const auto g = t.gradient_d(pts, label);
    ASSERT_EQ(g.size(), pts.size());
    const auto f0 = t.evaluate_d(pts, label);
    const float h = 1e-3f;
    int checked = 0, total = 0;
    double gmax = 0, fmax = 0;
    for (float v : g) gmax = std::fmax(gmax, std::fabs(v));
    for (float v : f0) fmax = std::fmax(fmax, std::fabs(v));
    ASSERT_GT(gmax, 1e-3) << what << ": D is flat";
    const double rounding = 8 * 6e-8 * (1 + fmax) / h;  // float rounding of the outputs, over h
    for (std::size_t k = 0; k < pts.size(); ++k) {
        auto up = pts, down = pts;
        up[k] += h;
        down[k] -= h;
        const std::size_t row = k / dim;
        const double fu = t.evaluate_d(up, label)[row], fd = t.evaluate_d(down, label)[row];
        const double hu = double(up[k]) - pts[k], hd = double(pts[k]) - down[k];
        const double right = (fu - f0[row]) / hu, left = (f0[row] - fd) / hd, central = (fu - fd) / (hu + hd);
        ++total;
        const double tol = 1e-2 * std::fabs(central) + 1e-3 * gmax + rounding;
        if (std::fabs(right - left) > 2 * rounding + 1e-2 * std::fabs(central)) continue;  // a kink within h
        ++checked;
        EXPECT_NEAR(g[k], central, tol) << what << " point " << row << " coordinate " << k % dim;
    }
    EXPECT_GT(checked, total * 7 / 10) << what << ": too many points skipped";
}

TEST(Trainer, GradientDMatchesFiniteDifferencesOfEvaluateD) {
    {
        gan::Trainer t(config("blog-1d", 3));
        t.step(50);
        check_gradient_d(t, -1, "blog-1d (probability, relu)");
    }
    {
        gan::Trainer t(config("blog-1d", 3, {{"dActivation", "tanh"}}));
        t.step(50);
        check_gradient_d(t, -1, "blog-1d (probability, tanh)");
    }
    {
        gan::Trainer t(config("ring-wgan-gp", 3));
        t.step(10);
        check_gradient_d(t, -1, "ring-wgan-gp (score)");
    }
    {
        gan::Trainer t(config("ring-cgan", 3, {{"dActivation", "leaky"}}));
        t.step(10);
        check_gradient_d(t, 6, "ring-cgan (label 6)");
    }
}

// A bad call must throw std::invalid_argument whose message contains every needle.
void expect_bad(const std::function<void()>& call, std::vector<std::string> needles, const std::string& what) {
    try {
        call();
        ADD_FAILURE() << what << ": accepted";
    } catch (const std::invalid_argument& e) {
        for (const auto& n : needles) EXPECT_NE(std::string(e.what()).find(n), std::string::npos) << what << ": " << e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << what << ": threw another type: " << e.what();
    }
}

TEST(Trainer, BadCallsThrowAndLeaveTheRunUnchanged) {
    const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
    for (const char* preset : {"ring-wgan-gp", "blog-1d"}) {
        gan::Trainer t(config(preset, 9)), twin(config(preset, 9));
        t.step(3);
        twin.step(3);
        const int nd = t.noise_dim(), dim = t.dim();
        const std::string maxs = std::to_string(gan::kMaxSamples);
        expect_bad([&] { t.step(-1); }, {"epochs", "-1", std::to_string(gan::kMaxStepEpochs)}, "step(-1)");
        expect_bad([&] { t.step(gan::kMaxStepEpochs + 1); }, {"epochs"}, "step(past cap)");
        expect_bad([&] { t.sample(-1); }, {"n", "-1", maxs}, "sample(-1)");
        expect_bad([&] { t.sample(gan::kMaxSamples + 1); }, {"n", maxs}, "sample(past cap)");
        expect_bad([&] { t.sample_class(0, 10); }, {"sample_class", "conditional"}, "sample_class on a plain run");
        if (nd > 1) expect_bad([&] { t.generate(std::vector<float>(nd * 3 + 1, 0.0f)); }, {"latents", std::to_string(nd)}, "generate(wrong size)");
        expect_bad([&] { t.generate(std::vector<float>(nd * 4, nan)); }, {"latents", "finite"}, "generate(NaN)");
        std::vector<float> z(nd * 4, 0.0f);
        z[1] = inf;
        expect_bad([&] { t.generate(z); }, {"latents", "finite"}, "generate(inf)");
        expect_bad([&] { t.generate(std::vector<float>(nd * 2, 0.0f), 0); }, {"label", "0"}, "generate(label on a plain run)");
        if (dim > 1) expect_bad([&] { t.evaluate_d(std::vector<float>(dim * 2 + 1, 0.0f)); }, {"points"}, "evaluate_d(wrong size)");
        expect_bad([&] { t.evaluate_d(std::vector<float>(dim * 2, nan)); }, {"points", "finite"}, "evaluate_d(NaN)");
        expect_bad([&] { t.gradient_d(std::vector<float>(dim * 2, 0.0f), 3); }, {"label"}, "gradient_d(label)");
        expect_bad([&] { t.gradient_d(std::vector<float>(dim * 2, -inf)); }, {"points"}, "gradient_d(-inf)");
        expect_bad([&] { t.load_generator({1, 2, 3}); }, {"model"}, "load_generator(garbage)");
        EXPECT_EQ(t.epoch(), 3);
        // Still working, and exactly where the untouched twin is.
        t.step(4);
        twin.step(4);
        expect_same(t, twin, std::string(preset) + " after bad calls");
    }
    // Conditional runs: labels out of range.
    gan::Trainer c(config("ring-cgan", 9)), twin(config("ring-cgan", 9));
    const std::vector<float> z(4, 0.0f), pts(4, 1.0f);
    expect_bad([&] { c.sample_class(8, 3); }, {"label", "8", "7"}, "sample_class(8)");
    expect_bad([&] { c.sample_class(-2, 3); }, {"label"}, "sample_class(-2)");
    expect_bad([&] { c.sample_class(1, -3); }, {"n", "-3"}, "sample_class(n = -3)");
    expect_bad([&] { c.generate(z, 9); }, {"label", "9"}, "generate(label 9)");
    expect_bad([&] { c.generate(z); }, {"label"}, "generate(no label)");
    expect_bad([&] { c.evaluate_d(pts, 100); }, {"label"}, "evaluate_d(label 100)");
    c.step(3);
    twin.step(3);
    expect_same(c, twin, "ring-cgan after bad calls");
}

TEST(Trainer, CountCapsAreInclusive) {
    gan::Trainer t(config("blog-1d"));
    EXPECT_EQ(t.sample(0).size(), 0u);
    EXPECT_EQ(t.generate({}).size(), 0u);
    EXPECT_EQ(t.sample(gan::kMaxSamples).size(), static_cast<std::size_t>(gan::kMaxSamples));
}

TEST(Trainer, NCriticAndSplitUpdatesRun) {
    // The blog's split D update and several critic steps per G step train without trouble.
    gan::Trainer split(config("blog-1d-sgd", 1));
    split.step(20);
    EXPECT_FALSE(split.diverged());
    gan::Trainer joint(config("blog-1d-sgd", 1, {{"dUpdate", "joint"}}));
    joint.step(20);
    EXPECT_NE(split.save_generator(), joint.save_generator());
    for (const char* loss : {"lsgan", "wgan"}) {
        gan::Trainer t(config("blog-1d", 1, {{"loss", loss}, {"nCritic", "3"}}));
        t.step(20);
        EXPECT_FALSE(t.diverged()) << loss;
        EXPECT_TRUE(std::isfinite(t.stats().dLoss)) << loss;
    }
    gan::Trainer mm(config("blog-1d", 1, {{"genLoss", "minimax"}}));
    mm.step(20);
    EXPECT_LT(mm.stats().gLoss, 0.0);  // log(1 - D) < 0
}

TEST(Trainer, WeightClippingHoldsForWgan) {
    gan::Trainer t(config("ring-wgan", 1));
    t.step(5);
    // The critic's weights are in [-c, c], so its score is Lipschitz with a small constant:
    // |f(x) - f(y)| <= (c^2 * width * |x - y|_1) for a 2-128-1 net with |relu'| <= 1.
    const auto s = t.evaluate_d({0.0f, 0.0f, 1.0f, 1.0f});
    const double bound = 0.01 * 0.01 * 128 * 2.0;
    EXPECT_LE(std::fabs(s[0] - s[1]), bound + 1e-7);
    const auto g = t.gradient_d({0.3f, -0.2f});
    EXPECT_LE(std::fabs(g[0]), 0.01 * 0.01 * 128 + 1e-7);
    EXPECT_LE(std::fabs(g[1]), 0.01 * 0.01 * 128 + 1e-7);
}

}  // namespace
