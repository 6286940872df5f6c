// Model files: a trained generator as compact bytes — the config that shapes
// it (every field as key=value text, so a file is self-describing) and its
// weights as little-endian float32. The round trip is exact.
//
//   auto bytes = gan::encode_model(config, params);
//   gan::Model m = gan::decode_model(bytes);   // throws std::invalid_argument on a bad file
//
// Layout: "GANM" | u32 version (1) | u32 text bytes | text | u32 weight count | f32 weights.
#pragma once

#include <cstdint>
#include <vector>

#include "gan/config.hpp"

namespace gan {

struct Model {
    Config config;
    std::vector<float> params;
};

std::vector<std::uint8_t> encode_model(const Config& c, const std::vector<float>& params);
Model decode_model(const std::vector<std::uint8_t>& bytes);

}  // namespace gan
