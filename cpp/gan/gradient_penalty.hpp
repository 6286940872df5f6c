// GradientPenalty: WGAN-GP's penalty (Gulrajani et al. 2017) on a critic,
//   GP = lambda * mean_n (|| d critic(x_n) / d x_n || - 1)^2,
// with its exact gradient with respect to the critic's parameters
// (double backprop: the backward pass that produced d critic / d x is itself
// differentiated). The points x_n are the caller's (random interpolates).
//
//   gan::GradientPenalty gp;
//   double value = gp.apply(critic, x_hat, N, 10.0);  // adds d GP / d params to critic.grads()
#pragma once

#include <vector>

#include "gan/mlp.hpp"

namespace gan {

class GradientPenalty {
public:
    // Runs the critic on x (N x in, overwriting its stored forward pass), adds the
    // penalty's parameter gradient into critic.grads() and returns the penalty.
    double apply(Mlp& critic, const float* x, int N, double lambda);

    // The penalty alone (no gradients): for tests and reporting.
    double value(Mlp& critic, const float* x, int N, double lambda);

private:
    void input_gradients(Mlp& critic, const float* x, int N);  // fills delta_, g_in_, norms_
    double penalty_from_norms(int N, double lambda) const;

    std::vector<std::vector<float>> delta_;  // delta_[l]: d critic / d (layer l pre-activation), N x out_l
    std::vector<std::vector<float>> g_in_;   // g_in_[l]:  d critic / d (layer l input), N x in_l
    std::vector<std::vector<float>> zbar_;   // second-order adjoints of the pre-activations (tanh only)
    std::vector<float> gbar_, gbar_next_, dbar_, zero_bias_, unused_db_, carry_;  // reused scratch
    std::vector<double> norms_;
};

}  // namespace gan
