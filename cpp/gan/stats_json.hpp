// stats_json: a Stats as one JSON object (the CLI's --json lines, the wasm
// module's stats()). Numbers round-trip exactly; NaN and infinity become null,
// as JSON has no such numbers. stats_line: the same for a human, on one line.
//
//   std::cout << gan::stats_json(trainer.stats()) << "\n";
#pragma once

#include <string>
#include <vector>

#include "gan/json_writer.hpp"
#include "gan/trainer.hpp"

namespace gan {

std::string stats_json(const Stats& s);
std::string config_json(const Config& c);  // every field of the table, plus "preset"
void write_config(JsonWriter& w, const Config& c);  // the same, into a larger document

// One line for humans: "epoch 500  D 1.386  G 0.693  mean 2.99  std 0.50  w1 0.012".
std::string stats_line(const Stats& s);

}  // namespace gan
