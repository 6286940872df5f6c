#include "gan/kernels.hpp"

#include <cstring>

namespace gan::kernels {
namespace {

// 4 floats, no alignment promise: loads and stores compile to movups / v128.load.
typedef float f4 __attribute__((vector_size(16), aligned(4)));

inline f4 load(const float* p) { return *reinterpret_cast<const f4*>(p); }
inline void store(float* p, f4 v) { *reinterpret_cast<f4*>(p) = v; }
inline f4 splat(float a) { return f4{a, a, a, a}; }

}  // namespace

void axpy(float a, const float* x, float* y, int n) {
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

float dot(const float* x, const float* y, int n) {
    f4 acc = splat(0.0f);
    int i = 0;
    for (; i + 4 <= n; i += 4) acc += load(x + i) * load(y + i);
    float sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (; i < n; ++i) sum += x[i] * y[i];
    return sum;
}

void dense_forward(const float* X, const float* W, const float* b, float* Y, int N, int I, int O) {
    if (O == 1) {  // a score per row: one dot product each
        for (int n = 0; n < N; ++n) Y[n] = b[0] + dot(X + n * I, W, I);
        return;
    }
    for (int n = 0; n < N; ++n) {
        float* y = Y + n * O;
        std::memcpy(y, b, sizeof(float) * O);
        for (int i = 0; i < I; ++i) axpy(X[n * I + i], W + i * O, y, O);
    }
}

void dense_backward_params(const float* X, const float* dY, float* dW, float* db, int N, int I, int O) {
    for (int n = 0; n < N; ++n) {
        const float* dy = dY + n * O;
        if (O == 1) {
            axpy(dy[0], X + n * I, dW, I);  // same per-element order as the general loop below
        } else {
            for (int i = 0; i < I; ++i) axpy(X[n * I + i], dy, dW + i * O, O);
        }
        axpy(1.0f, dy, db, O);
    }
}

void dense_backward_input(const float* dY, const float* W, float* dX, int N, int I, int O) {
    for (int n = 0; n < N; ++n)
        for (int i = 0; i < I; ++i) dX[n * I + i] = dot(dY + n * O, W + i * O, O);
}

}  // namespace gan::kernels
