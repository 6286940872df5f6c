// Mlp: parameter layout and He initialisation, forward passes with hand-computed
// values and against a double-precision reference, and central-difference checks
// of the parameter and input gradients for every activation and depths 1..3.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <tuple>
#include <vector>

#include "gan/mlp.hpp"
#include "test_helpers.hpp"

namespace {

using gan::Activation;
using gan::Mlp;
using gan::MlpShape;
using namespace gan::test;

TEST(Mlp, ParameterLayoutIsLayerByLayerWThenB) {
    gan::Rng rng(1);
    Mlp m(MlpShape{3, 2, 2, 5, Activation::Relu, 0.2f}, rng);
    ASSERT_EQ(m.layers().size(), 3u);
    const int ins[3] = {3, 5, 5}, outs[3] = {5, 5, 2};
    std::size_t offset = 0;
    for (int l = 0; l < 3; ++l) {
        const auto& L = m.layers()[l];
        EXPECT_EQ(L.in, ins[l]);
        EXPECT_EQ(L.out, outs[l]);
        EXPECT_EQ(L.w_offset, offset);
        EXPECT_EQ(L.b_offset, offset + ins[l] * outs[l]);
        offset += ins[l] * outs[l] + outs[l];
    }
    EXPECT_EQ(m.params().size(), offset);
    EXPECT_EQ(m.grads().size(), offset);
    // The blog's 1-64-1 network: 64 + 64 + 64 + 1 parameters.
    Mlp blog(MlpShape{1, 1, 1, 64, Activation::Relu, 0.2f}, rng);
    EXPECT_EQ(blog.params().size(), 193u);
}

TEST(Mlp, HeInitialisation) {
    gan::Rng rng(2);
    Mlp m(MlpShape{50, 40, 2, 200, Activation::Relu, 0.2f}, rng);
    for (const auto& L : m.layers()) {
        double s = 0, s2 = 0;
        const std::size_t n = static_cast<std::size_t>(L.in) * L.out;
        for (std::size_t k = 0; k < n; ++k) s += m.params()[L.w_offset + k], s2 += double(m.params()[L.w_offset + k]) * m.params()[L.w_offset + k];
        const double mean = s / n, var = s2 / n - mean * mean;
        const double want = 2.0 / L.in;  // N(0, 2 / fan_in)
        EXPECT_NEAR(mean, 0.0, 5 * std::sqrt(want / n));
        EXPECT_NEAR(var, want, 5 * want * std::sqrt(2.0 / n)) << "fan_in " << L.in;
        for (int o = 0; o < L.out; ++o) EXPECT_EQ(m.params()[L.b_offset + o], 0.0f);
    }
    // Same seed, same weights.
    gan::Rng r1(9), r2(9);
    Mlp a(MlpShape{2, 2, 1, 8, Activation::Tanh, 0.2f}, r1), b(MlpShape{2, 2, 1, 8, Activation::Tanh, 0.2f}, r2);
    EXPECT_EQ(a.params(), b.params());
}

// A 1-2-1 network with hand-set weights: W1 = [1, -2], b1 = [0.5, 1], W2 = [3, 4]^T, b2 = 0.25.
Mlp tiny(Activation a) {
    gan::Rng rng(0);
    Mlp m(MlpShape{1, 1, 1, 2, a, 0.2f}, rng);
    m.params() = {1.0f, -2.0f, 0.5f, 1.0f, 3.0f, 4.0f, 0.25f};
    return m;
}

TEST(Mlp, TinyNetForwardHandComputed) {
    const float x[3] = {1.0f, -1.0f, 0.0f};
    {
        // x = 1: z = [1.5, -1] -> a = [1.5, 0] -> 4.5 + 0.25.  x = -1: z = [-0.5, 3] -> [0, 3] -> 12 + 0.25.
        // x = 0: z = [0.5, 1] -> 1.5 + 4 + 0.25.
        Mlp m = tiny(Activation::Relu);
        const float* y = m.forward(x, 3);
        EXPECT_FLOAT_EQ(y[0], 4.75f);
        EXPECT_FLOAT_EQ(y[1], 12.25f);
        EXPECT_FLOAT_EQ(y[2], 5.75f);
    }
    {
        // Leaky (0.2): x = 1: a = [1.5, -0.2] -> 4.5 - 0.8 + 0.25; x = -1: a = [-0.1, 3] -> -0.3 + 12 + 0.25.
        Mlp m = tiny(Activation::LeakyRelu);
        const float* y = m.forward(x, 3);
        EXPECT_FLOAT_EQ(y[0], 3.95f);
        EXPECT_FLOAT_EQ(y[1], 11.95f);
        EXPECT_FLOAT_EQ(y[2], 5.75f);
    }
    {
        Mlp m = tiny(Activation::Tanh);
        const float* y = m.forward(x, 3);
        EXPECT_NEAR(y[0], 3 * std::tanh(1.5) + 4 * std::tanh(-1.0) + 0.25, 1e-6);
        EXPECT_NEAR(y[1], 3 * std::tanh(-0.5) + 4 * std::tanh(3.0) + 0.25, 1e-6);
        EXPECT_NEAR(y[2], 3 * std::tanh(0.5) + 4 * std::tanh(1.0) + 0.25, 1e-6);
    }
}

TEST(Mlp, TinyNetBackwardHandComputed) {
    // ReLU, x = 1, dOut = 1: only unit 0 is active.
    // dW2 = a = [1.5, 0], db2 = 1, dz1 = [3, 0], dW1 = x dz1 = [3, 0], db1 = [3, 0], dx = W1 . dz1 = 3.
    Mlp m = tiny(Activation::Relu);
    const float x = 1.0f, d = 1.0f;
    m.forward(&x, 1);
    m.zero_grad();
    float dx = 0;
    m.backward(&d, &dx);
    EXPECT_EQ(m.grads(), (std::vector<float>{3.0f, 0.0f, 3.0f, 0.0f, 1.5f, 0.0f, 1.0f}));
    EXPECT_FLOAT_EQ(dx, 3.0f);
}

using Case = std::tuple<Activation, int>;  // activation, depth

class MlpGrad : public ::testing::TestWithParam<Case> {
protected:
    void SetUp() override {
        const auto [act, depth] = GetParam();
        rng = gan::Rng(100 + depth * 10 + static_cast<int>(act));
        net = std::make_unique<Mlp>(MlpShape{kIn, kOut, depth, 5, act, 0.2f}, rng);
        randomize_biases(*net, rng);
        xs = kink_free_inputs(*net, rng, kN, kMargin);
        for (int k = 0; k < kN * kOut; ++k) c.push_back(static_cast<float>(rng.normal()));
    }
    // L = sum c * forward(x), the scalar whose gradient backward(c) computes.
    double engine_loss(const std::vector<float>& x) {
        const float* y = net->forward(x.data(), kN);
        double L = 0;
        for (int k = 0; k < kN * kOut; ++k) L += double(c[k]) * y[k];
        return L;
    }
    // sum |c| (|y| + 1): the magnitude float rounding in the engine's loss is relative to.
    double loss_scale() {
        const float* y = net->forward(xs.data(), kN);
        double s = 0;
        for (int k = 0; k < kN * kOut; ++k) s += std::fabs(c[k]) * (std::fabs(y[k]) + 1.0);
        return s;
    }
    double ref_loss(const RefNet& r, const std::vector<double>& x) {
        const auto y = ref_forward(r, x, kN);
        double L = 0;
        for (int k = 0; k < kN * kOut; ++k) L += double(c[k]) * y[k];
        return L;
    }
    static constexpr int kIn = 3, kOut = 2, kN = 4;
    static constexpr double kMargin = 0.05;
    static constexpr double kFloatFdAbs = 1e-4;
    gan::Rng rng{0};
    std::unique_ptr<Mlp> net;
    std::vector<float> xs, c;
};

TEST_P(MlpGrad, ForwardMatchesDoubleReference) {
    const float* y = net->forward(xs.data(), kN);
    const auto want = ref_forward(*net, xs, kN);
    for (int k = 0; k < kN * kOut; ++k) EXPECT_NEAR(y[k], want[k], 2e-6 * (1 + std::fabs(want[k]))) << k;
}

TEST_P(MlpGrad, ParameterGradientsMatchCentralDifferences) {
    net->forward(xs.data(), kN);
    net->zero_grad();
    std::vector<float> dx(kN * kIn);
    net->backward(c.data(), dx.data());
    const std::vector<float> grads = net->grads();
    const double scale = loss_scale();
    const RefNet base = ref_of(*net);
    const auto x = to_double(xs);
    std::vector<double> pre;
    ref_forward(base, x, kN, &pre);
    if (std::get<0>(GetParam()) != Activation::Tanh) {
        ASSERT_GT(min_abs(pre), kMargin);  // no kink nearby
    }

    // 1) Double reference, h = 1e-6: accurate to ~1e-9, so the float gradient must agree to float precision.
    // 2) The engine's own float forward, eps = 1e-3: checks backward against the forward actually run.
    double worst_ref = 0, worst_engine = 0;
    for (std::size_t k = 0; k < grads.size(); ++k) {
        RefNet r = base;
        const double h = 1e-6;
        r.P[k] = base.P[k] + h;
        const double up = ref_loss(r, x);
        r.P[k] = base.P[k] - h;
        const double down = ref_loss(r, x);
        const double fd = (up - down) / (2 * h);
        const double e1 = std::fabs(grads[k] - fd) / (1e-3 + std::fabs(fd));
        worst_ref = std::fmax(worst_ref, e1);
        EXPECT_LT(e1, 1e-4) << "param " << k << " analytic " << grads[k] << " fd " << fd;

        const float p0 = net->params()[k];
        const float pu = p0 + 1e-3f, pd = p0 - 1e-3f;
        net->params()[k] = pu;
        const double fu = engine_loss(xs);
        net->params()[k] = pd;
        const double fdn = engine_loss(xs);
        net->params()[k] = p0;
        const double fde = (fu - fdn) / (double(pu) - double(pd));
        // Float rounding of the loss (~1e-7 of its scale) divided by 2 eps, plus 1% of the value.
        const double e2 = std::fabs(grads[k] - fde) / (1e-2 * std::fabs(fde) + kFloatFdAbs * scale);
        worst_engine = std::fmax(worst_engine, e2);
        EXPECT_LT(e2, 1.0) << "param " << k << " analytic " << grads[k] << " engine fd " << fde;
    }
    RecordProperty("worst_ref_rel", std::to_string(worst_ref));
    RecordProperty("worst_engine_rel", std::to_string(worst_engine));
}

TEST_P(MlpGrad, InputGradientsMatchCentralDifferences) {
    net->forward(xs.data(), kN);
    net->zero_grad();
    std::vector<float> dx(kN * kIn, 99.0f);
    net->backward(c.data(), dx.data());
    const double scale = loss_scale();
    const RefNet r = ref_of(*net);
    for (int k = 0; k < kN * kIn; ++k) {
        auto x = to_double(xs);
        const double h = 1e-6, x0 = x[k];
        x[k] = x0 + h;
        const double up = ref_loss(r, x);
        x[k] = x0 - h;
        const double fd = (up - ref_loss(r, x)) / (2 * h);
        EXPECT_LT(std::fabs(dx[k] - fd) / (1e-3 + std::fabs(fd)), 1e-4) << "x " << k << " analytic " << dx[k] << " fd " << fd;

        auto xf = xs;
        const float xu = xs[k] + 1e-3f, xd = xs[k] - 1e-3f;
        xf[k] = xu;
        const double fu = engine_loss(xf);
        xf[k] = xd;
        const double fde = (fu - engine_loss(xf)) / (double(xu) - double(xd));
        EXPECT_LT(std::fabs(dx[k] - fde) / (1e-2 * std::fabs(fde) + kFloatFdAbs * scale), 1.0) << "x " << k << " engine fd " << fde;
    }
}

TEST_P(MlpGrad, InputGradientOnlyLeavesParameterGradientsAlone) {
    net->forward(xs.data(), kN);
    net->zero_grad();
    std::vector<float> dx1(kN * kIn), dx2(kN * kIn);
    net->backward(c.data(), dx1.data());
    const auto g1 = net->grads();
    net->input_gradient(c.data(), dx2.data());
    EXPECT_EQ(dx1, dx2);
    EXPECT_EQ(net->grads(), g1);
    // backward accumulates: a second call doubles the gradients; dx may be null.
    net->backward(c.data(), nullptr);
    for (std::size_t k = 0; k < g1.size(); ++k) EXPECT_NEAR(net->grads()[k], 2 * g1[k], 1e-6 * (1 + std::fabs(g1[k])));
    net->zero_grad();
    for (float g : net->grads()) EXPECT_EQ(g, 0.0f);
}

INSTANTIATE_TEST_SUITE_P(AllActivationsDepths, MlpGrad,
                         ::testing::Combine(::testing::Values(Activation::Relu, Activation::LeakyRelu, Activation::Tanh),
                                            ::testing::Values(1, 2, 3)),
                         [](const auto& info) {
                             return std::string(act_label(std::get<0>(info.param))) + "_depth" +
                                    std::to_string(std::get<1>(info.param));
                         });

TEST(Mlp, BatchSizeCanChangeBetweenCalls) {
    gan::Rng rng(5);
    Mlp m(MlpShape{2, 3, 2, 7, Activation::LeakyRelu, 0.1f}, rng);
    randomize_biases(m, rng);
    std::vector<float> x(2 * 9);
    for (auto& v : x) v = static_cast<float>(rng.normal());
    const float* y9 = m.forward(x.data(), 9);
    const std::vector<float> big(y9, y9 + 27);
    const float* y2 = m.forward(x.data(), 2);
    EXPECT_EQ(m.batch(), 2);
    for (int k = 0; k < 6; ++k) EXPECT_EQ(y2[k], big[k]);
    const float* y9b = m.forward(x.data(), 9);
    for (int k = 0; k < 27; ++k) EXPECT_EQ(y9b[k], big[k]);
    // Backward after a smaller batch uses that batch.
    std::vector<float> d(2 * 3, 1.0f), dx(2 * 2);
    m.forward(x.data(), 2);
    m.zero_grad();
    m.backward(d.data(), dx.data());
    std::vector<float> g2 = m.grads();
    Mlp fresh = m;
    fresh.forward(x.data(), 2);
    fresh.zero_grad();
    fresh.backward(d.data(), nullptr);
    EXPECT_EQ(fresh.grads(), g2);
}

TEST(Mlp, ActivationStoresEachLayerInput) {
    Mlp m = tiny(Activation::Relu);
    const float x = 1.0f;
    m.forward(&x, 1);
    EXPECT_EQ(m.activation(0)[0], 1.0f);
    EXPECT_EQ(m.activation(1)[0], 1.5f);
    EXPECT_EQ(m.activation(1)[1], 0.0f);
    EXPECT_EQ(m.activation(2)[0], 4.75f);
}

TEST(Mlp, ClipWeightsClipsWeightsButNotBiases) {
    Mlp m = tiny(Activation::Relu);
    m.clip_weights(0.75f);
    EXPECT_EQ(m.params(), (std::vector<float>{0.75f, -0.75f, 0.5f, 1.0f, 0.75f, 0.75f, 0.25f}));
}

TEST(Mlp, AllFiniteDetectsNaNAndInf) {
    Mlp m = tiny(Activation::Relu);
    EXPECT_TRUE(m.all_finite());
    m.params()[3] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(m.all_finite());
    m.params()[3] = std::numeric_limits<float>::infinity();
    EXPECT_FALSE(m.all_finite());
    m.params()[3] = 1.0f;
    EXPECT_TRUE(m.all_finite());
}

TEST(Mlp, CopiesAreIndependent) {
    Mlp a = tiny(Activation::Tanh);
    Mlp b = a;
    b.params()[0] = 7.0f;
    EXPECT_EQ(a.params()[0], 1.0f);
    const float x = 0.3f;
    const float ya = a.forward(&x, 1)[0];
    b.params()[0] = 1.0f;
    EXPECT_EQ(b.forward(&x, 1)[0], ya);
}

}  // namespace
