#include "gan/metrics.hpp"

#include <cmath>
#include <limits>

namespace gan {

std::vector<double> target_quantiles(const Target& t, int n) {
    std::vector<double> q(n);
    for (int i = 0; i < n; ++i) q[i] = t.quantile((i + 0.5) / n);
    return q;
}

double wasserstein1_1d(const std::vector<float>& sorted, const std::vector<double>& quantiles) {
    double sum = 0.0;
    for (std::size_t i = 0; i < sorted.size(); ++i) sum += std::fabs(sorted[i] - quantiles[i]);
    return sorted.empty() ? 0.0 : sum / sorted.size();
}

double ks_statistic(const std::vector<float>& sorted, const Target& t) {
    const double n = static_cast<double>(sorted.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        const double F = t.cdf(sorted[i]);
        if (std::isnan(F)) return std::numeric_limits<double>::quiet_NaN();  // a NaN sample: no score (fmax would drop it)
        worst = std::fmax(worst, std::fmax(std::fabs((i + 1) / n - F), std::fabs(F - i / n)));
    }
    return worst;
}

ModeMetrics mode_metrics(const float* xs, int n, const Target& t) {
    ModeMetrics m;
    const int k = t.modes(), dim = t.dim();
    const auto& c = t.centres();
    const double limit = 3.0 * t.component_std();
    m.modes_total = k;
    m.counts.assign(k, 0);
    int high = 0;
    for (int i = 0; i < n; ++i) {
        int best = 0;
        double best_d2 = std::numeric_limits<double>::infinity();
        for (int j = 0; j < k; ++j) {
            double d2 = 0.0;
            for (int a = 0; a < dim; ++a) d2 += (xs[i * dim + a] - c[j * dim + a]) * (xs[i * dim + a] - c[j * dim + a]);
            if (d2 < best_d2) best_d2 = d2, best = j;
        }
        if (std::sqrt(best_d2) <= limit) ++high, ++m.counts[best];
    }
    m.high_quality = n > 0 ? static_cast<double>(high) / n : 0.0;
    m.reverse_kl = high > 0 ? 0.0 : std::numeric_limits<double>::quiet_NaN();
    for (int j = 0; j < k; ++j) {
        if (m.counts[j] == 0) continue;
        ++m.modes_covered;
        const double p = static_cast<double>(m.counts[j]) / high;
        m.reverse_kl += p * std::log(p * k);
    }
    return m;
}

Moments moments(const float* xs, int n, int dim) {
    Moments m;
    m.mean.assign(dim, 0.0);
    m.std.assign(dim, 0.0);
    if (n == 0) return m;
    for (int i = 0; i < n; ++i)
        for (int a = 0; a < dim; ++a) m.mean[a] += xs[i * dim + a];
    for (auto& v : m.mean) v /= n;
    for (int i = 0; i < n; ++i)
        for (int a = 0; a < dim; ++a) m.std[a] += (xs[i * dim + a] - m.mean[a]) * (xs[i * dim + a] - m.mean[a]);
    for (auto& v : m.std) v = std::sqrt(v / n);
    return m;
}

}  // namespace gan
