#include "gan/optimizer.hpp"

#include <stdexcept>

#include "gan/detmath.hpp"

namespace gan {

OptimizerKind parse_optimizer(const std::string& name) {
    if (name == "sgd") return OptimizerKind::Sgd;
    if (name == "momentum") return OptimizerKind::Momentum;
    if (name == "adam") return OptimizerKind::Adam;
    if (name == "rmsprop") return OptimizerKind::RmsProp;
    throw std::invalid_argument("optimizer '" + name + "' is unknown; allowed: sgd, momentum, adam, rmsprop");
}

const char* optimizer_name(OptimizerKind k) {
    switch (k) {
        case OptimizerKind::Sgd: return "sgd";
        case OptimizerKind::Momentum: return "momentum";
        case OptimizerKind::Adam: return "adam";
        default: return "rmsprop";
    }
}

namespace {

// Plain gradient descent, the blog's rule: p -= lr * g.
class Sgd final : public Optimizer {
public:
    void step(float* p, const float* g, std::size_t n, double lr) override {
        const float a = static_cast<float>(lr);
        for (std::size_t i = 0; i < n; ++i) p[i] -= a * g[i];
    }
};

// Heavy-ball momentum (Polyak 1964): v = mu v + g; p -= lr v.
class Momentum final : public Optimizer {
public:
    Momentum(double mu, std::size_t n) : mu_(static_cast<float>(mu)), v_(n, 0.0f) {}
    void step(float* p, const float* g, std::size_t n, double lr) override {
        const float a = static_cast<float>(lr);
        for (std::size_t i = 0; i < n; ++i) {
            v_[i] = mu_ * v_[i] + g[i];  // velocity: decayed sum of past gradients
            p[i] -= a * v_[i];
        }
    }

private:
    float mu_;
    std::vector<float> v_;
};

// Adam (Kingma & Ba 2015, Algorithm 1).
class Adam final : public Optimizer {
public:
    Adam(const OptimizerSettings& s, std::size_t n)
        : b1_(s.beta1), b2_(s.beta2), eps_(s.eps), m_(n, 0.0f), v_(n, 0.0f) {}
    void step(float* p, const float* g, std::size_t n, double lr) override {
        b1t_ *= b1_;  // beta1^t and beta2^t, kept as running products (no pow)
        b2t_ *= b2_;
        // Bias corrections folded into the step size and epsilon (Sec. 2 of the paper).
        const float step = static_cast<float>(lr * det::sqrt(1.0 - b2t_) / (1.0 - b1t_));
        const float eps = static_cast<float>(eps_ * det::sqrt(1.0 - b2t_));
        const float b1 = static_cast<float>(b1_), b2 = static_cast<float>(b2_);
        for (std::size_t i = 0; i < n; ++i) {
            m_[i] = b1 * m_[i] + (1.0f - b1) * g[i];         // first moment estimate
            v_[i] = b2 * v_[i] + (1.0f - b2) * g[i] * g[i];  // second raw moment estimate
            p[i] -= step * m_[i] / (__builtin_sqrtf(v_[i]) + eps);
        }
    }

private:
    double b1_, b2_, eps_, b1t_ = 1.0, b2t_ = 1.0;
    std::vector<float> m_, v_;
};

// RMSProp (Tieleman & Hinton 2012, lecture 6.5): divide by a running RMS of gradients.
class RmsProp final : public Optimizer {
public:
    RmsProp(const OptimizerSettings& s, std::size_t n)
        : decay_(static_cast<float>(s.decay)), eps_(static_cast<float>(s.eps)), ms_(n, 0.0f) {}
    void step(float* p, const float* g, std::size_t n, double lr) override {
        const float a = static_cast<float>(lr);
        for (std::size_t i = 0; i < n; ++i) {
            ms_[i] = decay_ * ms_[i] + (1.0f - decay_) * g[i] * g[i];  // mean square
            p[i] -= a * g[i] / (__builtin_sqrtf(ms_[i]) + eps_);
        }
    }

private:
    float decay_, eps_;
    std::vector<float> ms_;
};

}  // namespace

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& s, std::size_t n) {
    switch (s.kind) {
        case OptimizerKind::Sgd: return std::make_unique<Sgd>();
        case OptimizerKind::Momentum: return std::make_unique<Momentum>(s.momentum, n);
        case OptimizerKind::Adam: return std::make_unique<Adam>(s, n);
        default: return std::make_unique<RmsProp>(s, n);
    }
}

}  // namespace gan
