#include "gan/presets.hpp"

#include <stdexcept>

namespace gan {
namespace {

// The blog's 2D networks: G 2-128-2, D/critic 2-128-1, on its 8-Gaussian ring.
const std::string kRing = "target=ring modes=8 radius=2 targetStd=0.05 noiseDim=2 gWidth=128 dWidth=128 ";

// Each preset: its name, what it is, and the settings it changes from Config's defaults.
std::vector<Preset> build_presets() {
    return {
        // D's kinks start at the origin (zero biases) while the data sit at 3: without dInit=data D
        // is linear on the data and G's spread stalls anywhere (std 0.1-1.9 over seeds). A faster D
        // (TTUR, Heusel et al. 2017) and G weight averaging settle the rest; stats come from the
        // averaged G, dLossAvg from training.
        {"blog-1d",
         "Panel 1: G learns N(3, 0.5) from N(0, 1) noise; 1-64-1 ReLU nets, batch 256, non-saturating loss, "
         "Adam (D lr 0.01, G lr 0.001), D centred on data, G weight averaging 0.995",
         "target=gaussian targetMean=3 targetStd=0.5 noiseDim=1 batch=256 gOpt=adam dOpt=adam gLr=0.001 dLr=0.01 "
         "dInit=data gEma=0.995"},
        {"blog-1d-sgd", "The blog's 1D listing exactly: plain SGD, d_lr 0.002, g_lr 0.001, separate real and fake D steps",
         "target=gaussian targetMean=3 targetStd=0.5 noiseDim=1 batch=256 gOpt=sgd dOpt=sgd gLr=0.001 dLr=0.002 dUpdate=split"},
        // Same nets and optimizer as ring-wgan. With the critic's lr 3e-4 (not 1e-4) the GAN's D keeps
        // up with G: it drops and scatters modes like a normal GAN instead of flying off the ring.
        {"ring-gan", "Panel 2, standard GAN (non-saturating) on 8 Gaussians; same nets and optimizer as ring-wgan",
         kRing + "loss=gan nCritic=5 gOpt=rmsprop dOpt=rmsprop gLr=0.001 dLr=0.0003 gEma=0.999"},
        // With c = 0.01 a critic step of lr 5e-4 moves a weight 5% of its whole range: the critic
        // jitters; at 1e-4 it lags and 3/20 seeds miss a mode at epoch 3000. RMSProp lr 3e-4 (the WGAN
        // paper, Arjovsky et al. 2017, uses 5e-5 over far more steps) and a faster, averaged G cover the
        // ring within 3000 epochs.
        {"ring-wgan",
         "Panel 2, WGAN with weight clipping (c = 0.01, as the blog), 5 critic steps per G step, RMSProp "
         "(critic lr 3e-4, G lr 1e-3), G weight averaging 0.999",
         kRing + "loss=wgan clip=0.01 nCritic=5 gOpt=rmsprop dOpt=rmsprop gLr=0.001 dLr=0.0003 gEma=0.999"},
        // A continuous G must put some mass on bridges between the modes; a one-hidden-layer ReLU G
        // cannot make the transitions steep (55% high quality). A deeper G (PacGAN, Lin et al. 2018,
        // uses 4 hidden layers for G), weight averaging of G (Yazici et al. 2019) and lambda 1 give
        // ~93% high quality at epoch 3000; the critic stays the blog's 2-128-1.
        {"ring-wgan-gp",
         "Panel 2, WGAN-GP: gradient penalty (lambda 1) instead of clipping, Adam (lr 1e-3), G 4x64 ReLU, "
         "G weight averaging 0.99",
         kRing + "gDepth=4 gWidth=64 loss=wgan-gp gpLambda=1 nCritic=5 gOpt=adam dOpt=adam gLr=0.001 dLr=0.001 "
                 "gBeta1=0.5 gBeta2=0.9 dBeta1=0.5 dBeta2=0.9 gEma=0.99"},
        {"ring-cgan", "Conditional GAN on 8 Gaussians: the mode label (one-hot) is fed to G and D",
         kRing + "loss=gan conditional=1 gOpt=adam dOpt=adam gLr=0.001 dLr=0.001"},
        {"walker", "Panel 3's generator: 2D noise to a 2D spiral, WGAN-GP (pretrained weights ship in web/models/)",
         "target=spiral radius=2 spiralTurns=1.5 targetStd=0.04 noise=uniform noiseDim=2 gDepth=2 gWidth=64 dDepth=2 "
         "dWidth=64 loss=wgan-gp gpLambda=0.1 nCritic=5 gLr=0.0005 dLr=0.0005 gBeta2=0.9 dBeta2=0.9"},
        // Bar 4: the PacGAN protocol's datasets (Lin et al. 2018, Table 1), on the WGAN-GP settings of ring-wgan-gp
        // (G 4x64 ReLU as PacGAN's 4-layer G, G weight averaging 0.99, lambda 1; critic 2-128-1).
        {"pacgan-ring", "PacGAN protocol ring: 8 Gaussians on the unit circle, std 0.01; WGAN-GP (lambda 1), Adam lr 1e-3, "
                        "G 4x64, G weight averaging 0.99",
         "target=ring modes=8 radius=1 targetStd=0.01 noiseDim=2 gDepth=4 gWidth=64 dWidth=128 loss=wgan-gp gpLambda=1 "
         "nCritic=5 gLr=0.001 dLr=0.001 gBeta2=0.9 dBeta2=0.9 gEma=0.99"},
        {"pacgan-grid", "PacGAN protocol grid: 25 Gaussians at {-4, -2, 0, 2, 4}^2, std 0.05; WGAN-GP (lambda 1), Adam lr 1e-3, "
                        "G 4x64, G weight averaging 0.99",
         "target=grid gridSize=5 spacing=2 targetStd=0.05 noiseDim=2 gDepth=4 gWidth=64 dWidth=128 loss=wgan-gp gpLambda=1 "
         "nCritic=5 gLr=0.001 dLr=0.001 gBeta2=0.9 dBeta2=0.9 gEma=0.99"},
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
        apply_settings_text(c, p.settings);
        return c;
    }
    throw std::invalid_argument("preset '" + name + "' is unknown; allowed: " + preset_names());
}

}  // namespace gan
