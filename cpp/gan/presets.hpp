// Presets: the named configurations that the CLI, the wasm API and the page
// share. Each is a line of key=value overrides on Config's defaults, so
// `gan presets` can print exactly what a preset changes.
//
//   gan::Config c = gan::preset_config("ring-wgan-gp");  // throws on an unknown name
#pragma once

#include <string>
#include <vector>

#include "gan/config.hpp"

namespace gan {

struct Preset {
    std::string name;
    std::string description;
    std::string settings;  // "key=value key=value ...", applied in order by apply_settings_text
};

const std::vector<Preset>& presets();
Config preset_config(const std::string& name);
std::string preset_names();  // "blog-1d, blog-1d-sgd, ..."

}  // namespace gan
