// Target distributions: what the generator must learn to imitate.
//   - Gaussian 1D N(mean, std)                       (the blog's 1D arena)
//   - Mixture of Gaussians with equal weights, in 1D (evenly spaced), on a
//     2D ring (the blog's 8 Gaussians) or on a 2D square grid (5 x 5)
//   - 2D spiral, and a caller-supplied point set
// Mixtures report each sample's component (mode label): the conditional GAN
// trains on it and the mode metrics score against the centres.
//
//   auto ring = gan::make_ring(8, 2.0, 0.05);
//   ring->sample(rng, n, xs, labels);     // xs: n x 2, labels: n (may be null)
#pragma once

#include <memory>
#include <vector>

#include "gan/rng.hpp"

namespace gan {

class Target {
public:
    virtual ~Target() = default;
    virtual int dim() const = 0;
    // n points into out (n x dim); labels (n) gets each point's component when not null.
    virtual void sample(Rng& rng, int n, float* out, int* labels) const = 0;

    // Mixtures: component centres (modes x dim) and the components' common std.
    virtual int modes() const { return 0; }
    virtual const std::vector<double>& centres() const;
    virtual double component_std() const { return 0.0; }

    // 1D targets with a closed-form CDF (Gaussian and 1D mixture): for w1 and ks.
    virtual bool has_cdf() const { return false; }
    virtual double cdf(double x) const;
    double quantile(double u) const;  // inverse CDF by bisection
};

class GaussianMixture : public Target {
public:
    GaussianMixture(int dim, std::vector<double> centres, double std);
    int dim() const override { return dim_; }
    void sample(Rng& rng, int n, float* out, int* labels) const override;
    int modes() const override { return static_cast<int>(centres_.size()) / dim_; }
    const std::vector<double>& centres() const override { return centres_; }
    double component_std() const override { return std_; }
    bool has_cdf() const override { return dim_ == 1; }
    double cdf(double x) const override;

private:
    int dim_;
    std::vector<double> centres_;
    double std_;
};

std::unique_ptr<Target> make_gaussian_1d(double mean, double std);                    // one mode
std::unique_ptr<Target> make_mixture_1d(int k, double mean, double spacing, double std);
std::unique_ptr<Target> make_ring(int k, double radius, double std);
std::unique_ptr<Target> make_grid(int side, double spacing, double std);              // centred on 0
std::unique_ptr<Target> make_spiral(double radius, double turns, double std);
std::unique_ptr<Target> make_point_set(std::vector<float> points, int dim, double jitter);

double normal_cdf(double z);

}  // namespace gan
