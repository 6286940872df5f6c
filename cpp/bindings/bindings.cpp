// The only file that includes <emscripten/bind.h>: it names what JavaScript
// sees of the engine. web/src/engine.js wraps these raw calls in the
// documented, validated API; use that, not these.
#include <emscripten/bind.h>

#include "gan/benchmark.hpp"
#include "run.hpp"

EMSCRIPTEN_BINDINGS(gan_engine) {
    emscripten::class_<WasmRun>("Run")
        .constructor<>()
        .function("init", &WasmRun::init)
        .function("step", &WasmRun::step)
        .function("sample", &WasmRun::sample)
        .function("sampleClass", &WasmRun::sampleClass)
        .function("generate", &WasmRun::generate)
        .function("evaluateD", &WasmRun::evaluateD)
        .function("gradientD", &WasmRun::gradientD)
        .function("statsJson", &WasmRun::statsJson)
        .function("configJson", &WasmRun::configJson)
        .function("saveGenerator", &WasmRun::saveGenerator)
        .function("loadGenerator", &WasmRun::loadGenerator)
        .function("reset", &WasmRun::reset)
        .function("dim", &WasmRun::dim)
        .function("noiseDim", &WasmRun::noiseDim)
        .function("classes", &WasmRun::classes)
        .function("epoch", &WasmRun::epoch)
        .function("takeError", &WasmRun::takeError);
    emscripten::function("presetsJson", &presets_json);
    emscripten::function("matmulGflops", &gan::matmul_gflops);
}
