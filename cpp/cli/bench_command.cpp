// gan bench: native epochs per second of the reference workloads (one JSON
// line per run, read by bench/run.mjs, which prints the comparison table).
#include <iostream>

#include "commands.hpp"
#include "gan/benchmark.hpp"
#include "gan/stats_json.hpp"

namespace cli {

int cmd_bench(int argc, char** argv) {
    const Args args(argc, argv, 2, {"workload", "epochs", "repeats"}, {"matmul"});
    const long long repeats = args.integer("repeats", 5, 1, 1000);
    if (args.has("matmul")) {
        for (long long r = 0; r < repeats; ++r)
            std::cout << "{\"runtime\":\"native\",\"kind\":\"matmul\",\"gflops\":" << gan::json_number(gan::matmul_gflops(512, 10))
                      << "}" << std::endl;
        return 0;
    }
    const std::vector<std::string> names =
        args.has("workload") ? std::vector<std::string>{args.text("workload", "")} : gan::workload_names();
    for (const auto& name : names) {
        const gan::Config c = gan::workload_config(name);
        const long long epochs = args.integer("epochs", name == "1d" ? 3000 : 600, 1, 10000000);
        for (long long r = 0; r < repeats; ++r) {
            const double spe = gan::seconds_per_epoch(c, static_cast<int>(epochs / 10 + 1), static_cast<int>(epochs));
            std::cout << "{\"runtime\":\"native\",\"workload\":" << gan::json_string(name)
                      << ",\"epochsPerSec\":" << gan::json_number(1.0 / spe)
                      << ",\"gflops\":" << gan::json_number(gan::flops_per_epoch(c) / spe / 1e9) << "}" << std::endl;
        }
    }
    return 0;
}

}  // namespace cli
