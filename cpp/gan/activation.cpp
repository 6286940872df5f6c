#include "gan/activation.hpp"

#include <stdexcept>

#include "gan/detmath.hpp"

namespace gan {

Activation parse_activation(const std::string& name) {
    if (name == "relu") return Activation::Relu;
    if (name == "leaky") return Activation::LeakyRelu;
    if (name == "tanh") return Activation::Tanh;
    throw std::invalid_argument("activation '" + name + "' is unknown; allowed: relu, leaky, tanh");
}

const char* activation_name(Activation a) {
    switch (a) {
        case Activation::Relu: return "relu";
        case Activation::LeakyRelu: return "leaky";
        default: return "tanh";
    }
}

void activate(Activation a, float slope, float* Z, int n) {
    switch (a) {
        case Activation::Relu:
            for (int i = 0; i < n; ++i) Z[i] = Z[i] > 0.0f ? Z[i] : 0.0f;
            break;
        case Activation::LeakyRelu:
            for (int i = 0; i < n; ++i) Z[i] = Z[i] > 0.0f ? Z[i] : slope * Z[i];
            break;
        case Activation::Tanh:
            for (int i = 0; i < n; ++i) Z[i] = static_cast<float>(det::tanh(Z[i]));
            break;
    }
}

void activation_backward(Activation a, float slope, const float* A, float* dA, int n) {
    switch (a) {
        case Activation::Relu:
            for (int i = 0; i < n; ++i) dA[i] = A[i] > 0.0f ? dA[i] : 0.0f;
            break;
        case Activation::LeakyRelu:
            for (int i = 0; i < n; ++i) dA[i] = A[i] > 0.0f ? dA[i] : slope * dA[i];
            break;
        case Activation::Tanh:
            for (int i = 0; i < n; ++i) dA[i] *= 1.0f - A[i] * A[i];
            break;
    }
}

}  // namespace gan
