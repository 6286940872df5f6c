#include "gan/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "gan/metrics.hpp"
#include "gan/model_io.hpp"

namespace gan {
namespace {

constexpr std::uint64_t kSampleSalt = 0x5a17'c0de'0000'0001ULL;  // sample()'s stream
constexpr std::uint64_t kEvalSalt = 0x5a17'c0de'0000'0002ULL;    // stats()' fixed stream
constexpr int kChunk = 4096;       // rows per forward pass outside training: bounds memory
constexpr std::size_t kLossWindow = 100;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

void require(bool ok, const std::string& message) {
    if (!ok) throw std::invalid_argument(message);
}

void check_count(long long n, long long cap, const char* name) {
    if (n >= 0 && n <= cap) return;  // the message is built only on failure: these run every frame
    throw std::invalid_argument(std::string(name) + " = " + std::to_string(n) + " is invalid; allowed: 0 <= " + name +
                                " <= " + std::to_string(cap));
}

std::unique_ptr<Target> make_target(const Config& c) {
    if (c.target == "gaussian") return make_gaussian_1d(c.targetMean, c.targetStd);
    if (c.target == "mixture1d") return make_mixture_1d(c.modes, c.targetMean, c.spacing, c.targetStd);
    if (c.target == "ring") return make_ring(c.modes, c.radius, c.targetStd);
    if (c.target == "grid") return make_grid(c.gridSize, c.spacing, c.targetStd);
    if (c.target == "spiral") return make_spiral(c.radius, c.spiralTurns, c.targetStd);
    return make_point_set(c.points, c.pointsDim, c.pointsJitter);
}

OptimizerSettings optimizer_settings(const std::string& kind, double lr, double beta1, double beta2, double momentum,
                                     double decay, double eps) {
    OptimizerSettings s;
    s.kind = parse_optimizer(kind);
    s.lr = lr, s.beta1 = beta1, s.beta2 = beta2, s.momentum = momentum, s.decay = decay, s.eps = eps;
    return s;
}

}  // namespace

Trainer::Trainer(Config config) : cfg_(std::move(config)) {
    validate(cfg_);
    init();
}

void Trainer::init() {
    const auto seed = static_cast<std::uint64_t>(cfg_.seed);
    rng_.reseed(seed);
    sample_rng_.reseed(seed ^ kSampleSalt);
    dim_ = data_dim(cfg_);
    classes_ = class_count(cfg_);
    g_in_ = cfg_.noiseDim + classes_;
    d_in_ = dim_ + classes_;
    target_ = make_target(cfg_);

    g_ = std::make_unique<Mlp>(MlpShape{g_in_, dim_, cfg_.gDepth, cfg_.gWidth, parse_activation(cfg_.gActivation),
                                        static_cast<float>(cfg_.leakySlope)}, rng_);
    d_ = std::make_unique<Mlp>(MlpShape{d_in_, 1, cfg_.dDepth, cfg_.dWidth, parse_activation(cfg_.dActivation),
                                        static_cast<float>(cfg_.leakySlope)}, rng_);
    if (cfg_.dInit == "data") {  // one real batch from the training stream (only when enabled)
        const int n = cfg_.batch;
        std::vector<float> x(static_cast<std::size_t>(n) * dim_), rows(static_cast<std::size_t>(n) * d_in_);
        std::vector<int> labels(n);
        target_->sample(rng_, n, x.data(), labels.data());
        with_labels(x.data(), dim_, labels.data(), n, rows.data());
        d_->init_from_data(rows.data(), n);
    }
    g_avg_ = cfg_.gEma > 0 ? std::make_unique<Mlp>(*g_) : nullptr;
    g_settings_ = optimizer_settings(cfg_.gOpt, cfg_.gLr, cfg_.gBeta1, cfg_.gBeta2, cfg_.gMomentum, cfg_.gDecay, cfg_.gEps);
    d_settings_ = optimizer_settings(cfg_.dOpt, cfg_.dLr, cfg_.dBeta1, cfg_.dBeta2, cfg_.dMomentum, cfg_.dDecay, cfg_.dEps);
    g_opt_ = make_optimizer(g_settings_, g_->params().size());
    d_opt_ = make_optimizer(d_settings_, d_->params().size());

    // The string settings the training loop branches on, resolved once.
    wasserstein_ = cfg_.loss == "wgan" || cfg_.loss == "wgan-gp";
    clip_weights_ = cfg_.loss == "wgan";
    gradient_penalty_ = cfg_.loss == "wgan-gp";
    split_d_update_ = cfg_.dUpdate == "split";
    uniform_noise_ = cfg_.noise == "uniform";
    if (cfg_.loss == "gan") {
        real_term_ = LossTerm::BceReal, fake_term_ = LossTerm::BceFake;
        gen_term_ = cfg_.genLoss == "minimax" ? LossTerm::Minimax : LossTerm::BceReal;
    } else if (cfg_.loss == "lsgan") {
        real_term_ = LossTerm::LsqReal, fake_term_ = LossTerm::LsqFake, gen_term_ = LossTerm::LsqReal;
    } else {
        real_term_ = LossTerm::ScoreUp, fake_term_ = LossTerm::ScoreDown, gen_term_ = LossTerm::ScoreUp;
    }

    const std::size_t N = cfg_.batch;
    real_.assign(N * dim_, 0.0f);
    noise_.assign(N * cfg_.noiseDim, 0.0f);
    latent_.assign(N * g_in_, 0.0f);
    d_rows_.assign(2 * N * d_in_, 0.0f);
    grad_.assign(2 * N, 0.0f);
    d_in_grad_.assign(N * d_in_, 0.0f);
    fake_grad_.assign(N * dim_, 0.0f);
    interp_.assign(N * d_in_, 0.0f);
    labels_.assign(N, 0);
    fake_labels_.assign(N, 0);

    epoch_ = 0, diverged_at_ = -1, avg_updates_ = 0;
    d_loss_ = g_loss_ = 0.0;
    w_est_ = wasserstein_ ? 0.0 : kNaN;
    d_loss_window_.clear();
    quantiles_.clear();
}

void Trainer::reset() { init(); }

void Trainer::step(int epochs) {
    check_count(epochs, kMaxStepEpochs, "epochs");
    for (int i = 0; i < epochs && !diverged(); ++i) train_epoch();
}

double Trainer::lr_scale() const {
    if (cfg_.decayEpochs <= 0) return 1.0;
    const double progress = std::min(1.0, static_cast<double>(epoch_) / cfg_.decayEpochs);
    return 1.0 - (1.0 - cfg_.decayTo) * progress;
}

void Trainer::train_epoch() {
    const double scale = lr_scale();
    for (int k = 0; k < cfg_.nCritic; ++k) d_update(scale);
    g_update(scale);
    ++epoch_;
    if (d_loss_window_.size() < kLossWindow) d_loss_window_.push_back(d_loss_);
    else d_loss_window_[epoch_ % kLossWindow] = d_loss_;
    if (!std::isfinite(d_loss_) || !std::isfinite(g_loss_) || !g_->all_finite() || !d_->all_finite())
        diverged_at_ = epoch_;
}

void Trainer::random_labels(Rng& rng, int n, int* labels) const {
    for (int i = 0; i < n; ++i) labels[i] = classes_ ? static_cast<int>(rng.below(classes_)) : 0;
}

void Trainer::fill_noise(Rng& rng, int n, float* noise) const {
    for (std::size_t i = 0; i < static_cast<std::size_t>(n) * cfg_.noiseDim; ++i)
        noise[i] = static_cast<float>(uniform_noise_ ? 2.0 * rng.uniform() - 1.0 : rng.normal());
}

void Trainer::with_labels(const float* x, int width, const int* labels, int n, float* rows) const {
    const int stride = width + classes_;
    for (int i = 0; i < n; ++i) {
        float* row = rows + static_cast<std::size_t>(i) * stride;
        std::copy_n(x + static_cast<std::size_t>(i) * width, width, row);
        for (int k = 0; k < classes_; ++k) row[width + k] = labels[i] == k ? 1.0f : 0.0f;
    }
}

// n_critic times per epoch: real batch + fresh fake batch, one (joint) or two (split) D steps.
void Trainer::d_update(double scale) {
    const int N = cfg_.batch;
    const double lr = d_settings_.lr * scale;
    target_->sample(rng_, N, real_.data(), labels_.data());
    const float* fake = generate_batch();
    float* real_rows = d_rows_.data();
    float* fake_rows = d_rows_.data() + static_cast<std::size_t>(N) * d_in_;
    with_labels(real_.data(), dim_, labels_.data(), N, real_rows);
    with_labels(fake, dim_, fake_labels_.data(), N, fake_rows);

    double loss_real, loss_fake, penalty = 0.0;
    auto finish_step = [&] {
        d_opt_->step(d_->params().data(), d_->grads().data(), d_->params().size(), lr);
        if (clip_weights_) d_->clip_weights(static_cast<float>(cfg_.clip));
    };
    if (split_d_update_) {  // the blog: a step on the real batch, then one on the fake batch
        d_->zero_grad();
        loss_real = loss_term(real_term_, d_->forward(real_rows, N), N, grad_.data());
        d_->backward(grad_.data(), nullptr);
        finish_step();
        d_->zero_grad();
        loss_fake = loss_term(fake_term_, d_->forward(fake_rows, N), N, grad_.data());
        d_->backward(grad_.data(), nullptr);
        finish_step();
    } else {  // one step on the sum of both halves' mean losses, in a single 2N pass
        d_->zero_grad();
        const float* out = d_->forward(d_rows_.data(), 2 * N);
        loss_real = loss_term(real_term_, out, N, grad_.data());
        loss_fake = loss_term(fake_term_, out + N, N, grad_.data() + N);
        d_->backward(grad_.data(), nullptr);
        if (gradient_penalty_) {  // penalty at x_hat = e real + (1 - e) fake, e ~ U(0, 1) per row
            for (int i = 0; i < N; ++i) {
                const float e = static_cast<float>(rng_.uniform());
                for (int j = 0; j < d_in_; ++j) {
                    const std::size_t k = static_cast<std::size_t>(i) * d_in_ + j;
                    interp_[k] = e * real_rows[k] + (1.0f - e) * fake_rows[k];
                }
            }
            penalty = gp_.apply(*d_, interp_.data(), N, cfg_.gpLambda);
        }
        finish_step();
    }
    d_loss_ = loss_real + loss_fake + penalty;
    if (wasserstein_) w_est_ = -(loss_real + loss_fake);
}

// One generator step: D's input gradient at G's samples is G's only learning signal.
void Trainer::g_update(double scale) {
    const int N = cfg_.batch;
    const float* fake = generate_batch();
    with_labels(fake, dim_, fake_labels_.data(), N, d_rows_.data());
    g_loss_ = loss_term(gen_term_, d_->forward(d_rows_.data(), N), N, grad_.data());
    d_->input_gradient(grad_.data(), d_in_grad_.data());  // D's weights are not touched
    for (int i = 0; i < N; ++i)
        std::copy_n(&d_in_grad_[static_cast<std::size_t>(i) * d_in_], dim_, &fake_grad_[static_cast<std::size_t>(i) * dim_]);
    g_->zero_grad();
    g_->backward(fake_grad_.data(), nullptr);
    g_opt_->step(g_->params().data(), g_->grads().data(), g_->params().size(), g_settings_.lr * scale);
    if (g_avg_) {
        // Weight averaging (Yazici et al. 2019) with TF's warm-up: decay min(ema, (1 + t) / (10 + t)).
        ++avg_updates_;
        const float decay = static_cast<float>(std::min(cfg_.gEma, (1.0 + avg_updates_) / (10.0 + avg_updates_)));
        auto& avg = g_avg_->params();
        const auto& p = g_->params();
        for (std::size_t i = 0; i < avg.size(); ++i) avg[i] = decay * avg[i] + (1.0f - decay) * p[i];
    }
}

// A fresh batch of G's samples for training (labels into fake_labels_); kept in G's forward state.
const float* Trainer::generate_batch() {
    const int N = cfg_.batch;
    random_labels(rng_, N, fake_labels_.data());
    fill_noise(rng_, N, noise_.data());
    with_labels(noise_.data(), cfg_.noiseDim, fake_labels_.data(), N, latent_.data());
    return g_->forward(latent_.data(), N);
}

std::vector<float> Trainer::run_generator(const float* noise, const int* labels, int n) {
    std::vector<float> out(static_cast<std::size_t>(n) * dim_);
    std::vector<float> rows;
    Mlp& g = sampler();
    for (int start = 0; start < n; start += kChunk) {
        const int m = std::min(kChunk, n - start);
        rows.resize(static_cast<std::size_t>(m) * g_in_);
        with_labels(noise + static_cast<std::size_t>(start) * cfg_.noiseDim, cfg_.noiseDim, labels + start, m, rows.data());
        const float* y = g.forward(rows.data(), m);
        std::copy_n(y, static_cast<std::size_t>(m) * dim_, &out[static_cast<std::size_t>(start) * dim_]);
    }
    return out;
}

// n generated points from fresh noise drawn from rng: of class `label`, or of random classes (-1).
std::vector<float> Trainer::draw(Rng& rng, int n, int label) {
    std::vector<int> labels(n, label);
    if (label < 0) random_labels(rng, n, labels.data());
    std::vector<float> noise(static_cast<std::size_t>(n) * cfg_.noiseDim);
    fill_noise(rng, n, noise.data());
    return run_generator(noise.data(), labels.data(), n);
}

std::vector<float> Trainer::sample(int n) {
    check_count(n, kMaxSamples, "n");
    return draw(sample_rng_, n, -1);
}

std::vector<float> Trainer::sample_class(int label, int n) {
    require(classes_ > 0, "sample_class is invalid for this run: it is not conditional (set conditional = 1)");
    check_label(label);
    check_count(n, kMaxSamples, "n");
    return draw(sample_rng_, n, label);
}

void Trainer::check_label(int label) const {
    if (classes_ == 0 && label != -1)
        throw std::invalid_argument("label = " + std::to_string(label) + " is invalid; allowed: none (this run is not conditional)");
    if (classes_ > 0 && (label < 0 || label >= classes_))
        throw std::invalid_argument("label = " + std::to_string(label) + " is invalid; allowed: 0 <= label <= " +
                                    std::to_string(classes_ - 1));
}

void Trainer::check_points(const std::vector<float>& v, int width, const char* name) const {
    if (v.size() % width != 0)
        throw std::invalid_argument(std::string(name) + " has " + std::to_string(v.size()) + " values; allowed: a multiple of " +
                                    std::to_string(width));
    check_count(static_cast<long long>(v.size() / width), kMaxSamples, "n");
    for (float x : v)
        if (!std::isfinite(x)) throw std::invalid_argument(std::string(name) + " contains a non-finite value; allowed: finite numbers");
}

std::vector<float> Trainer::generate(const std::vector<float>& latents, int label) {
    check_points(latents, cfg_.noiseDim, "latents");
    check_label(label);
    const int n = static_cast<int>(latents.size() / cfg_.noiseDim);
    std::vector<int> labels(n, label);
    return run_generator(latents.data(), labels.data(), n);
}

// D at the caller's points, in chunks; out(i) gets D's raw output for row i and
// grad (when not null) d out / dx. For loss gan both are of the probability sigmoid(logit).
void Trainer::discriminate(const std::vector<float>& points, int label, std::vector<float>& out, std::vector<float>* grad) {
    check_points(points, dim_, "points");
    check_label(label);
    const int n = static_cast<int>(points.size() / dim_);
    const bool probability = cfg_.loss == "gan";
    out.assign(n, 0.0f);
    if (grad) grad->assign(points.size(), 0.0f);
    std::vector<int> labels(std::min(n, kChunk), label);
    std::vector<float> rows, ones, dx;
    for (int start = 0; start < n; start += kChunk) {
        const int m = std::min(kChunk, n - start);
        rows.resize(static_cast<std::size_t>(m) * d_in_);
        with_labels(points.data() + static_cast<std::size_t>(start) * dim_, dim_, labels.data(), m, rows.data());
        const float* y = d_->forward(rows.data(), m);
        ones.resize(m);
        for (int i = 0; i < m; ++i) {
            const double p = probability ? sigmoid(y[i]) : y[i];
            out[start + i] = static_cast<float>(p);
            ones[i] = static_cast<float>(probability ? p * (1.0 - p) : 1.0);  // chain rule through the sigmoid
        }
        if (!grad) continue;
        dx.resize(static_cast<std::size_t>(m) * d_in_);
        d_->input_gradient(ones.data(), dx.data());
        for (int i = 0; i < m; ++i)
            std::copy_n(&dx[static_cast<std::size_t>(i) * d_in_], dim_, &(*grad)[static_cast<std::size_t>(start + i) * dim_]);
    }
}

std::vector<float> Trainer::evaluate_d(const std::vector<float>& points, int label) {
    std::vector<float> out;
    discriminate(points, label, out, nullptr);
    return out;
}

std::vector<float> Trainer::gradient_d(const std::vector<float>& points, int label) {
    std::vector<float> out, grad;
    discriminate(points, label, out, &grad);
    return grad;
}

Stats Trainer::stats() {
    Stats s;
    s.epoch = epoch_;
    s.dLoss = d_loss_;
    s.gLoss = g_loss_;
    s.wEstimate = w_est_;
    double sum = 0.0;
    for (double v : d_loss_window_) sum += v;
    s.dLossAvg = d_loss_window_.empty() ? 0.0 : sum / d_loss_window_.size();
    s.status = diverged() ? "diverged" : "ok";
    s.divergedAt = diverged_at_;

    // A fixed evaluation stream: the same weights always give the same stats.
    Rng eval(static_cast<std::uint64_t>(cfg_.seed) ^ kEvalSalt);
    const int n = kEvalSamples;
    std::vector<float> xs = draw(eval, n, -1);
    s.evalSamples = n;
    const Moments m = moments(xs.data(), n, dim_);
    s.mean = m.mean;
    s.std = m.std;
    if (target_->has_cdf()) {
        if (quantiles_.empty()) quantiles_ = target_quantiles(*target_, n);
        std::sort(xs.begin(), xs.end());
        s.has1d = true;
        s.w1 = wasserstein1_1d(xs, quantiles_);
        s.ks = ks_statistic(xs, *target_);
    }
    if (cfg_.target == "mixture1d" || cfg_.target == "ring" || cfg_.target == "grid") {
        const ModeMetrics mm = mode_metrics(xs.data(), n, *target_);  // xs may be sorted: order does not matter
        s.hasModes = true;
        s.modesCovered = mm.modes_covered;
        s.modesTotal = mm.modes_total;
        s.highQuality = mm.high_quality;
        s.reverseKL = mm.reverse_kl;
        s.modeCounts = mm.counts;
    }
    return s;
}

std::vector<std::uint8_t> Trainer::save_generator() const { return encode_model(cfg_, sampler().params()); }

void Trainer::load_generator(const std::vector<std::uint8_t>& bytes) {
    const Model m = decode_model(bytes);
    // The fields that shape G (and its input and output) must match this run's.
    for (const char* key : {"noiseDim", "gDepth", "gWidth", "gActivation", "leakySlope", "conditional"}) {
        const Field& f = *find_field(key);
        require(get_field(m.config, f) == get_field(cfg_, f), std::string("model ") + key + " = " + get_field(m.config, f) +
                                                                  " does not fit this run; allowed: " + get_field(cfg_, f));
    }
    require(data_dim(m.config) == dim_ && class_count(m.config) == classes_,
            "model generates " + std::to_string(data_dim(m.config)) + "D points for " + std::to_string(class_count(m.config)) +
                " classes; allowed: " + std::to_string(dim_) + "D points for " + std::to_string(classes_) + " classes");
    require(m.params.size() == g_->params().size(), "model has " + std::to_string(m.params.size()) +
                                                        " weights; allowed: " + std::to_string(g_->params().size()));
    g_->params() = m.params;
    if (g_avg_) g_avg_->params() = m.params;
}

}  // namespace gan
