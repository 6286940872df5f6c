// Activation: forward values, backward from stored outputs, first and second
// derivatives (as the gradient penalty uses them) against central differences.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "gan/activation.hpp"
#include "test_helpers.hpp"

namespace {

using gan::Activation;

TEST(Activation, ParseAndNameRoundTrip) {
    for (Activation a : {Activation::Relu, Activation::LeakyRelu, Activation::Tanh})
        EXPECT_EQ(gan::parse_activation(gan::activation_name(a)), a);
    EXPECT_STREQ(gan::activation_name(Activation::LeakyRelu), "leaky");
    try {
        gan::parse_activation("sigmoid");
        FAIL() << "no throw";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("sigmoid"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("relu, leaky, tanh"), std::string::npos);
    }
}

TEST(Activation, ForwardHandValues) {
    std::vector<float> z = {-2.0f, -0.5f, 0.0f, 0.5f, 3.0f};
    auto r = z, l = z, t = z;
    gan::activate(Activation::Relu, 0.2f, r.data(), 5);
    gan::activate(Activation::LeakyRelu, 0.2f, l.data(), 5);
    gan::activate(Activation::Tanh, 0.2f, t.data(), 5);
    EXPECT_EQ(r, (std::vector<float>{0.0f, 0.0f, 0.0f, 0.5f, 3.0f}));
    EXPECT_EQ(l, (std::vector<float>{-0.4f, -0.1f, 0.0f, 0.5f, 3.0f}));
    for (int i = 0; i < 5; ++i) EXPECT_NEAR(t[i], std::tanh(z[i]), 1e-7);
}

TEST(Activation, BackwardUsesStoredOutputs) {
    const std::vector<float> z = {-2.0f, -0.5f, 0.25f, 0.5f, 3.0f};
    const std::vector<float> up = {1.0f, -2.0f, 3.0f, 0.5f, -1.5f};
    for (Activation a : {Activation::Relu, Activation::LeakyRelu, Activation::Tanh}) {
        auto A = z;
        gan::activate(a, 0.3f, A.data(), 5);
        auto d = up;
        gan::activation_backward(a, 0.3f, A.data(), d.data(), 5);
        for (int i = 0; i < 5; ++i) {
            double deriv;
            if (a == Activation::Relu) deriv = z[i] > 0 ? 1.0 : 0.0;
            else if (a == Activation::LeakyRelu) deriv = z[i] > 0 ? 1.0 : 0.3;
            else deriv = 1.0 - std::tanh(z[i]) * std::tanh(z[i]);
            EXPECT_NEAR(d[i], up[i] * deriv, 1e-6) << gan::test::act_label(a) << " i=" << i;
            EXPECT_NEAR(gan::activation_d1(a, 0.3f, A[i]), deriv, 1e-6) << gan::test::act_label(a) << " i=" << i;
        }
    }
}

TEST(Activation, DerivativesMatchCentralDifferences) {
    const double eps = 1e-4;
    for (Activation a : {Activation::Relu, Activation::LeakyRelu, Activation::Tanh})
        for (double z : {-2.5, -1.0, -0.3, 0.2, 0.7, 1.9}) {  // away from the kink at 0
            auto f = [&](double x) { return gan::test::act_ref(a, 0.2, x); };
            float A = static_cast<float>(z);
            gan::activate(a, 0.2f, &A, 1);
            const double d1 = gan::test::central_diff(f, z, eps);
            EXPECT_NEAR(gan::activation_d1(a, 0.2f, A), d1, 1e-5) << gan::test::act_label(a) << " z=" << z;
            auto fprime = [&](double x) {
                float Ax = static_cast<float>(x);
                gan::activate(a, 0.2f, &Ax, 1);
                return static_cast<double>(gan::activation_d1(a, 0.2f, Ax));
            };
            const double d2 = (a == Activation::Tanh) ? -2.0 * std::tanh(z) * (1 - std::tanh(z) * std::tanh(z))
                                                      : gan::test::central_diff(fprime, z, eps);
            EXPECT_NEAR(gan::activation_d2(a, A), d2, 1e-5) << gan::test::act_label(a) << " z=" << z;
        }
    // tanh'' against a difference of tanh' in double.
    for (double z : {-1.3, -0.2, 0.4, 2.0}) {
        auto d1 = [](double x) { return 1.0 - std::tanh(x) * std::tanh(x); };
        float A = static_cast<float>(std::tanh(z));
        EXPECT_NEAR(gan::activation_d2(Activation::Tanh, A), gan::test::central_diff(d1, z, 1e-5), 1e-5) << z;
    }
}

}  // namespace
