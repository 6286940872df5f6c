#include "gan/kernels.hpp"

namespace gan::kernels {
namespace {

// 4 floats, no alignment promise: loads and stores compile to movups / v128.load.
typedef float f4 __attribute__((vector_size(16), aligned(4)));
typedef int i4 __attribute__((vector_size(16), aligned(4)));

inline f4 load(const float* p) { return *reinterpret_cast<const f4*>(p); }
inline void store(float* p, f4 v) { *reinterpret_cast<f4*>(p) = v; }
inline f4 splat(float a) { return f4{a, a, a, a}; }
inline f4 select(i4 mask, f4 a, f4 b) { return (f4)((mask & (i4)a) | (~mask & (i4)b)); }  // vector casts keep the bits

// Every output element is summed in one fixed order, whatever the loop blocking:
//   forward:          b + x_0 w_0 + x_1 w_1 + ...           (sequential over I), or for one
//                     output: dot() order (4 lanes, then (l0 + l1) + (l2 + l3), then the tail)
//   parameter grads:  dW + x_0 dy_0 + x_1 dy_1 + ...        (sequential over N)
//   input grads:      dot() order; for 2-3 outputs: 0 + the products in order
// so blocking for registers (below) changes speed, never results.

// The rectifier fused into the passes, resolved at compile time so inner loops do not branch.
struct Linear {
    f4 apply(f4 y) const { return y; }
    float apply(float y) const { return y; }
};
struct Relu {  // exactly +0 for the negatives
    f4 apply(f4 y) const { return select(y > splat(0.0f), y, splat(0.0f)); }
    float apply(float y) const { return y > 0.0f ? y : 0.0f; }
    f4 mask(f4 g, f4 a) const { return select(a > splat(0.0f), g, splat(0.0f)); }
    float mask(float g, float a) const { return a > 0.0f ? g : 0.0f; }
};
struct Leaky {
    float slope;
    f4 apply(f4 y) const { return select(y > splat(0.0f), y, splat(slope) * y); }
    float apply(float y) const { return y > 0.0f ? y : slope * y; }
    f4 mask(f4 g, f4 a) const { return select(a > splat(0.0f), g, splat(slope) * g); }
    float mask(float g, float a) const { return a > 0.0f ? g : slope * g; }
};
struct NoMask {
    f4 mask(f4 g, f4) const { return g; }
    float mask(float g, float) const { return g; }
};

template <typename F>
void with_rectifier(Rectifier r, F&& f) {
    if (!r.on) f(Linear{});
    else if (r.slope == 0.0f) f(Relu{});
    else f(Leaky{r.slope});
}

template <typename F>
void with_mask(const float* A, Rectifier r, F&& f) {
    if (!A || !r.on) f(NoMask{});
    else if (r.slope == 0.0f) f(Relu{});
    else f(Leaky{r.slope});
}

constexpr int kNarrow = 4;            // outputs narrower than a vector (G's 1-2 coordinates)
constexpr int kMaxNarrow = 3 * 1024;  // I * O of a narrow layer (O < 4, I <= kMaxWidth)

inline float dot_inline(const float* x, const float* y, int n) {
    f4 acc = splat(0.0f);
    int i = 0;
    for (; i + 4 <= n; i += 4) acc += load(x + i) * load(y + i);
    float sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (; i < n; ++i) sum += x[i] * y[i];
    return sum;
}

// y = act(b + x W) for one row, 16 outputs per pass kept in registers.
template <typename Act>
inline void row_times_matrix(const float* x, const float* W, const float* b, float* y, int I, int O, Act act) {
    int o = 0;
    for (; o + 16 <= O; o += 16) {
        f4 a0 = load(b + o), a1 = load(b + o + 4), a2 = load(b + o + 8), a3 = load(b + o + 12);
        for (int i = 0; i < I; ++i) {
            const f4 xi = splat(x[i]);
            const float* w = W + i * O + o;
            a0 += xi * load(w), a1 += xi * load(w + 4), a2 += xi * load(w + 8), a3 += xi * load(w + 12);
        }
        store(y + o, act.apply(a0)), store(y + o + 4, act.apply(a1));
        store(y + o + 8, act.apply(a2)), store(y + o + 12, act.apply(a3));
    }
    for (; o + 4 <= O; o += 4) {
        f4 a = load(b + o);
        for (int i = 0; i < I; ++i) a += splat(x[i]) * load(W + i * O + o);
        store(y + o, act.apply(a));
    }
    for (; o < O; ++o) {
        float a = b[o];
        for (int i = 0; i < I; ++i) a += x[i] * W[i * O + o];
        y[o] = act.apply(a);
    }
}

// Few inputs (the first layer: 1-2 features, a compile-time I): 8 outputs at a time with
// their weights and biases held in registers across all rows.
template <int I, typename Act>
void forward_small_input(const float* X, const float* W, const float* b, float* Y, int N, int O, Act act) {
    int o = 0;
    for (; o + 8 <= O; o += 8) {
        f4 w0[I], w1[I];
        for (int i = 0; i < I; ++i) w0[i] = load(W + i * O + o), w1[i] = load(W + i * O + o + 4);
        const f4 b0 = load(b + o), b1 = load(b + o + 4);
        for (int n = 0; n < N; ++n) {
            f4 a0 = b0, a1 = b1;
            for (int i = 0; i < I; ++i) {
                const f4 xi = splat(X[n * I + i]);
                a0 += xi * w0[i], a1 += xi * w1[i];
            }
            store(Y + n * O + o, act.apply(a0)), store(Y + n * O + o + 4, act.apply(a1));
        }
    }
    if (o == O) return;
    for (int n = 0; n < N; ++n)  // the last O % 8 outputs
        for (int k = o; k < O; ++k) {
            float a = b[k];
            for (int i = 0; i < I; ++i) a += X[n * I + i] * W[i * O + k];
            Y[n * O + k] = act.apply(a);
        }
}

// Narrow outputs: 4 rows at once, one lane per row, sequential over I.
template <typename Act>
void forward_narrow(const float* X, const float* W, const float* b, float* Y, int N, int I, int O, Act act) {
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
            for (int o = 0; o < O; ++o) Y[(n + r) * O + o] = act.apply(acc[o][r]);
    }
    for (; n < N; ++n) row_times_matrix(X + n * I, W, b, Y + n * O, I, O, act);
}

// One output per row: dot products, four rows at a time sharing the loads of W.
template <typename Act>
void forward_single_output(const float* X, const float* W, const float* b, float* Y, int N, int I, Act act) {
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
            Y[n + k] = act.apply(b[0] + sum);
        }
    }
    for (; n < N; ++n) Y[n] = act.apply(b[0] + dot_inline(X + n * I, W, I));
}

// acc(i..) += sum over n of s_n * X[n][i..], sequential in n (strided rows of X).
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

// One output (a score, or G's 1D sample): dX[n] = dy_n W^T, masked. Equal to the general
// narrow path below except for the sign of exact zeros (0 + p there).
template <typename Mask>
void backward_input_single(const float* dY, const float* W, float* dX, int N, int I, const float* A, Mask m) {
    for (int n = 0; n < N; ++n) {
        const f4 d = splat(dY[n]);
        float* dx = dX + n * I;
        const float* a = A ? A + n * I : dx;  // dx as a stand-in when unmasked (never read)
        int i = 0;
        for (; i + 4 <= I; i += 4) store(dx + i, m.mask(d * load(W + i), load(a + i)));
        for (; i < I; ++i) dx[i] = m.mask(dY[n] * W[i], a[i]);
    }
}

template <typename Mask>
void backward_input_narrow(const float* dY, const float* W, float* dX, int N, int I, int O, const float* A, Mask m) {
    float WT[kMaxNarrow];  // W^T: each output's weights contiguous
    transpose(W, WT, I, O);
    for (int n = 0; n < N; ++n) {
        const float* dy = dY + n * O;
        float* dx = dX + n * I;
        const float* a = A ? A + n * I : dx;  // dx as a stand-in when unmasked (never read)
        int i = 0;
        for (; i + 4 <= I; i += 4) {
            f4 s = splat(0.0f);
            for (int o = 0; o < O; ++o) s += splat(dy[o]) * load(WT + o * I + i);
            store(dx + i, m.mask(s, load(a + i)));
        }
        for (; i < I; ++i) {
            float s = 0.0f;
            for (int o = 0; o < O; ++o) s += dy[o] * WT[o * I + i];
            dx[i] = m.mask(s, a[i]);
        }
    }
}

template <typename Mask>
void backward_input_wide(const float* dY, const float* W, float* dX, int N, int I, int O, const float* A, Mask m) {
    for (int n = 0; n < N; ++n) {
        const float* dy = dY + n * O;
        const float* a = A ? A + n * I : dX + n * I;
        int i = 0;
        for (; i + 4 <= I; i += 4) {  // four dot products at once share the loads of dy
            f4 a0 = splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
            const float *w0 = W + i * O, *w1 = w0 + O, *w2 = w1 + O, *w3 = w2 + O;
            int o = 0;
            for (; o + 4 <= O; o += 4) {
                const f4 d = load(dy + o);
                a0 += d * load(w0 + o), a1 += d * load(w1 + o), a2 += d * load(w2 + o), a3 += d * load(w3 + o);
            }
            const f4 acc[4] = {a0, a1, a2, a3};
            const float* w[4] = {w0, w1, w2, w3};
            for (int k = 0; k < 4; ++k) {
                float sum = (acc[k][0] + acc[k][1]) + (acc[k][2] + acc[k][3]);
                for (int t = o; t < O; ++t) sum += dy[t] * w[k][t];
                dX[n * I + i + k] = m.mask(sum, a[i + k]);
            }
        }
        for (; i < I; ++i) dX[n * I + i] = m.mask(dot_inline(dy, W + i * O, O), a[i]);
    }
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
    with_rectifier(r, [&](auto act) {
        if (O == 1) forward_single_output(X, W, b, Y, N, I, act);
        else if (O < kNarrow) forward_narrow(X, W, b, Y, N, I, O, act);
        else if (I == 1) forward_small_input<1>(X, W, b, Y, N, O, act);
        else if (I == 2) forward_small_input<2>(X, W, b, Y, N, O, act);
        else
            for (int n = 0; n < N; ++n) row_times_matrix(X + n * I, W, b, Y + n * O, I, O, act);
    });
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
    with_mask(A, r, [&](auto mask) {
        if (O == 1) backward_input_single(dY, W, dX, N, I, A, mask);
        else if (O < kNarrow) backward_input_narrow(dY, W, dX, N, I, O, A, mask);
        else backward_input_wide(dY, W, dX, N, I, O, A, mask);
    });
}

}  // namespace gan::kernels
