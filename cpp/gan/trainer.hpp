// Trainer: one GAN training run — the blog's training loop as an object.
// A Config (a preset plus overrides) shapes the networks, optimizers, target
// and noise; step(n) runs n epochs, each the blog's loop body: nCritic
// discriminator/critic updates, then one generator update.
//
//   gan::Trainer t(gan::preset_config("blog-1d"));
//   t.step(2000);
//   gan::Stats s = t.stats();            // epoch, losses, moments, metrics, status
//   std::vector<float> xs = t.sample(1000);
//
// Randomness: training draws from one seeded Rng; sample() from its own
// stream; stats() from a fixed evaluation stream, so it is a pure function of
// the weights and never changes the training trajectory.
// Errors: bad arguments throw std::invalid_argument naming the argument and
// the allowed range, and leave the trainer unchanged. A non-finite loss or
// weight stops training (status "diverged") until reset().
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "gan/config.hpp"
#include "gan/distributions.hpp"
#include "gan/gradient_penalty.hpp"
#include "gan/losses.hpp"
#include "gan/mlp.hpp"
#include "gan/optimizer.hpp"

namespace gan {

struct Stats {
    long long epoch = 0;
    double dLoss = 0, gLoss = 0;
    double dLossAvg = 0;          // dLoss averaged over the last 100 epochs (or fewer)
    double wEstimate = 0;         // Wasserstein estimate E[f(real)] - E[f(fake)]; NaN for non-WGAN losses
    std::vector<double> mean, std;  // of evalSamples generated points, per dimension
    std::string status = "ok";    // "ok" | "diverged"
    long long divergedAt = -1;    // the epoch that produced a non-finite value
    int evalSamples = 0;
    bool has1d = false;           // 1D targets: w1, ks
    double w1 = 0, ks = 0;
    bool hasModes = false;        // mixture targets: mode metrics
    int modesCovered = 0, modesTotal = 0;
    double highQuality = 0, reverseKL = 0;
    std::vector<int> modeCounts;  // high-quality samples per mode
};

class Trainer {
public:
    static constexpr int kEvalSamples = 2500;  // the PacGAN protocol's sample count

    explicit Trainer(Config config);

    void step(int epochs);                          // 0 <= epochs <= kMaxStepEpochs
    std::vector<float> sample(int n);               // n x dim generated points
    std::vector<float> sample_class(int label, int n);  // conditional runs only
    // G at the caller's latent points (n x noiseDim); label required iff conditional.
    std::vector<float> generate(const std::vector<float>& latents, int label = -1);
    // D's output at n x dim points: probability D(x) for loss gan, the raw score otherwise.
    std::vector<float> evaluate_d(const std::vector<float>& points, int label = -1);
    // d evaluate_d / dx at the same points (n x dim).
    std::vector<float> gradient_d(const std::vector<float>& points, int label = -1);
    Stats stats();

    std::vector<std::uint8_t> save_generator() const;
    void load_generator(const std::vector<std::uint8_t>& bytes);
    void reset();

    const Config& config() const { return cfg_; }
    int dim() const { return dim_; }
    int noise_dim() const { return cfg_.noiseDim; }
    int classes() const { return classes_; }
    long long epoch() const { return epoch_; }
    bool diverged() const { return diverged_at_ >= 0; }

private:
    void init();
    void train_epoch();
    void d_update(double lr_scale);
    void g_update(double lr_scale);
    double lr_scale() const;
    void fill_noise(Rng& rng, int n, float* noise) const;  // n x noiseDim
    // rows = [x | one-hot(label)], n x (width + classes): G's and D's inputs.
    void with_labels(const float* x, int width, const int* labels, int n, float* rows) const;
    void random_labels(Rng& rng, int n, int* labels) const;
    const float* generate_batch();
    std::vector<float> draw(Rng& rng, int n, int label);
    std::vector<float> run_generator(const float* noise, const int* labels, int n);
    void discriminate(const std::vector<float>& points, int label, std::vector<float>& out, std::vector<float>* grad);
    void check_label(int label) const;
    void check_points(const std::vector<float>& v, int width, const char* name) const;
    Mlp& sampler() { return g_avg_ ? *g_avg_ : *g_; }
    const Mlp& sampler() const { return g_avg_ ? *g_avg_ : *g_; }

    Config cfg_;
    int dim_ = 1, classes_ = 0, g_in_ = 1, d_in_ = 1;
    std::unique_ptr<Target> target_;
    Rng rng_, sample_rng_;
    std::unique_ptr<Mlp> g_, d_, g_avg_;
    std::unique_ptr<Optimizer> g_opt_, d_opt_;
    OptimizerSettings g_settings_, d_settings_;
    bool wasserstein_ = false, clip_weights_ = false, gradient_penalty_ = false, split_d_update_ = false,
         uniform_noise_ = false;
    LossTerm real_term_ = LossTerm::BceReal, fake_term_ = LossTerm::BceFake, gen_term_ = LossTerm::BceReal;
    GradientPenalty gp_;

    // Work buffers, sized once per batch (no allocation inside the training loop).
    std::vector<float> real_, noise_, latent_, d_rows_, grad_, d_in_grad_, fake_grad_, interp_;
    std::vector<int> labels_, fake_labels_;

    long long epoch_ = 0, diverged_at_ = -1, avg_updates_ = 0;
    double d_loss_ = 0, g_loss_ = 0, w_est_ = 0;
    std::vector<double> d_loss_window_;  // ring buffer of the last 100 dLoss values
    std::vector<double> quantiles_;      // target quantiles for w1, computed once
};

}  // namespace gan
