// JSON output for the CLI: stats as one object per line (NaN and infinity
// become null, as JSON has no such numbers).
#pragma once

#include <string>
#include <vector>

#include "gan/trainer.hpp"

namespace cli {

std::string json_number(double v);
std::string json_string(const std::string& s);
std::string stats_json(const gan::Stats& s);

// One line for humans: "epoch 500  D 1.386  G 0.693  mean 2.99  std 0.50  w1 0.012".
std::string stats_line(const gan::Stats& s);

}  // namespace cli
