// gan: the engine's command-line tool — train, sample, evaluate and benchmark
// the presets the page uses. Bad arguments exit with status 2 and one line.
#include <iostream>
#include <stdexcept>
#include <string>

#include "commands.hpp"

namespace {

const char* kUsage = R"(gan — GAN engine command line

  gan presets                                   list presets and every --set option with its range
  gan train  --preset NAME [--seed N] [--epochs N] [--set key=value]... [--log-every N] [--json]
             [--save FILE] [--load FILE]        train, printing progress, then the final stats
  gan sample --preset NAME [--seed N] [--epochs N] [--set key=value]... --n COUNT [--out FILE.csv]
                                                train, then write COUNT generated points as CSV
  gan eval   --suite blog|pacgan [--seeds N] [--trials N] [--epochs N]
                                                the training-quality sweeps, as tables
  gan bench  [--workload 1d|wgan] [--epochs N] [--repeats N]
                                                native epochs per second of the reference workloads

Defaults: --preset blog-1d, --seed 1, --epochs 2000 for 1D targets and 3000 for 2D ones.
)";

}  // namespace

int main(int argc, char** argv) {
    const std::string cmd = argc > 1 ? argv[1] : "help";
    try {
        if (cmd == "presets") return cli::cmd_presets();
        if (cmd == "train") return cli::cmd_train(argc, argv);
        if (cmd == "sample") return cli::cmd_sample(argc, argv);
        if (cmd == "eval") return cli::cmd_eval(argc, argv);
        if (cmd == "bench") return cli::cmd_bench(argc, argv);
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            std::cout << kUsage;
            return 0;
        }
        throw cli::UsageError("command '" + cmd + "' is unknown; allowed: presets, train, sample, eval, bench, help");
    } catch (const cli::UsageError& e) {
        std::cerr << "gan: " << e.what() << std::endl;
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "gan: " << e.what() << std::endl;
        return 2;
    }
}
