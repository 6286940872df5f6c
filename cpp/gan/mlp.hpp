// Mlp: a fully connected network, in -> [width, act] x depth -> out, with a
// linear output (the generator's sample, the discriminator's logit, the
// critic's score). Parameters live in one flat array (optimizers and
// clipping walk it as one vector), laid out layer by layer as W (I x O) then b (O).
//
//   gan::Mlp d({/*in*/ 1, /*out*/ 1, /*depth*/ 1, /*width*/ 64, Activation::Relu, 0.2f}, rng);
//   const float* logits = d.forward(x, n);   // n x 1, stored for backward
//   d.zero_grad();
//   d.backward(dlogits, dx);                 // accumulates d.grads(); dx may be nullptr
//
// Dimension legend: N = batch, I = in features, O = out features.
#pragma once

#include <cstddef>
#include <vector>

#include "gan/activation.hpp"
#include "gan/kernels.hpp"
#include "gan/rng.hpp"

namespace gan {

struct MlpShape {
    int in = 1;
    int out = 1;
    int depth = 1;   // hidden layers
    int width = 64;  // units per hidden layer
    Activation activation = Activation::Relu;
    float slope = 0.2f;  // LeakyReLU's negative slope
};

// One layer's slice of the flat parameter and gradient arrays.
struct DenseView {
    int in, out;
    std::size_t w_offset, b_offset;  // into params() / grads()
};

class Mlp {
public:
    Mlp(const MlpShape& shape, Rng& rng);

    // Forward pass over N rows of x (N x in). Stores every layer's input and
    // post-activation output for backward. Returns N x out, valid until the next forward.
    const float* forward(const float* x, int N);

    // Backward from dOut (N x out, for the last forward): adds parameter gradients into
    // grads(); writes the input gradient (N x in) into dx when dx is not null.
    void backward(const float* dOut, float* dx);

    // Input gradient only (parameters untouched): the channel from D to G.
    void input_gradient(const float* dOut, float* dx);

    // Rescales and shifts each hidden unit so its pre-activation over the N rows of x
    // has mean 0 and std 1 (data-dependent initialisation, Salimans & Kingma 2016).
    void init_from_data(const float* x, int N);

    void zero_grad();
    void clip_weights(float c);  // weights only, not biases (as the blog's critic)
    bool all_finite() const;

    const MlpShape& shape() const { return shape_; }
    std::vector<float>& params() { return params_; }
    const std::vector<float>& params() const { return params_; }
    std::vector<float>& grads() { return grads_; }
    const std::vector<DenseView>& layers() const { return layers_; }
    int batch() const { return batch_; }

    // Stored by forward: layer l's input (acts[l], N x in_l); acts[layers] is the output.
    const float* activation(std::size_t l) const { return acts_[l].data(); }

private:
    void ensure_batch(int N);
    kernels::Rectifier rectifier() const;
    void backward_impl(const float* dOut, float* dx, bool param_grads);

    MlpShape shape_;
    std::vector<DenseView> layers_;
    std::vector<float> params_, grads_;
    std::vector<std::vector<float>> acts_;  // acts_[0] = input copy, acts_[l+1] = output of layer l
    std::vector<float> grad_a_, grad_b_;    // ping-pong buffers for backward, N x max width
    int batch_ = 0, capacity_ = 0;
};

}  // namespace gan
