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

// The term's value at s, and its derivative into d. For the BCE terms one
// exp(-|s|) gives both softplus and sigmoid.
double term_value(LossTerm term, double s, double& d) {
    if (term == LossTerm::BceReal || term == LossTerm::BceFake || term == LossTerm::Minimax) {
        const double e = det::exp(-std::fabs(s));
        const double sig = s >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);  // sigmoid(s)
        const double log1pe = det::log1p(e);
        const double sp_pos = (s > 0 ? s : 0.0) + log1pe;   // softplus(s)
        const double sp_neg = (s < 0 ? -s : 0.0) + log1pe;  // softplus(-s)
        if (term == LossTerm::BceReal) return d = sig - 1.0, sp_neg;
        if (term == LossTerm::BceFake) return d = sig, sp_pos;
        return d = -sig, -sp_pos;  // Minimax
    }
    switch (term) {
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
