#include "gan/distributions.hpp"

#include <cmath>
#include <stdexcept>

#include "gan/detmath.hpp"

namespace gan {

const std::vector<double>& Target::centres() const {
    static const std::vector<double> none;
    return none;
}

double Target::cdf(double) const { throw std::logic_error("this target has no closed-form CDF"); }

double Target::quantile(double u) const {
    double lo = -1.0, hi = 1.0;
    while (cdf(lo) > u) lo *= 2.0;
    while (cdf(hi) < u) hi *= 2.0;
    for (int i = 0; i < 100 && hi - lo > 1e-12 * (1.0 + std::fabs(lo)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (cdf(mid) < u ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

GaussianMixture::GaussianMixture(int dim, std::vector<double> centres, double std)
    : dim_(dim), centres_(std::move(centres)), std_(std) {}

void GaussianMixture::sample(Rng& rng, int n, float* out, int* labels) const {
    const auto k = static_cast<std::uint32_t>(modes());
    for (int i = 0; i < n; ++i) {
        const std::uint32_t c = k == 1 ? 0 : rng.below(k);
        if (labels) labels[i] = static_cast<int>(c);
        for (int j = 0; j < dim_; ++j)
            out[i * dim_ + j] = static_cast<float>(centres_[c * dim_ + j] + std_ * rng.normal());
    }
}

double GaussianMixture::cdf(double x) const {
    if (dim_ != 1) return Target::cdf(x);  // 2D mixtures have no 1D CDF: throws like every such target
    double sum = 0.0;
    for (double c : centres_) sum += normal_cdf((x - c) / std_);
    return sum / static_cast<double>(centres_.size());
}

std::unique_ptr<Target> make_gaussian_1d(double mean, double std) {
    return std::make_unique<GaussianMixture>(1, std::vector<double>{mean}, std);
}

std::unique_ptr<Target> make_mixture_1d(int k, double mean, double spacing, double std) {
    std::vector<double> c;
    for (int i = 0; i < k; ++i) c.push_back(mean + spacing * (i - (k - 1) / 2.0));
    return std::make_unique<GaussianMixture>(1, std::move(c), std);
}

std::unique_ptr<Target> make_ring(int k, double radius, double std) {
    std::vector<double> c;
    for (int i = 0; i < k; ++i) {
        const double angle = 2.0 * det::kPi * i / k;
        c.push_back(radius * det::cos(angle));
        c.push_back(radius * det::sin(angle));
    }
    return std::make_unique<GaussianMixture>(2, std::move(c), std);
}

std::unique_ptr<Target> make_grid(int side, double spacing, double std) {
    std::vector<double> c;
    const double half = (side - 1) / 2.0;
    for (int i = 0; i < side; ++i)
        for (int j = 0; j < side; ++j) {
            c.push_back(spacing * (i - half));
            c.push_back(spacing * (j - half));
        }
    return std::make_unique<GaussianMixture>(2, std::move(c), std);
}

namespace {

// Archimedean spiral: t ~ U(0, 1), angle = 2 pi turns t, radius grows with t.
class Spiral final : public Target {
public:
    Spiral(double radius, double turns, double std) : radius_(radius), turns_(turns), std_(std) {}
    int dim() const override { return 2; }
    void sample(Rng& rng, int n, float* out, int* labels) const override {
        for (int i = 0; i < n; ++i) {
            const double t = std::sqrt(rng.uniform());  // sqrt: uniform density along the arc's area
            const double angle = 2.0 * det::kPi * turns_ * t;
            const double r = radius_ * (0.1 + 0.9 * t);
            out[2 * i] = static_cast<float>(r * det::cos(angle) + std_ * rng.normal());
            out[2 * i + 1] = static_cast<float>(r * det::sin(angle) + std_ * rng.normal());
            if (labels) labels[i] = 0;
        }
    }

private:
    double radius_, turns_, std_;
};

// Uniform draws from the caller's points, each moved by N(0, jitter^2) noise.
class PointSet final : public Target {
public:
    PointSet(std::vector<float> points, int dim, double jitter)
        : points_(std::move(points)), dim_(dim), jitter_(jitter) {}
    int dim() const override { return dim_; }
    void sample(Rng& rng, int n, float* out, int* labels) const override {
        const auto count = static_cast<std::uint32_t>(points_.size() / dim_);
        for (int i = 0; i < n; ++i) {
            const std::uint32_t p = rng.below(count);
            for (int j = 0; j < dim_; ++j)
                out[i * dim_ + j] = static_cast<float>(points_[p * dim_ + j] + (jitter_ > 0 ? jitter_ * rng.normal() : 0.0));
            if (labels) labels[i] = 0;
        }
    }

private:
    std::vector<float> points_;
    int dim_;
    double jitter_;
};

}  // namespace

std::unique_ptr<Target> make_spiral(double radius, double turns, double std) {
    return std::make_unique<Spiral>(radius, turns, std);
}

std::unique_ptr<Target> make_point_set(std::vector<float> points, int dim, double jitter) {
    return std::make_unique<PointSet>(std::move(points), dim, jitter);
}

}  // namespace gan
