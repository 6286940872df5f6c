#include "gan/config.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace gan {
namespace {

Field real(const char* name, double Config::*m, double lo, double hi, const char* help, bool open = false) {
    return Field{name, m, help, lo, hi, open, false, {}};
}
Field whole(const char* name, int Config::*m, double lo, double hi, const char* help) {
    return Field{name, m, help, lo, hi, false, true, {}};
}
Field choice(const char* name, std::string Config::*m, std::vector<std::string> options, const char* help) {
    return Field{name, m, help, 0, 0, false, false, std::move(options)};
}
Field flag(const char* name, bool Config::*m, const char* help) { return Field{name, m, help, 0, 1, false, true, {}}; }

std::vector<Field> build_fields() {
    const std::vector<std::string> opts{"sgd", "momentum", "adam", "rmsprop"};
    const std::vector<std::string> acts{"relu", "leaky", "tanh"};
    std::vector<Field> f{
        Field{"seed", &Config::seed, "random seed (whole number)", 0, 4294967295.0, false, true, {}},
        choice("target", &Config::target, {"gaussian", "mixture1d", "ring", "grid", "spiral", "points"}, "target distribution"),
        real("targetMean", &Config::targetMean, -1000, 1000, "mean of the 1D target (centre of a 1D mixture)"),
        real("targetStd", &Config::targetStd, 0, 1000, "std of the target (of each mixture component)", true),
        whole("modes", &Config::modes, 1, 64, "components of a 1D mixture or ring"),
        real("radius", &Config::radius, 0, 1000, "ring radius; spiral's outer radius", true),
        real("spacing", &Config::spacing, 0, 1000, "distance between neighbouring grid / 1D mixture centres", true),
        whole("gridSize", &Config::gridSize, 1, 10, "grid side (gridSize^2 components)"),
        real("spiralTurns", &Config::spiralTurns, 0, 10, "turns of the spiral", true),
        real("pointsJitter", &Config::pointsJitter, 0, 1000, "std of noise added to caller-supplied points"),
        choice("noise", &Config::noise, {"gaussian", "uniform"}, "latent noise: N(0,1) or U(-1,1)"),
        whole("noiseDim", &Config::noiseDim, 1, 64, "latent dimension"),
        whole("gDepth", &Config::gDepth, 1, kMaxDepth, "generator hidden layers"),
        whole("gWidth", &Config::gWidth, 1, kMaxWidth, "generator units per hidden layer"),
        choice("gActivation", &Config::gActivation, acts, "generator hidden activation"),
        whole("dDepth", &Config::dDepth, 1, kMaxDepth, "discriminator/critic hidden layers"),
        whole("dWidth", &Config::dWidth, 1, kMaxWidth, "discriminator/critic units per hidden layer"),
        choice("dActivation", &Config::dActivation, acts, "discriminator/critic hidden activation"),
        Field{"leakySlope", &Config::leakySlope, "LeakyReLU negative slope", 0, 1, false, false, {}},
        choice("dInit", &Config::dInit, {"he", "data"},
               "discriminator/critic init: he, or data (hidden units centred and scaled on a real batch)"),
        flag("conditional", &Config::conditional, "conditional GAN: one-hot mode label fed to G and D (0/1)"),
        choice("loss", &Config::loss, {"gan", "lsgan", "wgan", "wgan-gp"}, "adversarial loss"),
        choice("genLoss", &Config::genLoss, {"nonsat", "minimax"}, "generator loss for loss=gan"),
        choice("dUpdate", &Config::dUpdate, {"joint", "split"}, "one D step on real+fake, or the blog's two steps"),
        real("clip", &Config::clip, 0, 10, "WGAN weight clipping bound c", true),
        real("gpLambda", &Config::gpLambda, 0, 1000, "WGAN-GP penalty weight"),
        whole("batch", &Config::batch, 1, kMaxBatch, "samples per batch"),
        whole("nCritic", &Config::nCritic, 1, 100, "D/critic updates per generator update"),
        choice("gOpt", &Config::gOpt, opts, "generator optimizer"),
        choice("dOpt", &Config::dOpt, opts, "discriminator/critic optimizer"),
        real("gLr", &Config::gLr, 0, 10, "generator learning rate"),
        real("dLr", &Config::dLr, 0, 10, "discriminator/critic learning rate"),
        real("gBeta1", &Config::gBeta1, 0, 0.9999, "generator Adam beta1"),
        real("gBeta2", &Config::gBeta2, 0, 0.9999999, "generator Adam beta2"),
        real("dBeta1", &Config::dBeta1, 0, 0.9999, "discriminator Adam beta1"),
        real("dBeta2", &Config::dBeta2, 0, 0.9999999, "discriminator Adam beta2"),
        real("gMomentum", &Config::gMomentum, 0, 0.9999, "generator SGD momentum"),
        real("dMomentum", &Config::dMomentum, 0, 0.9999, "discriminator SGD momentum"),
        real("gDecay", &Config::gDecay, 0, 0.9999, "generator RMSProp decay"),
        real("dDecay", &Config::dDecay, 0, 0.9999, "discriminator RMSProp decay"),
        real("gEps", &Config::gEps, 0, 1, "generator Adam/RMSProp epsilon", true),
        real("dEps", &Config::dEps, 0, 1, "discriminator Adam/RMSProp epsilon", true),
        Field{"decayEpochs", &Config::decayEpochs, "epochs of linear learning-rate decay (0: constant)", 0, 1e9, false, true, {}},
        real("decayTo", &Config::decayTo, 0, 1, "final learning rate as a fraction of the initial one"),
        real("gEma", &Config::gEma, 0, 0.99999, "generator weight averaging decay (0: off)"),
    };
    return f;
}

std::string format_number(double v) {
    char buf[32];
    if (v == std::floor(v) && std::fabs(v) < 1e15) {  // whole numbers without exponent: 10, not 1e+01
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%.17g", v);
    // Shortest text that reads back exactly.
    for (int p = 1; p <= 17; ++p) {
        char s[32];
        std::snprintf(s, sizeof s, "%.*g", p, v);
        if (std::strtod(s, nullptr) == v) return s;
    }
    return buf;
}

[[noreturn]] void reject(const Field& f, const std::string& value) {
    throw std::invalid_argument(std::string(f.name) + " = " + (value.empty() ? "(empty)" : value) +
                                " is invalid; allowed: " + range_text(f));
}

double parse_number(const Field& f, const std::string& text) {
    std::string t = text;
    if (t == "true") t = "1";
    if (t == "false") t = "0";
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != '\0' || !std::isfinite(v)) reject(f, text);
    const bool below = f.min_open ? v <= f.min : v < f.min;
    if (below || v > f.max || (f.integer && v != std::floor(v))) reject(f, text);
    return v;
}

}  // namespace

const std::vector<Field>& config_fields() {
    static const std::vector<Field> fields = build_fields();
    return fields;
}

const Field* find_field(const std::string& name) {
    for (const auto& f : config_fields())
        if (name == f.name) return &f;
    return nullptr;
}

std::string range_text(const Field& f) {
    if (!f.choices.empty()) {
        std::string s = "one of: ";
        for (std::size_t i = 0; i < f.choices.size(); ++i) s += (i ? ", " : "") + f.choices[i];
        return s;
    }
    if (std::holds_alternative<bool Config::*>(f.member)) return "0 or 1 (false or true)";
    return format_number(f.min) + (f.min_open ? " < " : " <= ") + (f.integer ? "whole number" : "x") +
           " <= " + format_number(f.max);
}

namespace {

void assign(Config& c, const Field* f, const std::string& value) {
    std::visit(
        [&](auto member) {
            using T = std::remove_cv_t<std::remove_reference_t<decltype(c.*member)>>;
            if constexpr (std::is_same_v<T, std::string>) {
                for (const auto& choice : f->choices)
                    if (choice == value) return void(c.*member = value);
                reject(*f, value);
            } else {
                c.*member = static_cast<T>(parse_number(*f, value));
            }
        },
        f->member);
}

// Not in the table: only the "points" target uses it, set next to its points.
const Field kPointsDim{"pointsDim", &Config::pointsDim, "dimension of caller-supplied points", 1, 16, false, true, {}};

}  // namespace

void set_field(Config& c, const std::string& name, const std::string& value) {
    const Field* f = find_field(name);
    if (!f) throw std::invalid_argument("option '" + name + "' is unknown; see `gan presets` for the option names");
    assign(c, f, value);
}

std::string get_field(const Config& c, const Field& f) {
    return std::visit(
        [&](auto member) -> std::string {
            using T = std::remove_cv_t<std::remove_reference_t<decltype(c.*member)>>;
            if constexpr (std::is_same_v<T, std::string>) return c.*member;
            else return format_number(static_cast<double>(c.*member));
        },
        f.member);
}

void apply_settings_text(Config& c, const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) throw std::invalid_argument("setting '" + line + "' is invalid; allowed: key=value");
        const std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        if (key == "preset") {
            c.preset = value;
        } else if (key == "pointsDim") {
            assign(c, &kPointsDim, value);
        } else {
            set_field(c, key, value);
        }
    }
}

int data_dim(const Config& c) {
    if (c.target == "gaussian" || c.target == "mixture1d") return 1;
    if (c.target == "points") return c.pointsDim;
    return 2;
}

int class_count(const Config& c) {
    if (!c.conditional) return 0;
    if (c.target == "grid") return c.gridSize * c.gridSize;
    return c.modes;
}

void validate(const Config& c) {
    // Every field within its table range, also when the caller filled the struct directly
    // (same check and message as set_field, applied to a scratch copy).
    Config scratch;
    for (const auto& f : config_fields()) set_field(scratch, f.name, get_field(c, f));
    auto fail = [](const std::string& msg) { throw std::invalid_argument(msg); };
    if (c.loss == "wgan-gp" && c.dUpdate == "split")
        fail("dUpdate = split is invalid with loss = wgan-gp; allowed: joint (the penalty needs real and fake together)");
    if (c.conditional && c.target != "mixture1d" && c.target != "ring" && c.target != "grid")
        fail("conditional = 1 is invalid with target = " + c.target + "; allowed targets: mixture1d, ring, grid");
    if (c.conditional && c.loss == "wgan-gp")
        fail("conditional = 1 is invalid with loss = wgan-gp; allowed losses: gan, lsgan, wgan");
    if (c.target == "points") {
        if (c.pointsDim < 1 || c.pointsDim > 16) fail("pointsDim = " + std::to_string(c.pointsDim) + " is invalid; allowed: 1 <= pointsDim <= 16");
        if (c.points.empty() || c.points.size() % c.pointsDim != 0)
            fail("points is invalid: needs a positive multiple of pointsDim (" + std::to_string(c.pointsDim) + ") values, got " +
                 std::to_string(c.points.size()));
        for (float p : c.points)
            if (!std::isfinite(p)) fail("points is invalid: every value must be finite");
    }
}

}  // namespace gan
