// GradientPenalty: the WGAN-GP penalty's value against a double-precision
// reference, and its parameter gradient (double backprop) against central
// differences of GradientPenalty::value, for ReLU, LeakyReLU and Tanh critics
// (tanh exercises the second-order path) of depths 1..3.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <tuple>
#include <vector>

#include "gan/gradient_penalty.hpp"
#include "test_helpers.hpp"

namespace {

using gan::Activation;
using gan::Mlp;
using gan::MlpShape;
using namespace gan::test;

using Case = std::tuple<Activation, int, int>;  // activation, depth, input width

class GradientPenaltyGrad : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        const auto [act, depth, in] = GetParam();
        rng = gan::Rng(500 + depth * 10 + in * 3 + static_cast<int>(act));
        // Width 6 keeps the loop over parameters short; scale the weights so the
        // input-gradient norms sit near 1, where the penalty's gradient is most curved.
        critic = std::make_unique<Mlp>(MlpShape{in, 1, depth, 6, act, 0.2f}, rng);
        randomize_biases(*critic, rng, 0.5);
        for (auto& p : critic->params()) p *= 0.8f;
        xs = kink_free_inputs(*critic, rng, kN, kMargin, 1.5);
    }
    static constexpr int kN = 5;
    static constexpr double kMargin = 0.05, kLambda = 10.0;
    gan::Rng rng{0};
    std::unique_ptr<Mlp> critic;
    std::vector<float> xs;
};

TEST_P(GradientPenaltyGrad, ValueMatchesDoubleReference) {
    gan::GradientPenalty gp;
    const double v = gp.value(*critic, xs.data(), kN, kLambda);
    const double want = ref_gradient_penalty(ref_of(*critic), to_double(xs), kN, kLambda);
    EXPECT_GT(want, 1e-3);  // a penalty worth differentiating
    EXPECT_NEAR(v, want, 1e-5 * (1 + want));
}

TEST_P(GradientPenaltyGrad, ApplyReturnsValueAndAddsIntoGrads) {
    gan::GradientPenalty gp;
    const double v = gp.value(*critic, xs.data(), kN, kLambda);
    critic->zero_grad();
    const double a = gp.apply(*critic, xs.data(), kN, kLambda);
    EXPECT_EQ(a, v);
    const auto g = critic->grads();
    // apply adds: existing gradients are kept.
    for (std::size_t k = 0; k < g.size(); ++k) critic->grads()[k] = 1.0f;
    gp.apply(*critic, xs.data(), kN, kLambda);
    for (std::size_t k = 0; k < g.size(); ++k) EXPECT_NEAR(critic->grads()[k], 1.0f + g[k], 1e-6 * (1 + std::fabs(g[k]))) << k;
    // lambda scales the penalty and its gradient linearly.
    critic->zero_grad();
    EXPECT_NEAR(gp.apply(*critic, xs.data(), kN, 2 * kLambda), 2 * v, 1e-12 * (1 + v));
    for (std::size_t k = 0; k < g.size(); ++k) EXPECT_NEAR(critic->grads()[k], 2 * g[k], 1e-6 * (1 + std::fabs(g[k])));
}

TEST_P(GradientPenaltyGrad, ParameterGradientMatchesCentralDifferences) {
    const Activation act = std::get<0>(GetParam());
    gan::GradientPenalty gp;
    critic->zero_grad();
    gp.apply(*critic, xs.data(), kN, kLambda);
    const std::vector<float> grads = critic->grads();
    const RefNet base = ref_of(*critic);
    const auto x = to_double(xs);
    std::vector<double> pre;
    ref_forward(base, x, kN, &pre);
    if (act != Activation::Tanh) {
        ASSERT_GT(min_abs(pre), kMargin);
    }

    double gnorm = 0;
    for (float g : grads) gnorm = std::fmax(gnorm, std::fabs(g));
    ASSERT_GT(gnorm, 1e-3) << "degenerate case: no gradient to check";
    int nonzero_bias_grads = 0;
    for (std::size_t k = 0; k < grads.size(); ++k) {
        // (1) Central differences of the double reference penalty, h = 1e-6.
        RefNet r = base;
        const double h = 1e-6;
        r.P[k] = base.P[k] + h;
        const double up = ref_gradient_penalty(r, x, kN, kLambda);
        r.P[k] = base.P[k] - h;
        const double fd = (up - ref_gradient_penalty(r, x, kN, kLambda)) / (2 * h);
        EXPECT_NEAR(grads[k], fd, 1e-4 * (std::fabs(fd) + 1e-2 * gnorm)) << "param " << k << " (double reference)";

        // (2) Central differences of GradientPenalty::value on the float critic, eps = 1e-3.
        const float p0 = critic->params()[k], pu = p0 + 1e-3f, pd = p0 - 1e-3f;
        critic->params()[k] = pu;
        const double vu = gp.value(*critic, xs.data(), kN, kLambda);
        critic->params()[k] = pd;
        const double vd = gp.value(*critic, xs.data(), kN, kLambda);
        critic->params()[k] = p0;
        const double fde = (vu - vd) / (double(pu) - double(pd));
        EXPECT_NEAR(grads[k], fde, 1e-2 * (std::fabs(fde) + 1e-1 * gnorm)) << "param " << k << " (engine value)";
    }
    // Biases act on the penalty only through act'' (tanh): make sure that path was exercised.
    for (const auto& L : critic->layers())
        for (int o = 0; o < L.out; ++o) nonzero_bias_grads += std::fabs(grads[L.b_offset + o]) > 1e-6f;
    if (act == Activation::Tanh) {
        EXPECT_GT(nonzero_bias_grads, 0);
    } else {
        EXPECT_EQ(nonzero_bias_grads, 0);  // piecewise linear: the input gradient ignores biases locally
    }
}

INSTANTIATE_TEST_SUITE_P(Critics, GradientPenaltyGrad,
                         ::testing::Combine(::testing::Values(Activation::Relu, Activation::LeakyRelu, Activation::Tanh),
                                            ::testing::Values(1, 2, 3), ::testing::Values(2, 3)),
                         [](const auto& info) {
                             return std::string(act_label(std::get<0>(info.param))) + "_depth" +
                                    std::to_string(std::get<1>(info.param)) + "_in" + std::to_string(std::get<2>(info.param));
                         });

TEST(GradientPenalty, HandComputedLinearCritic) {
    // A critic whose input gradient is the same everywhere: depth 1, ReLU, all units active.
    // f(x) = sum_o W2_o relu(W1_o . x + b1_o) + b2 with every unit on: grad = sum_o W2_o W1_o.
    gan::Rng rng(1);
    Mlp critic(MlpShape{2, 1, 1, 2, Activation::Relu, 0.2f}, rng);
    // W1 (2x2) = [[1, 0], [0, 1]], b1 = [10, 10], W2 = [0.6, 0.8], b2 = 0: grad = (0.6, 0.8), |grad| = 1.
    critic.params() = {1, 0, 0, 1, 10, 10, 0.6f, 0.8f, 0};
    const std::vector<float> xs = {0.1f, 0.2f, -0.3f, 0.4f};
    gan::GradientPenalty gp;
    EXPECT_NEAR(gp.value(critic, xs.data(), 2, 10.0), 0.0, 1e-12);  // |grad| = 1: no penalty
    // W2 = [1.2, 1.6]: |grad| = 2, penalty = lambda (2 - 1)^2 = 10.
    critic.params()[6] = 1.2f, critic.params()[7] = 1.6f;
    EXPECT_NEAR(gp.value(critic, xs.data(), 2, 10.0), 10.0, 1e-5);
    // Per row, g = (W2_0, W2_1) = (1.2, 1.6) and d GP / d g = lambda 2 (|g| - 1) g / |g| = 10 g.
    // d g_i / d W2_o = W1_io  ->  d GP / d W2 = 10 g = (12, 16).
    // d g_i / d W1_io = W2_o  ->  d GP / d W1_io = 10 g_i W2_o.  Biases: 0.
    critic.zero_grad();
    gp.apply(critic, xs.data(), 2, 10.0);
    const std::vector<float> want = {14.4f, 19.2f, 19.2f, 25.6f, 0, 0, 12, 16, 0};
    for (std::size_t k = 0; k < want.size(); ++k) EXPECT_NEAR(critic.grads()[k], want[k], 1e-4) << k;
}

}  // namespace
