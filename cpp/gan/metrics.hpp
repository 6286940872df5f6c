// Metrics: how close generated samples are to the target.
//   1D: w1, the exact-in-the-limit Wasserstein-1 distance (sorted samples
//       against the target's quantiles at (i - 1/2) / n), and ks, the
//       Kolmogorov-Smirnov statistic.
//   Mixtures (VEEGAN, Srivastava et al. 2017; PacGAN, Lin et al. 2018):
//       a sample is high quality when within 3 std of its nearest centre;
//       modesCovered counts the centres nearest to at least one high-quality
//       sample; reverseKL is KL(mode histogram of the high-quality samples || uniform).
//
//   auto q = gan::target_quantiles(target, n);
//   double w1 = gan::wasserstein1_1d(samples, q);     // samples sorted ascending
//   gan::ModeMetrics m = gan::mode_metrics(xs, n, target);
#pragma once

#include <vector>

#include "gan/distributions.hpp"

namespace gan {

std::vector<double> target_quantiles(const Target& t, int n);   // F^-1((i + 1/2) / n), i < n
double wasserstein1_1d(const std::vector<float>& sorted, const std::vector<double>& quantiles);
double ks_statistic(const std::vector<float>& sorted, const Target& t);

struct ModeMetrics {
    int modes_covered = 0;
    int modes_total = 0;
    double high_quality = 0.0;  // share of all samples, 0..1
    double reverse_kl = 0.0;    // NaN when no sample is high quality
    std::vector<int> counts;    // high-quality samples per mode
};

ModeMetrics mode_metrics(const float* xs, int n, const Target& t);

struct Moments {
    std::vector<double> mean, std;  // per dimension; std is the population std (ddof 0, as numpy)
};

Moments moments(const float* xs, int n, int dim);

}  // namespace gan
