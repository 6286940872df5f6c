#include "gan/presets.hpp"

#include <stdexcept>

namespace gan {
namespace {

// The blog's 2D networks: G 2-128-2, D/critic 2-128-1, on its 8-Gaussian ring.
const std::vector<std::pair<std::string, std::string>> kRing = {
    {"target", "ring"}, {"modes", "8"}, {"radius", "2"}, {"targetStd", "0.05"},
    {"noiseDim", "2"}, {"gWidth", "128"}, {"dWidth", "128"},
};

std::vector<std::pair<std::string, std::string>> ring_with(std::vector<std::pair<std::string, std::string>> extra) {
    auto s = kRing;
    s.insert(s.end(), extra.begin(), extra.end());
    return s;
}

std::vector<Preset> build_presets() {
    return {
        {"blog-1d", "Panel 1: G learns N(3, 0.5) from N(0, 1) noise; 1-64-1 ReLU nets, batch 256, non-saturating loss, Adam",
         {{"target", "gaussian"}, {"targetMean", "3"}, {"targetStd", "0.5"}, {"noiseDim", "1"}, {"batch", "256"},
          {"gOpt", "adam"}, {"dOpt", "adam"}, {"gLr", "0.001"}, {"dLr", "0.001"}}},
        {"blog-1d-sgd", "The blog's 1D listing exactly: plain SGD, d_lr 0.002, g_lr 0.001, separate real and fake D steps",
         {{"target", "gaussian"}, {"targetMean", "3"}, {"targetStd", "0.5"}, {"noiseDim", "1"}, {"batch", "256"},
          {"gOpt", "sgd"}, {"dOpt", "sgd"}, {"gLr", "0.001"}, {"dLr", "0.002"}, {"dUpdate", "split"}}},
        {"ring-gan", "Panel 2, standard GAN (non-saturating) on 8 Gaussians; same nets and optimizer as ring-wgan",
         ring_with({{"loss", "gan"}, {"nCritic", "5"}, {"gOpt", "rmsprop"}, {"dOpt", "rmsprop"}, {"gLr", "0.0005"}, {"dLr", "0.0005"}})},
        {"ring-wgan", "Panel 2, WGAN with weight clipping (c = 0.01, as the blog), 5 critic steps per G step",
         ring_with({{"loss", "wgan"}, {"clip", "0.01"}, {"nCritic", "5"}, {"gOpt", "rmsprop"}, {"dOpt", "rmsprop"}, {"gLr", "0.0005"}, {"dLr", "0.0005"}})},
        {"ring-wgan-gp", "Panel 2, WGAN-GP: gradient penalty (lambda 0.1) instead of clipping, Adam",
         ring_with({{"loss", "wgan-gp"}, {"gpLambda", "0.1"}, {"nCritic", "5"}, {"gOpt", "adam"}, {"dOpt", "adam"},
                    {"gLr", "0.0005"}, {"dLr", "0.0005"}, {"gBeta1", "0.5"}, {"gBeta2", "0.9"}, {"dBeta1", "0.5"}, {"dBeta2", "0.9"}})},
        {"ring-cgan", "Conditional GAN on 8 Gaussians: the mode label (one-hot) is fed to G and D",
         ring_with({{"loss", "gan"}, {"conditional", "1"}, {"gOpt", "adam"}, {"dOpt", "adam"}, {"gLr", "0.001"}, {"dLr", "0.001"}})},
        {"walker", "Panel 3's generator: 2D noise to a 2D spiral, WGAN-GP (pretrained weights ship in web/models/)",
         {{"target", "spiral"}, {"radius", "2"}, {"spiralTurns", "1.5"}, {"targetStd", "0.04"}, {"noise", "uniform"},
          {"noiseDim", "2"}, {"gDepth", "2"}, {"gWidth", "64"}, {"dDepth", "2"}, {"dWidth", "64"}, {"loss", "wgan-gp"},
          {"gpLambda", "0.1"}, {"nCritic", "5"}, {"gLr", "0.0005"}, {"dLr", "0.0005"}, {"gBeta2", "0.9"}, {"dBeta2", "0.9"}}},
    };
}

}  // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> all = build_presets();
    return all;
}

std::string preset_names() {
    std::string s;
    for (const auto& p : presets()) s += (s.empty() ? "" : ", ") + p.name;
    return s;
}

Config preset_config(const std::string& name) {
    for (const auto& p : presets()) {
        if (p.name != name) continue;
        Config c;
        c.preset = name;
        for (const auto& [key, value] : p.settings) set_field(c, key, value);
        return c;
    }
    throw std::invalid_argument("preset '" + name + "' is unknown; allowed: " + preset_names());
}

}  // namespace gan
