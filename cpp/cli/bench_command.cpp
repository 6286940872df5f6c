// gan bench: native epochs per second of the reference workloads (one JSON
// line per run, read by bench/run.mjs, which prints the comparison table).
#include <iostream>

#include "commands.hpp"
#include "gan/benchmark.hpp"
#include "gan/json_writer.hpp"

namespace cli {

int cmd_bench(int argc, char** argv) {
    const Args args(argc, argv, 2, {"workload", "epochs", "repeats"}, {"matmul"});
    const long long repeats = args.integer("repeats", 5, 1, 1000);
    if (args.has("matmul")) {
        for (long long r = 0; r < repeats; ++r)
            std::cout << gan::JsonWriter()
                             .begin_object().key("runtime").string("native").key("kind").string("matmul")
                             .key("gflops").number(gan::matmul_gflops(512, 10)).end_object().str()
                      << std::endl;
        return 0;
    }
    const std::vector<std::string> names =
        args.has("workload") ? std::vector<std::string>{args.text("workload", "")} : gan::workload_names();
    for (const auto& name : names) {
        const gan::Config c = gan::workload_config(name);
        const long long epochs = args.integer("epochs", name == "1d" ? 3000 : 600, 1, 10000000);
        for (long long r = 0; r < repeats; ++r) {
            const double spe = gan::seconds_per_epoch(c, static_cast<int>(epochs / 10 + 1), static_cast<int>(epochs));
            std::cout << gan::JsonWriter()
                             .begin_object().key("runtime").string("native").key("workload").string(name)
                             .key("epochsPerSec").number(1.0 / spe).key("gflops").number(gan::flops_per_epoch(c) / spe / 1e9)
                             .end_object().str()
                      << std::endl;
        }
    }
    return 0;
}

}  // namespace cli
