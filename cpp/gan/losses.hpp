// Losses: each adversarial loss as a per-sample term on the network's raw
// output (a logit for the GAN discriminator, a score for LSGAN and the
// critic), returning the batch mean and writing d(mean)/d(output) — the 1/N
// of the mean is in the gradient, so layers just sum.
//
//   float grad[N];
//   double loss = gan::loss_term(LossTerm::BceReal, logits, N, grad);
//
// BCE terms use the log-sum-exp form: -log sigmoid(l) = softplus(-l), exact
// for any logit, never log(sigmoid(l) + eps).
#pragma once

namespace gan {

enum class LossTerm {
    BceReal,     // -log D          = softplus(-l): D on real data; G's non-saturating loss
    BceFake,     // -log(1 - D)     = softplus(l):  D on generated data
    Minimax,     //  log(1 - D)     = -softplus(l): G's original (saturating) loss
    LsqReal,     // (s - 1)^2 / 2: LSGAN target 1
    LsqFake,     //  s^2 / 2:      LSGAN target 0
    ScoreUp,     // -s: the critic on real data, the generator on its samples (WGAN)
    ScoreDown,   //  s: the critic on generated data
};

// Mean of the term over N outputs; grad[i] = d mean / d out[i] (grad may be null).
double loss_term(LossTerm term, const float* out, int N, float* grad);

double softplus(double x);
double sigmoid(double x);

}  // namespace gan
