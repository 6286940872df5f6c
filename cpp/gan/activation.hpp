// Activation: the hidden-layer nonlinearities (ReLU, LeakyReLU, Tanh) as
// in-place forward passes and backward passes that need only the stored
// post-activation values A (the sign of A is the sign of the input for ReLU
// and LeakyReLU with slope > 0; tanh' = 1 - A^2).
//
//   gan::activate(Activation::Relu, 0.2f, Z, n);             // Z becomes A
//   gan::activation_backward(Activation::Relu, 0.2f, A, dA, n);  // dA becomes dZ
#pragma once

#include <string>

namespace gan {

enum class Activation { Relu, LeakyRelu, Tanh };

Activation parse_activation(const std::string& name);  // "relu" | "leaky" | "tanh"
const char* activation_name(Activation a);

void activate(Activation a, float slope, float* Z, int n);
void activation_backward(Activation a, float slope, const float* A, float* dA, int n);

// First and second derivatives at the point whose activation is A
// (the gradient penalty's double backprop needs both).
inline float activation_d1(Activation a, float slope, float A) {
    switch (a) {
        case Activation::Relu: return A > 0.0f ? 1.0f : 0.0f;
        case Activation::LeakyRelu: return A > 0.0f ? 1.0f : slope;
        default: return 1.0f - A * A;
    }
}

inline float activation_d2(Activation a, float A) {
    return a == Activation::Tanh ? -2.0f * A * (1.0f - A * A) : 0.0f;  // piecewise linear: 0
}

}  // namespace gan
