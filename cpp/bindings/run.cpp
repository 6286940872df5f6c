#include "run.hpp"

#include <stdexcept>

#include "gan/benchmark.hpp"
#include "gan/presets.hpp"
#include "gan/stats_json.hpp"

using emscripten::val;

template <typename F>
bool WasmRun::guard(F&& f) {
    error_.clear();
    try {
        f();
        return true;
    } catch (const std::exception& e) {
        error_ = e.what();
    } catch (...) {
        error_ = "unknown engine error";
    }
    return false;
}

gan::Trainer& WasmRun::trainer() {
    if (!trainer_) throw std::logic_error("this run was not created (init failed or was not called)");
    return *trainer_;
}

val WasmRun::floats(std::vector<float> v) {
    out_ = std::move(v);
    return val(emscripten::typed_memory_view(out_.size(), out_.data()));
}

bool WasmRun::init(const std::string& preset, const std::string& settings, const val& points) {
    return guard([&] {
        gan::Config c = gan::preset_config(preset);
        gan::apply_settings_text(c, settings);
        if (!points.isUndefined() && !points.isNull()) c.points = emscripten::convertJSArrayToNumberVector<float>(points);
        trainer_ = std::make_unique<gan::Trainer>(c);
    });
}

bool WasmRun::step(int epochs) {
    return guard([&] { trainer().step(epochs); });
}

val WasmRun::sample(int n) {
    std::vector<float> r;
    guard([&] { r = trainer().sample(n); });
    return floats(std::move(r));
}

val WasmRun::sampleClass(int label, int n) {
    std::vector<float> r;
    guard([&] { r = trainer().sample_class(label, n); });
    return floats(std::move(r));
}

val WasmRun::generate(const val& latents, int label) {
    std::vector<float> r;
    guard([&] { r = trainer().generate(emscripten::convertJSArrayToNumberVector<float>(latents), label); });
    return floats(std::move(r));
}

val WasmRun::evaluateD(const val& points, int label) {
    std::vector<float> r;
    guard([&] { r = trainer().evaluate_d(emscripten::convertJSArrayToNumberVector<float>(points), label); });
    return floats(std::move(r));
}

val WasmRun::gradientD(const val& points, int label) {
    std::vector<float> r;
    guard([&] { r = trainer().gradient_d(emscripten::convertJSArrayToNumberVector<float>(points), label); });
    return floats(std::move(r));
}

std::string WasmRun::statsJson() {
    std::string s;
    guard([&] { s = gan::stats_json(trainer().stats()); });
    return s;
}

std::string WasmRun::configJson() {
    std::string s;
    guard([&] { s = gan::config_json(trainer().config()); });
    return s;
}

val WasmRun::saveGenerator() {
    guard([&] { bytes_ = trainer().save_generator(); });
    return val(emscripten::typed_memory_view(bytes_.size(), bytes_.data()));
}

bool WasmRun::loadGenerator(const val& bytes) {
    return guard([&] { trainer().load_generator(emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes)); });
}

bool WasmRun::reset() {
    return guard([&] { trainer().reset(); });
}

std::string WasmRun::takeError() {
    std::string e;
    e.swap(error_);
    return e;
}

std::string presets_json() {
    gan::JsonWriter w;
    w.begin_object().key("presets").begin_array();
    for (const auto& p : gan::presets()) {
        w.begin_object().key("name").string(p.name).key("description").string(p.description).key("config");
        gan::write_config(w, gan::preset_config(p.name));
        w.end_object();
    }
    w.end_array().key("options").begin_array();
    for (const auto& f : gan::config_fields()) {
        w.begin_object().key("name").string(f.name).key("help").string(f.help).key("range").string(gan::range_text(f));
        w.key("min").number(f.min).key("max").number(f.max).key("minOpen").boolean(f.min_open).key("integer").boolean(f.integer);
        w.key("choices").begin_array();
        for (const auto& choice : f.choices) w.string(choice);
        w.end_array().end_object();
    }
    w.end_array().key("workloads").begin_array();
    for (const auto& name : gan::workload_names()) {
        const gan::Config c = gan::workload_config(name);
        w.begin_object().key("name").string(name).key("config");
        gan::write_config(w, c);
        w.key("flopsPerEpoch").number(gan::flops_per_epoch(c)).end_object();
    }
    return w.end_array().end_object().str();
}
