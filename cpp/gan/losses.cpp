#include "gan/losses.hpp"

#include <cmath>

#include "gan/detmath.hpp"

namespace gan {

double softplus(double x) { return (x > 0 ? x : 0.0) + det::log1p(det::exp(-std::fabs(x))); }

double sigmoid(double x) {
    if (x >= 0) return 1.0 / (1.0 + det::exp(-x));
    const double e = det::exp(x);
    return e / (1.0 + e);
}

namespace {

// Returns the term's value at out and writes its derivative into d.
double term_value(LossTerm term, double s, double& d) {
    switch (term) {
        case LossTerm::BceReal: d = sigmoid(s) - 1.0; return softplus(-s);
        case LossTerm::BceFake: d = sigmoid(s); return softplus(s);
        case LossTerm::Minimax: d = -sigmoid(s); return -softplus(s);
        case LossTerm::LsqReal: d = s - 1.0; return 0.5 * (s - 1.0) * (s - 1.0);
        case LossTerm::LsqFake: d = s; return 0.5 * s * s;
        case LossTerm::ScoreUp: d = -1.0; return -s;
        default: d = 1.0; return s;  // ScoreDown
    }
}

}  // namespace

double loss_term(LossTerm term, const float* out, int N, float* grad) {
    double sum = 0.0;
    for (int i = 0; i < N; ++i) {
        double d;
        sum += term_value(term, out[i], d);
        if (grad) grad[i] = static_cast<float>(d / N);
    }
    return sum / N;
}

}  // namespace gan
