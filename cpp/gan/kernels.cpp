#include "gan/kernels.hpp"

#include <cstring>

namespace gan::kernels {
namespace {

// 4 floats, no alignment promise: loads and stores compile to movups / v128.load.
typedef float f4 __attribute__((vector_size(16), aligned(4)));

inline f4 load(const float* p) { return *reinterpret_cast<const f4*>(p); }
inline void store(float* p, f4 v) { *reinterpret_cast<f4*>(p) = v; }
inline f4 splat(float a) { return f4{a, a, a, a}; }

inline void axpy_inline(float a, const float* x, float* y, int n) {
    const f4 av = splat(a);
    int i = 0;
    for (; i + 16 <= n; i += 16) {
        store(y + i, load(y + i) + av * load(x + i));
        store(y + i + 4, load(y + i + 4) + av * load(x + i + 4));
        store(y + i + 8, load(y + i + 8) + av * load(x + i + 8));
        store(y + i + 12, load(y + i + 12) + av * load(x + i + 12));
    }
    for (; i + 4 <= n; i += 4) store(y + i, load(y + i) + av * load(x + i));
    for (; i < n; ++i) y[i] += a * x[i];
}

inline float dot_inline(const float* x, const float* y, int n) {
    f4 acc = splat(0.0f);
    int i = 0;
    for (; i + 4 <= n; i += 4) acc += load(x + i) * load(y + i);
    float sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (; i < n; ++i) sum += x[i] * y[i];
    return sum;
}

}  // namespace

void axpy(float a, const float* x, float* y, int n) { axpy_inline(a, x, y, n); }
float dot(const float* x, const float* y, int n) { return dot_inline(x, y, n); }

// Outputs narrower than a vector (G's 1 or 2 coordinates): plain loops, in the
// same per-element order as the vector paths (sequential over i, or over n).
constexpr int kNarrow = 4;

void dense_forward(const float* X, const float* W, const float* b, float* Y, int N, int I, int O) {
    if (O == 1) {  // a score per row: one dot product each
        for (int n = 0; n < N; ++n) Y[n] = b[0] + dot_inline(X + n * I, W, I);
        return;
    }
    if (O < kNarrow) {
        for (int n = 0; n < N; ++n) {
            float* y = Y + n * O;
            for (int o = 0; o < O; ++o) y[o] = b[o];
            for (int i = 0; i < I; ++i)
                for (int o = 0; o < O; ++o) y[o] += X[n * I + i] * W[i * O + o];
        }
        return;
    }
    for (int n = 0; n < N; ++n) {
        float* y = Y + n * O;
        std::memcpy(y, b, sizeof(float) * O);
        for (int i = 0; i < I; ++i) axpy_inline(X[n * I + i], W + i * O, y, O);
    }
}

void dense_backward_params(const float* X, const float* dY, float* dW, float* db, int N, int I, int O) {
    for (int n = 0; n < N; ++n) {
        const float* dy = dY + n * O;
        const float* x = X + n * I;
        if (O == 1) {
            axpy_inline(dy[0], x, dW, I);  // same per-element order as the loops below
        } else if (O < kNarrow) {
            for (int i = 0; i < I; ++i)
                for (int o = 0; o < O; ++o) dW[i * O + o] += x[i] * dy[o];
        } else {
            for (int i = 0; i < I; ++i) axpy_inline(x[i], dy, dW + i * O, O);
        }
        for (int o = 0; o < O; ++o) db[o] += dy[o];
    }
}

void dense_backward_input(const float* dY, const float* W, float* dX, int N, int I, int O) {
    if (O < kNarrow) {  // equal to dot_inline() below kNarrow: 0 + the products in order
        for (int n = 0; n < N; ++n)
            for (int i = 0; i < I; ++i) {
                float s = 0.0f;
                for (int o = 0; o < O; ++o) s += dY[n * O + o] * W[i * O + o];
                dX[n * I + i] = s;
            }
        return;
    }
    for (int n = 0; n < N; ++n)
        for (int i = 0; i < I; ++i) dX[n * I + i] = dot_inline(dY + n * O, W + i * O, O);
}

}  // namespace gan::kernels
