// Config: every setting of a training run, flat, with one table of fields
// that names, documents, bounds and parses each of them. The CLI's
// --set key=value, the wasm overrides object and `gan presets` all go
// through this table, so one place decides what is valid.
//
//   gan::Config c = gan::preset_config("ring-wgan");
//   gan::set_field(c, "dLr", "0.0005");  // throws std::invalid_argument naming
//                                        // the field, value and range; c unchanged
//   gan::validate(c);                    // cross-field rules
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gan {

struct Config {
    std::string preset = "blog-1d";
    double seed = 1;  // integer 0 .. 2^32 - 1 (a double so JS numbers pass through)

    // Target distribution.
    std::string target = "gaussian";  // gaussian | mixture1d | ring | grid | spiral | points
    double targetMean = 3.0, targetStd = 0.5;
    int modes = 8;
    double radius = 2.0, spacing = 2.0, spiralTurns = 1.5, pointsJitter = 0.0;
    int gridSize = 5;
    std::vector<float> points;  // the "points" target (not in the field table: set through the API)
    int pointsDim = 2;

    // Noise and networks.
    std::string noise = "gaussian";  // gaussian: N(0, 1) | uniform: U(-1, 1)
    int noiseDim = 1;
    int gDepth = 1, gWidth = 64, dDepth = 1, dWidth = 64;
    std::string gActivation = "relu", dActivation = "relu";
    double leakySlope = 0.2;
    std::string dInit = "he";  // he: the blog's N(0, 2 / fan_in) weights, zero biases | data: then centred on real data
    bool conditional = false;

    // Losses and the training loop.
    std::string loss = "gan";         // gan | lsgan | wgan | wgan-gp
    std::string genLoss = "nonsat";   // nonsat | minimax (loss gan only)
    std::string dUpdate = "joint";    // joint: one D step on real + fake | split: the blog's two steps
    double clip = 0.01, gpLambda = 10.0;
    int batch = 256, nCritic = 1;

    // Optimizers, one per network.
    std::string gOpt = "adam", dOpt = "adam";
    double gLr = 1e-3, dLr = 1e-3;
    double gBeta1 = 0.5, gBeta2 = 0.999, dBeta1 = 0.5, dBeta2 = 0.999;
    double gMomentum = 0.9, dMomentum = 0.9, gDecay = 0.9, dDecay = 0.9;
    double gEps = 1e-8, dEps = 1e-8;

    // Schedule and averaging.
    double decayEpochs = 0;   // learning rates fall linearly to decayTo x lr over this many epochs (0: constant)
    double decayTo = 0.0;
    double gEma = 0.0;        // 0: off; else sample from an exponential moving average of G's weights
};

struct Field {
    using Member = std::variant<int Config::*, double Config::*, std::string Config::*, bool Config::*>;
    const char* name;
    Member member;
    const char* help;
    double min = 0, max = 0;   // numeric range
    bool min_open = false;     // min excluded (e.g. std > 0)
    bool integer = false;      // a double member that must hold a whole number
    std::vector<std::string> choices;  // string members: the allowed values
};

const std::vector<Field>& config_fields();
const Field* find_field(const std::string& name);  // null when unknown

// Parses value for the named field and stores it; throws std::invalid_argument naming
// the field, the value and the allowed range. c is unchanged when it throws.
void set_field(Config& c, const std::string& name, const std::string& value);
std::string get_field(const Config& c, const Field& f);  // the value as text (round-trips)
std::string range_text(const Field& f);                  // "0 <= x <= 10", "one of: a, b"

// Applies "key=value" settings separated by spaces or newlines (presets, model files and the
// wasm bindings carry them so) to c, in order, through set_field; "preset=NAME" and
// "pointsDim=N" are accepted too.
void apply_settings_text(Config& c, const std::string& text);

// Rules across fields (e.g. wgan-gp needs a joint D update); throws std::invalid_argument.
void validate(const Config& c);

int data_dim(const Config& c);  // 1 or 2 (or pointsDim)
int class_count(const Config& c);  // mixture components when conditional, else 0

// Caps documented in the README and enforced by the Trainer's calls.
inline constexpr int kMaxDepth = 8;
inline constexpr int kMaxWidth = 1024;
inline constexpr int kMaxBatch = 65536;
inline constexpr int kMaxSamples = 1000000;     // per sample()/generate()/evaluate call
inline constexpr int kMaxStepEpochs = 1000000;  // per step() call

}  // namespace gan
