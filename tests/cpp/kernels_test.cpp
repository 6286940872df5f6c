// kernels: the vectorised, register-blocked dense-layer loops against naive
// loops — in double (values) and in float in the documented summation order
// (bit for bit: the order is what makes native and wasm agree) — over shapes
// that hit every path: O = 1, narrow O < 4, O with 16- and 4-blocks and tails,
// row counts with and without a tail of the 4-row blocks; with and without the
// fused rectifier.
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>
#include <vector>

#include "gan/kernels.hpp"
#include "gan/rng.hpp"

namespace {

using gan::kernels::Rectifier;

std::vector<float> random_vec(gan::Rng& rng, std::size_t n) {
    std::vector<float> v(n);
    for (auto& x : v) x = static_cast<float>(rng.normal());
    return v;
}

float rect(float y, Rectifier r) { return !r.on || y > 0.0f ? y : (r.slope == 0.0f ? 0.0f : r.slope * y); }

// The documented dot() order: 4 lanes, lanes (0+1)+(2+3), then the tail.
float dot_order(const float* x, const float* y, int n) {
    float lane[4] = {0, 0, 0, 0};
    int i = 0;
    for (; i + 4 <= n; i += 4)
        for (int k = 0; k < 4; ++k) lane[k] += x[i + k] * y[i + k];
    float s = (lane[0] + lane[1]) + (lane[2] + lane[3]);
    for (; i < n; ++i) s += x[i] * y[i];
    return s;
}

using Shape = std::tuple<int, int, int>;  // N, I, O
class DenseShapes : public ::testing::TestWithParam<Shape> {};

TEST_P(DenseShapes, ForwardMatchesNaiveLoops) {
    const auto [N, I, O] = GetParam();
    gan::Rng rng(N * 1000 + I * 10 + O);
    const auto X = random_vec(rng, N * I), W = random_vec(rng, I * O), b = random_vec(rng, O);
    for (Rectifier r : {Rectifier{}, Rectifier{true, 0.0f}, Rectifier{true, 0.2f}}) {
        std::vector<float> Y(N * O, 123.0f);
        gan::kernels::dense_forward(X.data(), W.data(), b.data(), Y.data(), N, I, O, r);
        for (int n = 0; n < N; ++n)
            for (int o = 0; o < O; ++o) {
                double y = b[o], scale = std::fabs(b[o]);
                for (int i = 0; i < I; ++i) y += double(X[n * I + i]) * W[i * O + o], scale += std::fabs(X[n * I + i] * W[i * O + o]);
                const double want = !r.on || y > 0 ? y : r.slope * y;
                ASSERT_NEAR(Y[n * O + o], want, 1e-6 * (1 + scale)) << "n=" << n << " o=" << o << " slope " << r.slope;
                // Bit-exact against the documented order: b + x0 w0 + x1 w1 + ... (O = 1: b + dot()).
                float f;
                if (O == 1) {
                    f = b[0] + dot_order(X.data() + n * I, W.data(), I);
                } else {
                    f = b[o];
                    for (int i = 0; i < I; ++i) f += X[n * I + i] * W[i * O + o];
                }
                ASSERT_EQ(Y[n * O + o], rect(f, r)) << "n=" << n << " o=" << o << " (summation order)";
            }
    }
}

TEST_P(DenseShapes, BackwardParamsAccumulateXTransposeDY) {
    const auto [N, I, O] = GetParam();
    gan::Rng rng(N * 7 + I * 3 + O);
    const auto X = random_vec(rng, N * I), dY = random_vec(rng, N * O);
    const auto dW0 = random_vec(rng, I * O), db0 = random_vec(rng, O);  // accumulate onto existing values
    auto dW = dW0, db = db0;
    gan::kernels::dense_backward_params(X.data(), dY.data(), dW.data(), db.data(), N, I, O);
    for (int i = 0; i < I; ++i)
        for (int o = 0; o < O; ++o) {
            double want = dW0[i * O + o], scale = std::fabs(want);
            float f = dW0[i * O + o];
            for (int n = 0; n < N; ++n) {
                want += double(X[n * I + i]) * dY[n * O + o], scale += std::fabs(X[n * I + i] * dY[n * O + o]);
                f += X[n * I + i] * dY[n * O + o];  // documented: dW + x_0 dy_0 + x_1 dy_1 + ...
            }
            ASSERT_NEAR(dW[i * O + o], want, 1e-6 * (1 + scale)) << "i=" << i << " o=" << o;
            ASSERT_EQ(dW[i * O + o], f) << "i=" << i << " o=" << o << " (summation order)";
        }
    for (int o = 0; o < O; ++o) {
        float f = db0[o];
        for (int n = 0; n < N; ++n) f += dY[n * O + o];
        ASSERT_EQ(db[o], f) << "o=" << o;
    }
}

TEST_P(DenseShapes, BackwardInputIsDYTimesWTranspose) {
    const auto [N, I, O] = GetParam();
    gan::Rng rng(N + I * 31 + O * 17);
    const auto dY = random_vec(rng, N * O), W = random_vec(rng, I * O);
    auto A = random_vec(rng, N * I);  // stored rectifier outputs: positive or (scaled) non-positive
    for (int k = 0; k < N * I; k += 3) A[k] = 0.0f;
    for (Rectifier r : {Rectifier{}, Rectifier{true, 0.0f}, Rectifier{true, 0.3f}}) {
        std::vector<float> dX(N * I, 55.0f);  // overwritten, not accumulated
        gan::kernels::dense_backward_input(dY.data(), W.data(), dX.data(), N, I, O, r.on ? A.data() : nullptr, r);
        for (int n = 0; n < N; ++n)
            for (int i = 0; i < I; ++i) {
                double want = 0, scale = 0;
                std::vector<float> wrow(O);
                for (int o = 0; o < O; ++o) {
                    want += double(dY[n * O + o]) * W[i * O + o], scale += std::fabs(dY[n * O + o] * W[i * O + o]);
                    wrow[o] = W[i * O + o];
                }
                const float a = A[n * I + i];
                if (r.on && !(a > 0)) want *= r.slope;
                ASSERT_NEAR(dX[n * I + i], want, 1e-6 * (1 + scale)) << "n=" << n << " i=" << i << " slope " << r.slope;
                float f = dot_order(dY.data() + n * O, wrow.data(), O);
                if (r.on && !(a > 0)) f = r.slope == 0.0f ? 0.0f : r.slope * f;
                ASSERT_EQ(dX[n * I + i], f) << "n=" << n << " i=" << i << " (summation order)";
            }
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, DenseShapes,
                         ::testing::Values(Shape{1, 1, 1}, Shape{3, 1, 64}, Shape{5, 64, 1}, Shape{9, 7, 1},
                                           Shape{4, 2, 3}, Shape{7, 5, 2}, Shape{2, 3, 4}, Shape{3, 5, 7},
                                           Shape{2, 17, 16}, Shape{5, 9, 33}, Shape{7, 128, 2}, Shape{6, 10, 130},
                                           Shape{4, 1024, 3}, Shape{3, 2, 20}),
                         [](const auto& info) {
                             return "N" + std::to_string(std::get<0>(info.param)) + "_I" + std::to_string(std::get<1>(info.param)) +
                                    "_O" + std::to_string(std::get<2>(info.param));
                         });

TEST(Kernels, ReluGivesExactZerosAndKeepsPositives) {
    const float X[4] = {1.0f, -1.0f, 2.0f, -3.0f};  // 4 rows, I = 1
    const float W[5] = {1.0f, -1.0f, 0.5f, 2.0f, 0.0f};
    const float b[5] = {0.0f, 0.0f, 0.0f, 0.0f, -1.0f};
    float Y[20];
    gan::kernels::dense_forward(X, W, b, Y, 4, 1, 5, Rectifier{true, 0.0f});
    const float want[20] = {1, 0, 0.5f, 2, 0, 0, 1, 0, 0, 0, 2, 0, 1, 4, 0, 0, 3, 0, 0, 0};
    for (int k = 0; k < 20; ++k) {
        EXPECT_EQ(Y[k], want[k]) << k;
        EXPECT_FALSE(std::signbit(Y[k])) << k;  // +0, never -0
    }
}

TEST(Kernels, AxpyAndDotMatchNaiveForEveryTailLength) {
    gan::Rng rng(8);
    for (int n = 0; n <= 41; ++n) {
        const auto x = random_vec(rng, n), y0 = random_vec(rng, n);
        auto y = y0;
        const float a = static_cast<float>(rng.normal());
        gan::kernels::axpy(a, x.data(), y.data(), n);
        for (int i = 0; i < n; ++i) ASSERT_EQ(y[i], y0[i] + a * x[i]) << "axpy n=" << n << " i=" << i;  // one rounding each
        double want = 0, scale = 0;
        for (int i = 0; i < n; ++i) want += double(x[i]) * y0[i], scale += std::fabs(x[i] * y0[i]);
        EXPECT_NEAR(gan::kernels::dot(x.data(), y0.data(), n), want, 1e-6 * (1 + scale)) << "dot n=" << n;
        EXPECT_EQ(gan::kernels::dot(x.data(), y0.data(), n), dot_order(x.data(), y0.data(), n)) << "dot n=" << n;
    }
}

TEST(Kernels, DotSummationOrderIsTheDocumentedOne) {
    // Lanes (0+1)+(2+3), then the tail: a naive left-to-right sum gives 1.75 here.
    const float x[6] = {1e8f, 1.0f, -1e8f, 1.0f, 0.5f, 0.25f};
    const float ones[6] = {1, 1, 1, 1, 1, 1};
    EXPECT_EQ(gan::kernels::dot(x, ones, 6), 0.75f);
}

TEST(Kernels, UnalignedPointersWork) {
    gan::Rng rng(1);
    std::vector<float> buf = random_vec(rng, 64);
    const float* x = buf.data() + 1;  // not 16-byte aligned
    const float* y = buf.data() + 3;
    double want = 0;
    for (int i = 0; i < 37; ++i) want += double(x[i]) * y[i];
    EXPECT_NEAR(gan::kernels::dot(x, y, 37), want, 1e-5);
    std::vector<float> Y(2 * 5);
    gan::kernels::dense_forward(buf.data() + 1, buf.data() + 7, buf.data() + 2, Y.data(), 2, 3, 5);
    for (int n = 0; n < 2; ++n)
        for (int o = 0; o < 5; ++o) {
            double v = buf[2 + o];
            for (int i = 0; i < 3; ++i) v += double(buf[1 + n * 3 + i]) * buf[7 + i * 5 + o];
            EXPECT_NEAR(Y[n * 5 + o], v, 1e-5);
        }
}

}  // namespace
