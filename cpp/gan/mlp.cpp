#include "gan/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "gan/detmath.hpp"
#include "gan/kernels.hpp"

namespace gan {

Mlp::Mlp(const MlpShape& shape, Rng& rng) : shape_(shape) {
    std::size_t offset = 0;
    int in = shape.in;
    for (int l = 0; l <= shape.depth; ++l) {
        const int out = l == shape.depth ? shape.out : shape.width;
        layers_.push_back({in, out, offset, offset + static_cast<std::size_t>(in) * out});
        offset += static_cast<std::size_t>(in) * out + out;
        in = out;
    }
    params_.assign(offset, 0.0f);
    grads_.assign(offset, 0.0f);
    // He initialisation (as the blog): W ~ N(0, 2 / fan_in), b = 0.
    for (const auto& L : layers_) {
        const double scale = det::sqrt(2.0 / L.in);
        for (std::size_t k = 0; k < static_cast<std::size_t>(L.in) * L.out; ++k)
            params_[L.w_offset + k] = static_cast<float>(rng.normal() * scale);
    }
    acts_.resize(layers_.size() + 1);
}

void Mlp::ensure_batch(int N) {
    batch_ = N;
    if (N <= capacity_) return;
    capacity_ = N;
    acts_[0].resize(static_cast<std::size_t>(N) * shape_.in);
    for (std::size_t l = 0; l < layers_.size(); ++l)
        acts_[l + 1].resize(static_cast<std::size_t>(N) * layers_[l].out);
    const int widest = std::max({shape_.in, shape_.out, shape_.width});
    grad_a_.resize(static_cast<std::size_t>(N) * widest);
    grad_b_.resize(static_cast<std::size_t>(N) * widest);
}

const float* Mlp::forward(const float* x, int N) {
    ensure_batch(N);
    std::memcpy(acts_[0].data(), x, sizeof(float) * N * shape_.in);
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        const auto& L = layers_[l];
        float* y = acts_[l + 1].data();
        const bool hidden = l + 1 < layers_.size();
        kernels::dense_forward(acts_[l].data(), &params_[L.w_offset], &params_[L.b_offset], y, N, L.in, L.out,
                               hidden ? rectifier() : kernels::Rectifier{});
        if (hidden && shape_.activation == Activation::Tanh) activate(shape_.activation, shape_.slope, y, N * L.out);
    }
    return acts_.back().data();
}

void Mlp::backward(const float* dOut, float* dx) { backward_impl(dOut, dx, true); }

void Mlp::input_gradient(const float* dOut, float* dx) { backward_impl(dOut, dx, false); }

void Mlp::backward_impl(const float* dOut, float* dx, bool param_grads) {
    const int N = batch_;
    const float* dY = dOut;  // gradient w.r.t. the current layer's output (pre-activation)
    float* buffers[2] = {grad_a_.data(), grad_b_.data()};
    for (std::size_t l = layers_.size(); l-- > 0;) {
        const auto& L = layers_[l];
        if (param_grads)
            kernels::dense_backward_params(acts_[l].data(), dY, &grads_[L.w_offset], &grads_[L.b_offset], N, L.in, L.out);
        if (l == 0) {
            if (dx) kernels::dense_backward_input(dY, &params_[L.w_offset], dx, N, L.in, L.out);
            break;
        }
        float* dA = buffers[l % 2];
        const kernels::Rectifier r = rectifier();
        kernels::dense_backward_input(dY, &params_[L.w_offset], dA, N, L.in, L.out, r.on ? acts_[l].data() : nullptr, r);
        if (!r.on) activation_backward(shape_.activation, shape_.slope, acts_[l].data(), dA, N * L.in);
        dY = dA;
    }
}

// ReLU and LeakyReLU run fused into the dense kernels; tanh runs as its own pass.
kernels::Rectifier Mlp::rectifier() const {
    switch (shape_.activation) {
        case Activation::Relu: return {true, 0.0f};
        case Activation::LeakyRelu: return {true, shape_.slope};
        default: return {};
    }
}

// Data-dependent initialisation (Salimans & Kingma 2016, "Weight Normalization", Sec. 3),
// hidden layers only: each unit is rescaled and shifted so that its pre-activation over the
// N rows of x has mean 0 and std 1. Why: with the blog's zero biases every ReLU kink of the
// first layer sits at the origin. For data far from the origin (the arena's N(3, 0.5)) all of
// D's kinks then lie outside the data, D is linear there and can compare means but not
// spreads, and a kink outside the data gets no gradient to move in. Centring puts the kinks
// in the data from the start.
void Mlp::init_from_data(const float* x, int N) {
    std::vector<float> pre;
    for (std::size_t l = 0; l + 1 < layers_.size(); ++l) {
        forward(x, N);  // layer l's input, with layers < l already centred
        const DenseView& L = layers_[l];
        float* w = &params_[L.w_offset];
        float* b = &params_[L.b_offset];
        pre.resize(static_cast<std::size_t>(N) * L.out);
        kernels::dense_forward(acts_[l].data(), w, b, pre.data(), N, L.in, L.out);  // pre-activations
        for (int j = 0; j < L.out; ++j) {
            double sum = 0.0, sq = 0.0;
            for (int i = 0; i < N; ++i) {
                const double v = pre[static_cast<std::size_t>(i) * L.out + j];
                sum += v, sq += v * v;
            }
            const double mean = sum / N, sd = det::sqrt(std::max(0.0, sq / N - mean * mean));
            const double scale = sd > 1e-6 ? 1.0 / sd : 1.0;  // a constant unit (dead input) keeps its scale
            for (int i = 0; i < L.in; ++i) w[static_cast<std::size_t>(i) * L.out + j] *= static_cast<float>(scale);
            b[j] = static_cast<float>((b[j] - mean) * scale);
        }
    }
}

void Mlp::zero_grad() { std::fill(grads_.begin(), grads_.end(), 0.0f); }

void Mlp::clip_weights(float c) {
    for (const auto& L : layers_) {
        float* w = &params_[L.w_offset];
        for (std::size_t k = 0; k < static_cast<std::size_t>(L.in) * L.out; ++k) w[k] = std::clamp(w[k], -c, c);
    }
}

bool Mlp::all_finite() const {
    for (float p : params_)
        if (!std::isfinite(p)) return false;
    return true;
}

}  // namespace gan
