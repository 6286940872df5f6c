// Losses: every LossTerm at hand-computed points, numerically stable at huge
// logits, and its gradient against central differences.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "gan/losses.hpp"
#include "test_helpers.hpp"

namespace {

using gan::LossTerm;
const double kLog2 = 0.69314718055994530942;

const LossTerm kAll[] = {LossTerm::BceReal, LossTerm::BceFake, LossTerm::Minimax, LossTerm::LsqReal,
                         LossTerm::LsqFake, LossTerm::ScoreUp, LossTerm::ScoreDown};

double one(LossTerm t, float s, float* g = nullptr) { return gan::loss_term(t, &s, 1, g); }

TEST(Losses, BceAtLogitZeroIsLog2) {
    float g;
    EXPECT_NEAR(one(LossTerm::BceReal, 0.0f, &g), kLog2, 1e-15);
    EXPECT_FLOAT_EQ(g, -0.5f);  // sigmoid(0) - 1
    EXPECT_NEAR(one(LossTerm::BceFake, 0.0f, &g), kLog2, 1e-15);
    EXPECT_FLOAT_EQ(g, 0.5f);
    EXPECT_NEAR(one(LossTerm::Minimax, 0.0f, &g), -kLog2, 1e-15);
    EXPECT_FLOAT_EQ(g, -0.5f);
    // D's loss at the equilibrium D = 1/2 on both halves: 2 log 2 = 1.386 (the blog's converged D loss).
    EXPECT_NEAR(one(LossTerm::BceReal, 0.0f) + one(LossTerm::BceFake, 0.0f), 2 * kLog2, 1e-15);
}

TEST(Losses, HandComputedValues) {
    // logit 2: -log sigmoid(2) = log(1 + e^-2); -log(1 - sigmoid(2)) = log(1 + e^2).
    float g;
    EXPECT_NEAR(one(LossTerm::BceReal, 2.0f, &g), std::log1p(std::exp(-2.0)), 1e-15);
    EXPECT_NEAR(g, 1 / (1 + std::exp(-2.0)) - 1, 1e-7);
    EXPECT_NEAR(one(LossTerm::BceFake, 2.0f, &g), std::log1p(std::exp(2.0)), 1e-15);
    EXPECT_NEAR(g, 1 / (1 + std::exp(-2.0)), 1e-7);
    EXPECT_NEAR(one(LossTerm::Minimax, -1.0f, &g), -std::log1p(std::exp(-1.0)), 1e-15);
    EXPECT_NEAR(g, -1 / (1 + std::exp(1.0)), 1e-7);
    EXPECT_DOUBLE_EQ(one(LossTerm::LsqReal, 3.0f, &g), 2.0);  // (3 - 1)^2 / 2
    EXPECT_FLOAT_EQ(g, 2.0f);
    EXPECT_DOUBLE_EQ(one(LossTerm::LsqFake, -3.0f, &g), 4.5);
    EXPECT_FLOAT_EQ(g, -3.0f);
    EXPECT_DOUBLE_EQ(one(LossTerm::ScoreUp, 1.5f, &g), -1.5);
    EXPECT_FLOAT_EQ(g, -1.0f);
    EXPECT_DOUBLE_EQ(one(LossTerm::ScoreDown, 1.5f, &g), 1.5);
    EXPECT_FLOAT_EQ(g, 1.0f);
}

TEST(Losses, BatchMeanWithOneOverNInTheGradient) {
    const std::vector<float> s = {1.0f, -2.0f, 0.5f, 4.0f};
    for (LossTerm t : kAll) {
        std::vector<float> g(4);
        const double mean = gan::loss_term(t, s.data(), 4, g.data());
        double want = 0;
        for (int i = 0; i < 4; ++i) {
            float gi;
            want += one(t, s[i], &gi);
            EXPECT_FLOAT_EQ(g[i], gi / 4) << i;
        }
        EXPECT_NEAR(mean, want / 4, 1e-15);
        EXPECT_EQ(gan::loss_term(t, s.data(), 4, nullptr), mean);  // grad may be null
    }
}

TEST(Losses, LargeLogitsStayFinite) {
    EXPECT_EQ(gan::softplus(1000.0), 1000.0);
    EXPECT_EQ(gan::softplus(-1000.0), 0.0);
    EXPECT_EQ(gan::sigmoid(1000.0), 1.0);
    EXPECT_EQ(gan::sigmoid(-1000.0), 0.0);
    EXPECT_NEAR(gan::softplus(-40.0), std::exp(-40.0), 1e-30);  // log1p(e^-40) ~ e^-40, no cancellation
    EXPECT_NEAR(gan::sigmoid(-40.0), std::exp(-40.0), 1e-30);
    float g;
    // A confident wrong D: finite loss equal to the logit, saturated gradient of magnitude 1.
    EXPECT_DOUBLE_EQ(one(LossTerm::BceReal, -1000.0f, &g), 1000.0);
    EXPECT_FLOAT_EQ(g, -1.0f);
    EXPECT_DOUBLE_EQ(one(LossTerm::BceFake, 1000.0f, &g), 1000.0);
    EXPECT_FLOAT_EQ(g, 1.0f);
    EXPECT_DOUBLE_EQ(one(LossTerm::Minimax, 1000.0f, &g), -1000.0);
    EXPECT_FLOAT_EQ(g, -1.0f);
    EXPECT_EQ(one(LossTerm::BceReal, 1000.0f, &g), 0.0);
    EXPECT_EQ(g, 0.0f);
    // The largest float logit.
    const float huge = 3e38f;
    EXPECT_TRUE(std::isfinite(one(LossTerm::BceReal, -huge, &g)));
    EXPECT_TRUE(std::isfinite(g));
    EXPECT_TRUE(std::isfinite(one(LossTerm::BceFake, huge, &g)));
}

TEST(Losses, SoftplusAndSigmoidAccuracy) {
    for (double x = -30; x <= 30; x += 0.37) {
        EXPECT_LT(gan::test::rel_err(gan::softplus(x), std::log1p(std::exp(x))), 1e-15) << x;
        EXPECT_LT(gan::test::rel_err(gan::sigmoid(x), 1 / (1 + std::exp(-x))), 1e-15) << x;
        EXPECT_NEAR(gan::sigmoid(x) + gan::sigmoid(-x), 1.0, 4.5e-16) << x;  // 2 ulp
        EXPECT_NEAR(gan::softplus(x) - gan::softplus(-x), x, 1e-14) << x;  // softplus(x) - softplus(-x) = x
    }
}

TEST(Losses, GradientsMatchCentralDifferences) {
    const std::vector<float> points = {-30.0f, -6.0f, -1.3f, -0.2f, 0.0f, 0.4f, 1.1f, 3.7f, 25.0f};
    for (LossTerm t : kAll) {
        const int N = static_cast<int>(points.size());
        std::vector<float> g(N);
        gan::loss_term(t, points.data(), N, g.data());
        for (int i = 0; i < N; ++i) {
            auto s = points;
            const float u = points[i] + 1e-2f, d = points[i] - 1e-2f;
            s[i] = u;
            const double up = gan::loss_term(t, s.data(), N, nullptr);
            s[i] = d;
            const double down = gan::loss_term(t, s.data(), N, nullptr);
            const double fd = (up - down) / (double(u) - double(d));
            EXPECT_NEAR(g[i], fd, 1e-5 * (1e-3 + std::fabs(fd)) + 1e-6) << "term " << static_cast<int>(t) << " at " << points[i];
        }
    }
}

}  // namespace
