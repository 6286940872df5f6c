// WasmRun: the Trainer as JavaScript sees it. Every call catches the engine's
// exceptions (in this Emscripten a C++ exception reaches JS as a bare number)
// and keeps the message for takeError(); arrays go out as a view of an
// internal buffer, valid until the next call (the JS wrapper copies it).
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "gan/trainer.hpp"

class WasmRun {
public:
    // settings: "key=value" lines applied over the preset; points: the "points" target's values.
    bool init(const std::string& preset, const std::string& settings, const emscripten::val& points);
    bool step(int epochs);
    emscripten::val sample(int n);
    emscripten::val sampleClass(int label, int n);
    emscripten::val generate(const emscripten::val& latents, int label);
    emscripten::val evaluateD(const emscripten::val& points, int label);
    emscripten::val gradientD(const emscripten::val& points, int label);
    std::string statsJson();
    std::string configJson();
    emscripten::val saveGenerator();
    bool loadGenerator(const emscripten::val& bytes);
    bool reset();
    int dim() const { return trainer_ ? trainer_->dim() : 0; }
    int noiseDim() const { return trainer_ ? trainer_->noise_dim() : 0; }
    int classes() const { return trainer_ ? trainer_->classes() : 0; }
    double epoch() const { return trainer_ ? static_cast<double>(trainer_->epoch()) : 0; }
    std::string takeError();  // the last call's error message ("" when it succeeded), then cleared

private:
    template <typename F>
    bool guard(F&& f);
    emscripten::val floats(std::vector<float> v);
    gan::Trainer& trainer();

    std::unique_ptr<gan::Trainer> trainer_;
    std::vector<float> out_;
    std::vector<std::uint8_t> bytes_;
    std::string error_;
};

// {presets: [{name, description, config}], options: [...], workloads: [{name, config, flopsPerEpoch}]}
std::string presets_json();
