#include "gan/gradient_penalty.hpp"

#include <algorithm>

#include "gan/detmath.hpp"
#include "gan/kernels.hpp"

namespace gan {

// Dimension legend: N = batch, I = layer inputs, O = layer outputs, L = layers.
void GradientPenalty::input_gradients(Mlp& critic, const float* x, int N) {
    critic.forward(x, N);
    const auto& layers = critic.layers();
    const auto& P = critic.params();
    const std::size_t L = layers.size();
    const MlpShape& shape = critic.shape();
    delta_.resize(L);
    g_in_.resize(L);
    // Top layer: the critic's output is linear, so its delta is 1 per row.
    delta_[L - 1].assign(N, 1.0f);
    for (std::size_t l = L; l-- > 0;) {
        const DenseView& D = layers[l];
        g_in_[l].resize(static_cast<std::size_t>(N) * D.in);
        kernels::dense_backward_input(delta_[l].data(), &P[D.w_offset], g_in_[l].data(), N, D.in, D.out);
        if (l == 0) break;
        // delta_{l-1} = g_in_l * act'(A_l), where A_l = critic.activation(l) is layer l-1's output.
        delta_[l - 1] = g_in_[l];
        const float* A = critic.activation(l);
        for (std::size_t k = 0; k < delta_[l - 1].size(); ++k)
            delta_[l - 1][k] *= activation_d1(shape.activation, shape.slope, A[k]);
    }
    norms_.resize(N);
    const int I = layers[0].in;
    for (int n = 0; n < N; ++n) {
        double sq = 0.0;
        for (int i = 0; i < I; ++i) sq += static_cast<double>(g_in_[0][n * I + i]) * g_in_[0][n * I + i];
        norms_[n] = det::sqrt(sq);
    }
}

double GradientPenalty::penalty_from_norms(int N, double lambda) const {
    double sum = 0.0;
    for (int n = 0; n < N; ++n) sum += (norms_[n] - 1.0) * (norms_[n] - 1.0);
    return lambda * sum / N;
}

double GradientPenalty::value(Mlp& critic, const float* x, int N, double lambda) {
    input_gradients(critic, x, N);
    return penalty_from_norms(N, lambda);
}

double GradientPenalty::apply(Mlp& critic, const float* x, int N, double lambda) {
    input_gradients(critic, x, N);
    const auto& layers = critic.layers();
    const auto& P = critic.params();
    auto& G = critic.grads();
    const std::size_t L = layers.size();
    const MlpShape& shape = critic.shape();
    const bool curved = shape.activation == Activation::Tanh;  // act'' != 0 somewhere

    // gbar = d GP / d g_in_0 = (2 lambda / N) (|g| - 1) g / |g|.
    const int I0 = layers[0].in;
    gbar_.resize(static_cast<std::size_t>(N) * I0);
    for (int n = 0; n < N; ++n) {
        const double r = norms_[n];
        const double f = r > 0 ? 2.0 * lambda * (r - 1.0) / (N * r) : 0.0;
        for (int i = 0; i < I0; ++i) gbar_[n * I0 + i] = static_cast<float>(f * g_in_[0][n * I0 + i]);
    }
    if (curved) {
        zbar_.resize(L);
        for (std::size_t l = 0; l + 1 < L; ++l) zbar_[l].assign(static_cast<std::size_t>(N) * layers[l].out, 0.0f);
    }

    // Reverse the input-gradient pass, layer 0 upwards. For g_in_l = delta_l W_l^T:
    //   dW_l += gbar^T delta_l,   deltabar_l = gbar W_l.
    // For delta_l = g_in_{l+1} * act'(z_l):
    //   gbar_{l+1} = deltabar_l * act'(z_l),   zbar_l += deltabar_l * g_in_{l+1} * act''(z_l).
    for (std::size_t l = 0; l < L; ++l) {
        const DenseView& D = layers[l];
        unused_db_.assign(D.out, 0.0f);
        // dW_l[i][o] += sum_n gbar[n][i] delta_l[n][o]  (the bias does not appear in the input gradient)
        kernels::dense_backward_params(gbar_.data(), delta_[l].data(), &G[D.w_offset], unused_db_.data(), N, D.in, D.out);
        if (l + 1 == L) break;
        zero_bias_.assign(D.out, 0.0f);
        dbar_.resize(static_cast<std::size_t>(N) * D.out);
        kernels::dense_forward(gbar_.data(), &P[D.w_offset], zero_bias_.data(), dbar_.data(), N, D.in, D.out);
        const float* A = critic.activation(l + 1);
        const float* g_out = g_in_[l + 1].data();
        gbar_next_.resize(dbar_.size());
        for (std::size_t k = 0; k < dbar_.size(); ++k) {
            gbar_next_[k] = dbar_[k] * activation_d1(shape.activation, shape.slope, A[k]);
            if (curved) zbar_[l][k] += dbar_[k] * g_out[k] * activation_d2(shape.activation, A[k]);
        }
        gbar_.swap(gbar_next_);
    }

    // With a curved activation the pre-activations' adjoints flow back through the
    // forward pass too: ordinary backprop, injecting zbar_l at each hidden layer.
    if (curved) {
        carry_.clear();  // d GP / d (layer l output), from the layers above
        for (std::size_t l = L - 1; l-- > 0;) {
            const DenseView& D = layers[l];
            std::vector<float>& z = zbar_[l];
            if (!carry_.empty()) {
                const float* A = critic.activation(l + 1);
                for (std::size_t k = 0; k < z.size(); ++k) z[k] += carry_[k] * activation_d1(shape.activation, shape.slope, A[k]);
            }
            kernels::dense_backward_params(critic.activation(l), z.data(), &G[D.w_offset], &G[D.b_offset], N, D.in, D.out);
            if (l == 0) break;
            carry_.resize(static_cast<std::size_t>(N) * D.in);
            kernels::dense_backward_input(z.data(), &P[D.w_offset], carry_.data(), N, D.in, D.out);
        }
    }
    return penalty_from_norms(N, lambda);
}

}  // namespace gan
