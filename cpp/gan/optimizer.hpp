// Optimizer: one small interface for the update rules, chosen separately for
// G and D. Each updates a flat parameter array in place from its gradient.
//
//   auto opt = gan::make_optimizer(settings, params.size());
//   opt->step(params.data(), grads.data(), params.size());
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace gan {

enum class OptimizerKind { Sgd, Momentum, Adam, RmsProp };

OptimizerKind parse_optimizer(const std::string& name);  // "sgd" | "momentum" | "adam" | "rmsprop"
const char* optimizer_name(OptimizerKind k);

struct OptimizerSettings {
    OptimizerKind kind = OptimizerKind::Adam;
    double lr = 1e-3;
    double momentum = 0.9;  // Momentum
    double beta1 = 0.5;     // Adam
    double beta2 = 0.999;   // Adam
    double eps = 1e-8;      // Adam, RMSProp
    double decay = 0.9;     // RMSProp's squared-gradient average
};

class Optimizer {
public:
    virtual ~Optimizer() = default;
    // One update of n parameters at the learning rate lr (the schedule's current rate).
    virtual void step(float* params, const float* grads, std::size_t n, double lr) = 0;
};

std::unique_ptr<Optimizer> make_optimizer(const OptimizerSettings& s, std::size_t n);

}  // namespace gan
