#include "gan/benchmark.hpp"

#include <chrono>
#include <stdexcept>

#include "gan/kernels.hpp"
#include "gan/presets.hpp"
#include "gan/trainer.hpp"

namespace gan {
namespace {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Sum of in * out over an MLP's layers, and over its hidden layers' inputs only.
struct Shape {
    double all = 0, above_first = 0;
};

Shape mlp_shape(int in, int out, int depth, int width) {
    Shape s;
    int i = in;
    for (int l = 0; l <= depth; ++l) {
        const int o = l == depth ? out : width;
        s.all += static_cast<double>(i) * o;
        if (l > 0) s.above_first += static_cast<double>(i) * o;
        i = o;
    }
    return s;
}

}  // namespace

std::vector<std::string> workload_names() { return {"1d", "wgan"}; }

Config workload_config(const std::string& name) {
    if (name == "1d") return preset_config("blog-1d-sgd");
    if (name == "wgan") {
        Config c = preset_config("ring-wgan");
        for (const auto& [k, v] : std::vector<std::pair<const char*, const char*>>{
                 {"gOpt", "sgd"}, {"dOpt", "sgd"}, {"dLr", "0.0002"}, {"gLr", "0.0001"}, {"clip", "0.01"},
                 {"nCritic", "5"}, {"dUpdate", "split"}, {"gDepth", "1"}, {"dDepth", "1"}, {"gWidth", "128"},
                 {"dWidth", "128"}, {"batch", "256"}, {"gEma", "0"}, {"decayEpochs", "0"}})
            set_field(c, k, v);
        return c;
    }
    throw std::invalid_argument("workload '" + name + "' is unknown; allowed: 1d, wgan");
}

double flops_per_epoch(const Config& c) {
    const int dim = data_dim(c), classes = class_count(c);
    const Shape g = mlp_shape(c.noiseDim + classes, dim, c.gDepth, c.gWidth);
    const Shape d = mlp_shape(dim + classes, 1, c.dDepth, c.dWidth);
    const double N = c.batch;
    // A D update: G forward on a fresh batch; D forward + parameter backward (+ hidden-input backward)
    // on 2N rows; WGAN-GP adds a forward, an input backward and their reversal on N interpolates.
    double d_update = N * g.all + 2 * N * (2 * d.all + d.above_first);
    if (c.loss == "wgan-gp") d_update += N * (d.all + d.all + 2 * d.all);
    // A G update: G forward, D forward, D input backward (all layers), G parameter + hidden backward.
    const double g_update = N * (g.all + d.all + d.all + g.all + g.above_first);
    return 2.0 * (c.nCritic * d_update + g_update);
}

double seconds_per_epoch(const Config& c, int warmup, int epochs) {
    Trainer t(c);
    t.step(warmup);
    const double start = now_seconds();
    t.step(epochs);
    return (now_seconds() - start) / epochs;
}

double matmul_gflops(int n, int repeats) {
    std::vector<float> X(static_cast<std::size_t>(n) * n, 0.5f), W(X.size(), 0.25f), b(n, 0.0f), Y(X.size());
    kernels::dense_forward(X.data(), W.data(), b.data(), Y.data(), n, n, n);  // warm-up
    const double start = now_seconds();
    for (int r = 0; r < repeats; ++r) kernels::dense_forward(X.data(), W.data(), b.data(), Y.data(), n, n, n);
    const double seconds = now_seconds() - start;
    return 2.0 * n * n * static_cast<double>(n) * repeats / seconds / 1e9;
}

}  // namespace gan
