#include "gan/kernels.hpp"

namespace gan::kernels {
namespace {

// 4 floats, no alignment promise: loads and stores compile to movups / v128.load.
typedef float f4 __attribute__((vector_size(16), aligned(4)));

inline f4 load(const float* p) { return *reinterpret_cast<const f4*>(p); }
inline void store(float* p, f4 v) { *reinterpret_cast<f4*>(p) = v; }
inline f4 splat(float a) { return f4{a, a, a, a}; }

typedef int i4 __attribute__((vector_size(16), aligned(4)));
inline f4 bits_to_f4(i4 v) { return (f4)v; }  // vector casts reinterpret the bits
inline i4 f4_to_bits(f4 v) { return (i4)v; }

// y > 0 ? y : slope * y (ReLU for slope 0: exactly +0 for the negatives).
inline f4 rectify(f4 y, Rectifier r) {
    const i4 positive = y > splat(0.0f);
    const f4 neg = r.slope == 0.0f ? splat(0.0f) : splat(r.slope) * y;
    return bits_to_f4((positive & f4_to_bits(y)) | (~positive & f4_to_bits(neg)));
}
inline float rectify(float y, Rectifier r) { return y > 0.0f ? y : (r.slope == 0.0f ? 0.0f : r.slope * y); }

// g masked by the rectifier's derivative at its output a: a > 0 ? g : slope * g.
inline f4 rectify_mask(f4 g, f4 a, Rectifier r) {
    const i4 positive = a > splat(0.0f);
    const f4 neg = r.slope == 0.0f ? splat(0.0f) : splat(r.slope) * g;
    return bits_to_f4((positive & f4_to_bits(g)) | (~positive & f4_to_bits(neg)));
}
inline float rectify_mask(float g, float a, Rectifier r) { return a > 0.0f ? g : (r.slope == 0.0f ? 0.0f : r.slope * g); }

// Every output element is summed in one fixed order, whatever the loop blocking:
//   forward:          b + x_0 w_0 + x_1 w_1 + ...           (sequential over I)
//   parameter grads:  dW + x_0 dy_0 + x_1 dy_1 + ...        (sequential over N)
//   input grads:      dot() order: 4 lanes over O, then (l0 + l1) + (l2 + l3), then the tail
// so blocking for registers (below) changes speed, never results.

constexpr int kNarrow = 4;    // outputs narrower than a vector (G's 1-2 coordinates)
constexpr int kMaxNarrow = 3 * 1024;  // I * O of a narrow layer (O < 4, I <= kMaxWidth)

inline float dot_inline(const float* x, const float* y, int n) {
    f4 acc = splat(0.0f);
    int i = 0;
    for (; i + 4 <= n; i += 4) acc += load(x + i) * load(y + i);
    float sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (; i < n; ++i) sum += x[i] * y[i];
    return sum;
}

// y = b + x W for one row, 16 outputs per pass kept in registers.
inline void row_times_matrix(const float* x, const float* W, const float* b, float* y, int I, int O, Rectifier r) {
    int o = 0;
    for (; o + 16 <= O; o += 16) {
        f4 a0 = load(b + o), a1 = load(b + o + 4), a2 = load(b + o + 8), a3 = load(b + o + 12);
        for (int i = 0; i < I; ++i) {
            const f4 xi = splat(x[i]);
            const float* w = W + i * O + o;
            a0 += xi * load(w), a1 += xi * load(w + 4), a2 += xi * load(w + 8), a3 += xi * load(w + 12);
        }
        if (r.on) a0 = rectify(a0, r), a1 = rectify(a1, r), a2 = rectify(a2, r), a3 = rectify(a3, r);
        store(y + o, a0), store(y + o + 4, a1), store(y + o + 8, a2), store(y + o + 12, a3);
    }
    for (; o + 4 <= O; o += 4) {
        f4 a = load(b + o);
        for (int i = 0; i < I; ++i) a += splat(x[i]) * load(W + i * O + o);
        store(y + o, r.on ? rectify(a, r) : a);
    }
    for (; o < O; ++o) {
        float a = b[o];
        for (int i = 0; i < I; ++i) a += x[i] * W[i * O + o];
        y[o] = r.on ? rectify(a, r) : a;
    }
}

// Narrow outputs: 4 rows at once, one lane per row, sequential over I.
void forward_narrow(const float* X, const float* W, const float* b, float* Y, int N, int I, int O, Rectifier rect) {
    int n = 0;
    for (; n + 4 <= N; n += 4) {
        const float* x0 = X + n * I;
        f4 acc[kNarrow];
        for (int o = 0; o < O; ++o) acc[o] = splat(b[o]);
        for (int i = 0; i < I; ++i) {
            const f4 xi = {x0[i], x0[I + i], x0[2 * I + i], x0[3 * I + i]};
            for (int o = 0; o < O; ++o) acc[o] += xi * splat(W[i * O + o]);
        }
        for (int r = 0; r < 4; ++r)
            for (int o = 0; o < O; ++o) Y[(n + r) * O + o] = rect.on ? rectify(acc[o][r], rect) : acc[o][r];
    }
    for (; n < N; ++n) row_times_matrix(X + n * I, W, b, Y + n * O, I, O, rect);
}

// acc(i..i+15) += sum over n of s_n * X[n][i..i+15], sequential in n (strided rows of X).
inline void accumulate_rows(const float* X, int stride, const float* s, int s_stride, float* acc, int N, int len) {
    int i = 0;
    for (; i + 16 <= len; i += 16) {
        f4 a0 = load(acc + i), a1 = load(acc + i + 4), a2 = load(acc + i + 8), a3 = load(acc + i + 12);
        for (int n = 0; n < N; ++n) {
            const f4 sn = splat(s[n * s_stride]);
            const float* x = X + n * stride + i;
            a0 += sn * load(x), a1 += sn * load(x + 4), a2 += sn * load(x + 8), a3 += sn * load(x + 12);
        }
        store(acc + i, a0), store(acc + i + 4, a1), store(acc + i + 8, a2), store(acc + i + 12, a3);
    }
    for (; i + 4 <= len; i += 4) {
        f4 a = load(acc + i);
        for (int n = 0; n < N; ++n) a += splat(s[n * s_stride]) * load(X + n * stride + i);
        store(acc + i, a);
    }
    for (; i < len; ++i) {
        float a = acc[i];
        for (int n = 0; n < N; ++n) a += s[n * s_stride] * X[n * stride + i];
        acc[i] = a;
    }
}

// db += column sums of dY (sequential in n).
void add_column_sums(const float* dY, float* db, int N, int O) {
    int o = 0;
    for (; o + 4 <= O; o += 4) {
        f4 a = load(db + o);
        for (int n = 0; n < N; ++n) a += load(dY + n * O + o);
        store(db + o, a);
    }
    for (; o < O; ++o) {
        float a = db[o];
        for (int n = 0; n < N; ++n) a += dY[n * O + o];
        db[o] = a;
    }
}

void transpose(const float* A, float* T, int rows, int cols) {  // T (cols x rows) = A^T
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) T[c * rows + r] = A[r * cols + c];
}

}  // namespace

void axpy(float a, const float* x, float* y, int n) {
    const f4 av = splat(a);
    int i = 0;
    for (; i + 4 <= n; i += 4) store(y + i, load(y + i) + av * load(x + i));
    for (; i < n; ++i) y[i] += a * x[i];
}

float dot(const float* x, const float* y, int n) { return dot_inline(x, y, n); }

void dense_forward(const float* X, const float* W, const float* b, float* Y, int N, int I, int O, Rectifier r) {
    if (O == 1) {  // a score per row: dot products, four rows at a time sharing the loads of W
        int n = 0;
        for (; n + 4 <= N; n += 4) {
            const float* x0 = X + n * I;
            const float *x1 = x0 + I, *x2 = x1 + I, *x3 = x2 + I;
            f4 a0 = splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i + 4 <= I; i += 4) {
                const f4 w = load(W + i);
                a0 += load(x0 + i) * w, a1 += load(x1 + i) * w, a2 += load(x2 + i) * w, a3 += load(x3 + i) * w;
            }
            const f4 acc[4] = {a0, a1, a2, a3};
            for (int k = 0; k < 4; ++k) {  // dot() order: lanes (0+1)+(2+3), then the tail
                float sum = (acc[k][0] + acc[k][1]) + (acc[k][2] + acc[k][3]);
                for (int t = i; t < I; ++t) sum += x0[k * I + t] * W[t];
                Y[n + k] = r.on ? rectify(b[0] + sum, r) : b[0] + sum;
            }
        }
        for (; n < N; ++n) Y[n] = r.on ? rectify(b[0] + dot_inline(X + n * I, W, I), r) : b[0] + dot_inline(X + n * I, W, I);
    } else if (O < kNarrow) {
        forward_narrow(X, W, b, Y, N, I, O, r);
    } else {
        for (int n = 0; n < N; ++n) row_times_matrix(X + n * I, W, b, Y + n * O, I, O, r);
    }
}

void dense_backward_params(const float* X, const float* dY, float* dW, float* db, int N, int I, int O) {
    if (O == 1) {
        accumulate_rows(X, I, dY, 1, dW, N, I);  // dW[i] += sum_n dy_n x_n,i
    } else if (O < kNarrow) {
        // Work on dW^T so each output's column is contiguous, then put it back.
        float dWT[kMaxNarrow];
        transpose(dW, dWT, I, O);
        for (int o = 0; o < O; ++o) accumulate_rows(X, I, dY + o, O, dWT + o * I, N, I);
        transpose(dWT, dW, O, I);
    } else {
        for (int i = 0; i < I; ++i) accumulate_rows(dY, O, X + i, I, dW + i * O, N, O);  // dW[i][:] += sum_n x_n,i dy_n
    }
    add_column_sums(dY, db, N, O);
}

void dense_backward_input(const float* dY, const float* W, float* dX, int N, int I, int O, const float* A, Rectifier r) {
    const bool mask = A != nullptr;
    if (O < kNarrow) {  // dX[n][i] = 0 + dy_0 w_i0 + dy_1 w_i1 ...: dot() order below 4 terms
        float WT[kMaxNarrow];
        transpose(W, WT, I, O);
        for (int n = 0; n < N; ++n) {
            const float* dy = dY + n * O;
            float* dx = dX + n * I;
            int i = 0;
            for (; i + 4 <= I; i += 4) {
                f4 s = splat(0.0f);
                for (int o = 0; o < O; ++o) s += splat(dy[o]) * load(WT + o * I + i);
                store(dx + i, mask ? rectify_mask(s, load(A + n * I + i), r) : s);
            }
            for (; i < I; ++i) {
                float s = 0.0f;
                for (int o = 0; o < O; ++o) s += dy[o] * WT[o * I + i];
                dx[i] = mask ? rectify_mask(s, A[n * I + i], r) : s;
            }
        }
        return;
    }
    for (int n = 0; n < N; ++n) {
        const float* dy = dY + n * O;
        int i = 0;
        for (; i + 4 <= I; i += 4) {  // four dot products at once share the loads of dy
            f4 a0 = splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
            const float *w0 = W + i * O, *w1 = w0 + O, *w2 = w1 + O, *w3 = w2 + O;
            int o = 0;
            for (; o + 4 <= O; o += 4) {
                const f4 d = load(dy + o);
                a0 += d * load(w0 + o), a1 += d * load(w1 + o), a2 += d * load(w2 + o), a3 += d * load(w3 + o);
            }
            f4* acc[4] = {&a0, &a1, &a2, &a3};
            const float* w[4] = {w0, w1, w2, w3};
            for (int k = 0; k < 4; ++k) {
                const f4& a = *acc[k];
                float sum = (a[0] + a[1]) + (a[2] + a[3]);
                for (int t = o; t < O; ++t) sum += dy[t] * w[k][t];
                dX[n * I + i + k] = mask ? rectify_mask(sum, A[n * I + i + k], r) : sum;
            }
        }
        for (; i < I; ++i) {
            const float sum = dot_inline(dy, W + i * O, O);
            dX[n * I + i] = mask ? rectify_mask(sum, A[n * I + i], r) : sum;
        }
    }
}

}  // namespace gan::kernels
