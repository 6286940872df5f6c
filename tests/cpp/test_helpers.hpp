// Shared helpers for the engine tests: a double-precision reference forward
// pass for Mlp (pre-activations included, to keep gradient checks away from
// ReLU kinks), central differences, and small numeric utilities.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "gan/mlp.hpp"
#include "gan/rng.hpp"

namespace gan::test {

// |a - b| / max(|a|, |b|, floor): a relative error that stays meaningful near 0.
inline double rel_err(double a, double b, double floor = 1e-300) {
    const double scale = std::max({std::fabs(a), std::fabs(b), floor});
    return std::fabs(a - b) / scale;
}

// Central difference of a scalar function of one variable.
inline double central_diff(const std::function<double(double)>& f, double x, double eps) {
    return (f(x + eps) - f(x - eps)) / (2.0 * eps);
}

inline double act_ref(Activation a, double slope, double z) {
    switch (a) {
        case Activation::Relu: return z > 0 ? z : 0.0;
        case Activation::LeakyRelu: return z > 0 ? z : slope * z;
        default: return std::tanh(z);
    }
}

// A double-precision copy of an Mlp: the reference the float engine is checked against.
struct RefNet {
    MlpShape shape;
    std::vector<DenseView> layers;
    std::vector<double> P;
};

inline RefNet ref_of(const Mlp& m) { return {m.shape(), m.layers(), std::vector<double>(m.params().begin(), m.params().end())}; }

// Reference forward pass over N rows of x (N x in). Returns N x out; when pre is not
// null it receives every hidden unit's pre-activation (row by row, layer by layer).
inline std::vector<double> ref_forward(const RefNet& r, const std::vector<double>& x, int N,
                                       std::vector<double>* pre = nullptr) {
    std::vector<double> in(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(N) * r.shape.in);
    if (pre) pre->clear();
    for (std::size_t l = 0; l < r.layers.size(); ++l) {
        const DenseView& L = r.layers[l];
        const bool hidden = l + 1 < r.layers.size();
        std::vector<double> out(static_cast<std::size_t>(N) * L.out);
        for (int n = 0; n < N; ++n)
            for (int o = 0; o < L.out; ++o) {
                double z = r.P[L.b_offset + o];
                for (int i = 0; i < L.in; ++i) z += in[n * L.in + i] * r.P[L.w_offset + i * L.out + o];
                if (hidden && pre) pre->push_back(z);
                out[n * L.out + o] = hidden ? act_ref(r.shape.activation, r.shape.slope, z) : z;
            }
        in.swap(out);
    }
    return in;
}

inline std::vector<double> to_double(const std::vector<float>& v) { return {v.begin(), v.end()}; }

inline std::vector<double> ref_forward(const Mlp& m, const std::vector<float>& x, int N,
                                       std::vector<double>* pre = nullptr) {
    return ref_forward(ref_of(m), to_double(x), N, pre);
}

// d out / d x for one row x of a single-output network, by exact backprop in double.
inline std::vector<double> ref_input_grad(const RefNet& r, const double* x) {
    const std::size_t Lc = r.layers.size();
    std::vector<std::vector<double>> z(Lc);  // pre-activations per layer
    std::vector<double> in(x, x + r.shape.in);
    for (std::size_t l = 0; l < Lc; ++l) {
        const DenseView& L = r.layers[l];
        z[l].assign(L.out, 0.0);
        std::vector<double> out(L.out);
        for (int o = 0; o < L.out; ++o) {
            double v = r.P[L.b_offset + o];
            for (int i = 0; i < L.in; ++i) v += in[i] * r.P[L.w_offset + i * L.out + o];
            z[l][o] = v;
            out[o] = l + 1 < Lc ? act_ref(r.shape.activation, r.shape.slope, v) : v;
        }
        in.swap(out);
    }
    std::vector<double> delta(1, 1.0);  // d out / d z of the top layer
    for (std::size_t l = Lc; l-- > 0;) {
        const DenseView& L = r.layers[l];
        std::vector<double> g(L.in, 0.0);
        for (int i = 0; i < L.in; ++i)
            for (int o = 0; o < L.out; ++o) g[i] += delta[o] * r.P[L.w_offset + i * L.out + o];
        if (l == 0) return g;
        for (int i = 0; i < L.in; ++i) {
            const double zz = z[l - 1][i];
            double d;
            switch (r.shape.activation) {
                case Activation::Relu: d = zz > 0 ? 1.0 : 0.0; break;
                case Activation::LeakyRelu: d = zz > 0 ? 1.0 : r.shape.slope; break;
                default: d = 1.0 - std::tanh(zz) * std::tanh(zz);
            }
            g[i] *= d;
        }
        delta.swap(g);
    }
    return {};
}

// WGAN-GP's penalty lambda * mean_n (|d critic / d x_n| - 1)^2, in double.
inline double ref_gradient_penalty(const RefNet& r, const std::vector<double>& xs, int N, double lambda) {
    double sum = 0;
    for (int n = 0; n < N; ++n) {
        const auto g = ref_input_grad(r, &xs[static_cast<std::size_t>(n) * r.shape.in]);
        double sq = 0;
        for (double v : g) sq += v * v;
        sum += (std::sqrt(sq) - 1.0) * (std::sqrt(sq) - 1.0);
    }
    return lambda * sum / N;
}

inline double min_abs(const std::vector<double>& v) {
    double m = INFINITY;
    for (double x : v) m = std::min(m, std::fabs(x));
    return m;
}

// N input rows (N x in) drawn from N(0, scale^2), redrawn row by row until every hidden
// pre-activation of that row is at least margin away from 0 (the ReLU kink).
inline std::vector<float> kink_free_inputs(const Mlp& m, Rng& rng, int N, double margin, double scale = 1.0) {
    const int I = m.shape().in;
    std::vector<float> xs;
    for (int n = 0; n < N; ++n) {
        std::vector<float> row(I);
        for (int attempt = 0;; ++attempt) {
            for (auto& v : row) v = static_cast<float>(scale * rng.normal());
            std::vector<double> pre;
            ref_forward(m, row, 1, &pre);
            if (m.shape().activation == Activation::Tanh || min_abs(pre) > margin) break;
            if (attempt > 10000) {
                ADD_FAILURE() << "no kink-free input found";
                break;
            }
        }
        xs.insert(xs.end(), row.begin(), row.end());
    }
    return xs;
}

// Gives every bias a small random value (He init leaves them at 0), so bias paths are exercised.
inline void randomize_biases(Mlp& m, Rng& rng, double scale = 0.3) {
    for (const auto& L : m.layers())
        for (int o = 0; o < L.out; ++o) m.params()[L.b_offset + o] = static_cast<float>(scale * rng.normal());
}

inline const char* act_label(Activation a) {
    switch (a) {
        case Activation::Relu: return "relu";
        case Activation::LeakyRelu: return "leaky";
        default: return "tanh";
    }
}

}  // namespace gan::test
