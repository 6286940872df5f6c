// gan presets | gan train | gan sample
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "commands.hpp"
#include "gan/presets.hpp"
#include "gan/trainer.hpp"
#include "gan/stats_json.hpp"

namespace cli {
namespace {

const std::vector<std::string> kRunOptions = {"preset", "seed", "epochs", "set", "load"};

std::vector<std::uint8_t> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw UsageError("--load " + path + ": cannot open the file");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw UsageError("--save " + path + ": cannot write the file");
}

// Trains for --epochs, printing progress every log_every epochs to `progress`.
gan::Trainer train_from_args(const Args& args, std::ostream& progress, bool json, long long log_every_default) {
    const gan::Config config = config_from_args(args);
    gan::Trainer trainer(config);
    if (args.has("load")) trainer.load_generator(read_file(args.text("load", "")));
    const long long epochs = args.integer("epochs", default_epochs(config), 0, 100000000);
    const long long log_every = args.integer("log-every", log_every_default ? log_every_default : std::max(1LL, epochs / 10), 1, 100000000);
    for (long long done = 0; done < epochs && !trainer.diverged();) {
        const long long chunk = std::min(log_every - done % log_every, epochs - done);
        trainer.step(static_cast<int>(chunk));
        done += chunk;
        if (done < epochs && !trainer.diverged()) {
            const gan::Stats s = trainer.stats();
            progress << (json ? gan::stats_json(s) : gan::stats_line(s)) << std::endl;
        }
    }
    return trainer;
}

}  // namespace

gan::Config config_from_args(const Args& args) {
    gan::Config c = gan::preset_config(args.text("preset", "blog-1d"));
    if (args.has("seed")) gan::set_field(c, "seed", args.text("seed", ""));
    for (const auto& kv : args.sets()) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos) throw UsageError("--set " + kv + ": expected key=value");
        gan::set_field(c, kv.substr(0, eq), kv.substr(eq + 1));
    }
    gan::validate(c);
    return c;
}

long long default_epochs(const gan::Config& c) { return gan::data_dim(c) == 1 ? 2000 : 3000; }

int cmd_presets() {
    for (const auto& p : gan::presets()) {
        std::cout << p.name << "\n  " << p.description << "\n  " << p.settings << "\n\n";
    }
    std::cout << "Options for --set key=value (defaults before a preset's changes):\n";
    const gan::Config defaults;
    for (const auto& f : gan::config_fields())
        std::printf("  %-12s %-10s %s; %s\n", f.name, gan::get_field(defaults, f).c_str(), f.help, gan::range_text(f).c_str());
    return 0;
}

int cmd_train(int argc, char** argv) {
    auto options = kRunOptions;
    options.insert(options.end(), {"log-every", "save"});
    const Args args(argc, argv, 2, options, {"json"});
    const bool json = args.has("json");
    gan::Trainer trainer = train_from_args(args, std::cout, json, 0);
    const gan::Stats s = trainer.stats();
    std::cout << (json ? gan::stats_json(s) : "final: " + gan::stats_line(s)) << std::endl;
    if (args.has("save")) {
        write_file(args.text("save", ""), trainer.save_generator());
        if (!json) std::cout << "saved generator to " << args.text("save", "") << std::endl;
    }
    return s.status == "ok" ? 0 : 1;
}

int cmd_sample(int argc, char** argv) {
    auto options = kRunOptions;
    options.insert(options.end(), {"n", "out", "log-every"});
    const Args args(argc, argv, 2, options, {});
    if (!args.has("n")) throw UsageError("gan sample needs --n COUNT");
    const long long n = args.integer("n", 0, 0, gan::kMaxSamples);
    const bool to_file = args.has("out");
    gan::Trainer trainer = train_from_args(args, to_file ? std::cout : std::cerr, false, 0);
    const std::vector<float> xs = trainer.sample(static_cast<int>(n));
    std::ofstream file;
    if (to_file) {
        file.open(args.text("out", ""));
        if (!file) throw UsageError("--out " + args.text("out", "") + ": cannot write the file");
    }
    std::ostream& out = to_file ? file : std::cout;
    const int dim = trainer.dim();
    char buf[32];
    for (long long i = 0; i < n; ++i) {
        for (int j = 0; j < dim; ++j) {
            std::snprintf(buf, sizeof buf, "%.9g", xs[i * dim + j]);
            out << (j ? "," : "") << buf;
        }
        out << '\n';
    }
    if (to_file) std::cout << "wrote " << n << " points to " << args.text("out", "") << std::endl;
    return 0;
}

}  // namespace cli
