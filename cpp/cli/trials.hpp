// Trials: many independent training runs (seeds) on all cores, for the
// evaluation sweeps. Each run is its own Trainer; nothing is shared.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gan/trainer.hpp"

namespace cli {

struct Trial {
    long long seed;
    gan::Stats stats;
};

// Trains config with each seed for `epochs`, on `jobs` threads; reports each finished trial.
std::vector<Trial> run_trials(const gan::Config& config, const std::vector<long long>& seeds, long long epochs, int jobs,
                              const std::function<void(const Trial&, int done, int total)>& on_done);

struct MeanSe {
    double mean = 0, se = 0;  // standard error of the mean
};
MeanSe mean_se(const std::vector<double>& v);
std::string format_mean_se(const MeanSe& m, int digits);

}  // namespace cli
