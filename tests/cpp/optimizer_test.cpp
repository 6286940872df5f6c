// Optimizers: one and two steps of SGD, momentum, Adam and RMSProp against
// updates computed by hand (in double, from the papers' formulas).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "gan/optimizer.hpp"

namespace {

using gan::OptimizerKind;
using gan::OptimizerSettings;

OptimizerSettings settings(OptimizerKind k) {
    OptimizerSettings s;
    s.kind = k;
    return s;
}

void expect_params(const std::vector<float>& got, const std::vector<double>& want, const char* what) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        EXPECT_NEAR(got[i], want[i], 2e-7 * (1 + std::fabs(want[i]))) << what << " param " << i;
}

const std::vector<float> kP0 = {1.0f, -2.0f, 0.5f, 0.0f};
const std::vector<float> kG1 = {0.5f, -0.25f, 2.0f, 0.0f};
const std::vector<float> kG2 = {-1.0f, 0.75f, 2.0f, 1e-3f};

TEST(Optimizer, ParseAndName) {
    for (OptimizerKind k : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::RmsProp})
        EXPECT_EQ(gan::parse_optimizer(gan::optimizer_name(k)), k);
    try {
        gan::parse_optimizer("adagrad");
        FAIL() << "no throw";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("adagrad"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("sgd, momentum, adam, rmsprop"), std::string::npos);
    }
}

TEST(Optimizer, SgdTwoSteps) {
    auto opt = gan::make_optimizer(settings(OptimizerKind::Sgd), 4);
    auto p = kP0;
    opt->step(p.data(), kG1.data(), 4, 0.1);  // p -= lr g
    expect_params(p, {1.0 - 0.05, -2.0 + 0.025, 0.5 - 0.2, 0.0}, "step 1");
    opt->step(p.data(), kG2.data(), 4, 0.01);  // the lr argument, not the settings', is used
    expect_params(p, {0.95 + 0.01, -1.975 - 0.0075, 0.3 - 0.02, -1e-5}, "step 2");
}

TEST(Optimizer, MomentumTwoSteps) {
    OptimizerSettings s = settings(OptimizerKind::Momentum);
    s.momentum = 0.9;
    auto opt = gan::make_optimizer(s, 4);
    auto p = kP0;
    std::vector<double> v(4, 0.0), want(kP0.begin(), kP0.end());
    for (int step = 0; step < 2; ++step) {
        const auto& g = step ? kG2 : kG1;
        opt->step(p.data(), g.data(), 4, 0.1);
        for (int i = 0; i < 4; ++i) {
            v[i] = 0.9 * v[i] + g[i];  // heavy ball: v = mu v + g; p -= lr v
            want[i] -= 0.1 * v[i];
        }
        expect_params(p, want, step ? "step 2" : "step 1");
    }
    // Hand value, param 0: step 1: v = 0.5, p = 0.95; step 2: v = 0.45 - 1 = -0.55, p = 0.95 + 0.055.
    EXPECT_NEAR(p[0], 1.005, 1e-6);
}

TEST(Optimizer, AdamTwoSteps) {
    OptimizerSettings s = settings(OptimizerKind::Adam);
    s.beta1 = 0.5, s.beta2 = 0.999, s.eps = 1e-8;
    auto opt = gan::make_optimizer(s, 4);
    auto p = kP0;
    // Step 1: m_hat = g, v_hat = g^2, so each parameter moves by lr * sign(g) (0 where g = 0).
    opt->step(p.data(), kG1.data(), 4, 0.01);
    expect_params(p, {0.99, -1.99, 0.49, 0.0}, "step 1");
    // Step 2 from Kingma & Ba, Algorithm 1, in double.
    std::vector<double> want = {0.99, -1.99, 0.49, 0.0};
    for (int i = 0; i < 4; ++i) {
        const double m1 = 0.5 * kG1[i], v1 = 0.001 * kG1[i] * kG1[i];
        const double m2 = 0.5 * m1 + 0.5 * kG2[i], v2 = 0.999 * v1 + 0.001 * double(kG2[i]) * kG2[i];
        const double mhat = m2 / (1 - 0.25), vhat = v2 / (1 - 0.999 * 0.999);
        want[i] -= 0.01 * mhat / (std::sqrt(vhat) + 1e-8);
    }
    opt->step(p.data(), kG2.data(), 4, 0.01);
    expect_params(p, want, "step 2");
    // Hand value, param 2 (g = 2 twice): m_hat = 2, v_hat = 4: another lr step down.
    EXPECT_NEAR(p[2], 0.48, 1e-6);
}

TEST(Optimizer, AdamEpsilonAndBiasCorrectionMatchThePaperOverManySteps) {
    OptimizerSettings s = settings(OptimizerKind::Adam);
    s.beta1 = 0.9, s.beta2 = 0.99, s.eps = 1e-3;  // a large eps makes its placement visible
    auto opt = gan::make_optimizer(s, 2);
    std::vector<float> p = {0.3f, -0.7f};
    std::vector<double> want = {0.3, -0.7}, m(2, 0), v(2, 0);
    for (int t = 1; t <= 20; ++t) {
        const std::vector<float> g = {static_cast<float>(0.01 * std::sin(t)), static_cast<float>(0.002 * t)};
        opt->step(p.data(), g.data(), 2, 0.05);
        for (int i = 0; i < 2; ++i) {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.99 * v[i] + 0.01 * double(g[i]) * g[i];
            const double mhat = m[i] / (1 - std::pow(0.9, t)), vhat = v[i] / (1 - std::pow(0.99, t));
            want[i] -= 0.05 * mhat / (std::sqrt(vhat) + 1e-3);
        }
    }
    for (int i = 0; i < 2; ++i) EXPECT_NEAR(p[i], want[i], 1e-5) << i;
}

TEST(Optimizer, RmsPropTwoSteps) {
    OptimizerSettings s = settings(OptimizerKind::RmsProp);
    s.decay = 0.9, s.eps = 1e-8;
    auto opt = gan::make_optimizer(s, 4);
    auto p = kP0;
    std::vector<double> ms(4, 0.0), want(kP0.begin(), kP0.end());
    for (int step = 0; step < 2; ++step) {
        const auto& g = step ? kG2 : kG1;
        opt->step(p.data(), g.data(), 4, 0.01);
        for (int i = 0; i < 4; ++i) {
            ms[i] = 0.9 * ms[i] + 0.1 * double(g[i]) * g[i];
            want[i] -= 0.01 * g[i] / (std::sqrt(ms[i]) + 1e-8);
        }
        expect_params(p, want, step ? "step 2" : "step 1");
        // Hand value, param 0, step 1: ms = 0.1 * 0.25, p = 1 - 0.01 * 0.5 / sqrt(0.025) = 0.9683772.
        if (step == 0) {
            EXPECT_NEAR(p[0], 0.9683772234, 1e-6);
        }
    }
}

TEST(Optimizer, ZeroGradientAndZeroLearningRateLeaveParametersAlone) {
    for (OptimizerKind k : {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam, OptimizerKind::RmsProp}) {
        auto opt = gan::make_optimizer(settings(k), 4);
        auto p = kP0;
        const std::vector<float> zero(4, 0.0f);
        opt->step(p.data(), zero.data(), 4, 0.1);
        EXPECT_EQ(p, kP0) << gan::optimizer_name(k);
        opt->step(p.data(), kG1.data(), 4, 0.0);
        EXPECT_EQ(p, kP0) << gan::optimizer_name(k);
    }
}

TEST(Optimizer, StateIsPerInstance) {
    // Two optimizers of the same kind do not share moment estimates.
    auto a = gan::make_optimizer(settings(OptimizerKind::Adam), 4);
    auto b = gan::make_optimizer(settings(OptimizerKind::Adam), 4);
    auto pa = kP0, pb = kP0;
    a->step(pa.data(), kG1.data(), 4, 0.01);
    a->step(pa.data(), kG2.data(), 4, 0.01);
    b->step(pb.data(), kG1.data(), 4, 0.01);
    b->step(pb.data(), kG2.data(), 4, 0.01);
    EXPECT_EQ(pa, pb);
}

}  // namespace
