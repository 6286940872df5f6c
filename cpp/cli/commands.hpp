// The CLI's subcommands. Each returns the process exit status; bad arguments
// throw cli::UsageError or std::invalid_argument (main prints them, exit 2).
#pragma once

#include "args.hpp"
#include "gan/config.hpp"

namespace cli {

int cmd_presets();
int cmd_train(int argc, char** argv);
int cmd_sample(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_bench(int argc, char** argv);

// --preset, --seed and every --set applied in order (shared by train, sample, eval).
gan::Config config_from_args(const Args& args);
// The blog's run lengths: 2000 epochs for 1D targets, 3000 (train_wgan_2d's default) otherwise.
long long default_epochs(const gan::Config& c);

}  // namespace cli
