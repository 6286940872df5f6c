// gan eval --suite blog|pacgan: the training-quality sweeps of issue 5,
// printed as Markdown tables, our rows beside the published ones.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "gan/presets.hpp"
#include "gan/stats_json.hpp"
#include "trials.hpp"

namespace cli {
namespace {

const double kLog4 = std::log(4.0);

template <typename F>
std::vector<double> column(const std::vector<Trial>& trials, F f) {
    std::vector<double> v;
    for (const auto& t : trials) v.push_back(f(t.stats));
    return v;
}

template <typename F>
int count_if(const std::vector<Trial>& trials, F pass) {
    int n = 0;
    for (const auto& t : trials) n += pass(t.stats) ? 1 : 0;
    return n;
}

std::string failing_seeds(const std::vector<Trial>& trials, const std::function<bool(const gan::Stats&)>& pass) {
    std::string s;
    for (const auto& t : trials)
        if (!pass(t.stats)) s += (s.empty() ? "" : ", ") + std::to_string(t.seed);
    return s.empty() ? "none" : s;
}

struct Sweep {
    const Args& args;
    long long count;

    std::vector<Trial> run(const std::string& preset, long long epochs) const {
        gan::Config c = gan::preset_config(preset);
        const int jobs = static_cast<int>(args.integer("jobs", std::max(1u, std::thread::hardware_concurrency()), 1, 64));
        std::vector<long long> seeds;
        for (long long i = 0; i < count; ++i) seeds.push_back(args.integer("first-seed", 1, 0, 4000000000LL) + i);
        std::cerr << "[" << preset << "] " << count << " seeds x " << epochs << " epochs on " << jobs << " threads" << std::endl;
        return run_trials(c, seeds, epochs, jobs, [&](const Trial& t, int done, int total) {
            std::cerr << "  " << preset << " " << done << "/" << total << " seed " << t.seed << ": " << gan::stats_line(t.stats) << std::endl;
        });
    }
};

// Reverse KL is undefined (NaN) for a run with no high-quality sample: average the defined ones and say how many were not.
std::string reverse_kl_cell(const std::vector<Trial>& trials) {
    std::vector<double> v;
    for (const auto& t : trials)
        if (std::isfinite(t.stats.reverseKL)) v.push_back(t.stats.reverseKL);
    std::string cell = v.empty() ? "—" : format_mean_se(mean_se(v), 3);
    if (v.size() < trials.size())
        cell += " (" + std::to_string(trials.size() - v.size()) + " runs without a high-quality sample left out)";
    return cell;
}

std::string pct(const MeanSe& m) { return format_mean_se(MeanSe{100 * m.mean, 100 * m.se}, 1) + "%"; }

// Bar 1: blog-1d at epoch 2000 (and the blog's printed listing beside it).
void blog_1d_table(const Sweep& sweep, long long epochs) {
    auto pass = [](const gan::Stats& s) {
        return std::fabs(s.mean[0] - 3) < 0.05 && std::fabs(s.std[0] - 0.5) < 0.05 && s.w1 < 0.05 && std::fabs(s.dLossAvg - kLog4) < 0.05;
    };
    std::cout << "\n### 1D arena, N(3, 0.5), epoch " << epochs << ", " << sweep.count << " seeds\n\n"
              << "| preset | G mean | G std | w1 | D loss (last 100 epochs) | seeds meeting all four bars |\n"
              << "|---|---|---|---|---|---|\n";
    for (const char* preset : {"blog-1d", "blog-1d-sgd"}) {
        const auto trials = sweep.run(preset, epochs);
        std::cout << "| " << preset << " | " << format_mean_se(mean_se(column(trials, [](auto& s) { return s.mean[0]; })), 3) << " | "
                  << format_mean_se(mean_se(column(trials, [](auto& s) { return s.std[0]; })), 3) << " | "
                  << format_mean_se(mean_se(column(trials, [](auto& s) { return s.w1; })), 3) << " | "
                  << format_mean_se(mean_se(column(trials, [](auto& s) { return s.dLossAvg; })), 3) << " | "
                  << count_if(trials, pass) << "/" << trials.size() << " (failing seeds: " << failing_seeds(trials, pass) << ") |\n";
    }
    std::cout << "| blog's printed output | 2.994 | 0.498 | — | 1.386 | — |\n"
              << "\nBars: |mean - 3| < 0.05, |std - 0.5| < 0.05, w1 < 0.05, |D loss - log 4| < 0.05.\n";
}

// Bars 2 and 3: the ring presets at epoch 3000.
void ring_table(const Sweep& sweep, long long epochs) {
    struct Row {
        const char* preset;
        const char* bar;
        std::function<bool(const gan::Stats&)> pass;
    };
    const std::vector<Row> rows = {
        {"ring-wgan", "8/8 modes", [](const gan::Stats& s) { return s.modesCovered == s.modesTotal; }},
        {"ring-wgan-gp", "8/8 modes and >= 90% high quality",
         [](const gan::Stats& s) { return s.modesCovered == s.modesTotal && s.highQuality >= 0.9; }},
        {"ring-gan", "none (reported as it is)", [](const gan::Stats& s) { return s.modesCovered == s.modesTotal; }},
    };
    std::cout << "\n### Ring of 8 Gaussians (radius 2, std 0.05), epoch " << epochs << ", " << sweep.count << " seeds\n\n"
              << "| preset | modes covered | seeds with 8/8 | high quality | reverse KL | bar | seeds meeting the bar |\n"
              << "|---|---|---|---|---|---|---|\n";
    for (const auto& row : rows) {
        const auto trials = sweep.run(row.preset, epochs);
        std::cout << "| " << row.preset << " | " << format_mean_se(mean_se(column(trials, [](auto& s) { return double(s.modesCovered); })), 2)
                  << " | " << count_if(trials, [](auto& s) { return s.modesCovered == s.modesTotal; }) << "/" << trials.size()
                  << " | " << pct(mean_se(column(trials, [](auto& s) { return s.highQuality; }))) << " | "
                  << reverse_kl_cell(trials) << " | " << row.bar << " | "
                  << count_if(trials, row.pass) << "/" << trials.size() << " |\n";
    }
    std::cout << "\nhigh quality: share of 2500 samples within 3 std of the nearest centre; a mode is covered when it is the nearest "
                 "centre of at least one high-quality sample; reverse KL: KL(mode histogram of high-quality samples || uniform).\n";
}

// Bar 4: the PacGAN protocol (Lin et al. 2018, Table 1), 2500 samples per trial.
void pacgan_table(const Sweep& sweep, long long epochs) {
    std::cout << "\n### PacGAN protocol: ring (8 modes, radius 1, std 0.01) and grid (25 modes, std 0.05), "
              << sweep.count << " trials, " << epochs << " epochs each\n\n"
              << "| method | ring modes | ring high quality | ring reverse KL | grid modes | grid high quality | grid reverse KL |\n"
              << "|---|---|---|---|---|---|---|\n";
    std::string cells;
    for (const char* preset : {"pacgan-ring", "pacgan-grid"}) {
        const auto trials = sweep.run(preset, epochs);
        cells += " | " + format_mean_se(mean_se(column(trials, [](auto& s) { return double(s.modesCovered); })), 2) + " | " +
                 pct(mean_se(column(trials, [](auto& s) { return s.highQuality; }))) + " | " +
                 reverse_kl_cell(trials);
    }
    std::cout << "| **ours** (pacgan-ring / pacgan-grid presets)" << cells << " |\n"
              << "| GAN (published) | 6.3 ± 0.5 | 98.2 ± 0.2% | 0.45 ± 0.09 | 17.3 ± 0.8 | 94.8 ± 0.7% | 0.70 ± 0.07 |\n"
              << "| ALI (published) | 6.6 ± 0.3 | 97.6 ± 0.4% | 0.36 ± 0.04 | 24.1 ± 0.4 | 95.7 ± 0.6% | 0.14 ± 0.03 |\n"
              << "| PacGAN2 (published) | 7.9 ± 0.1 | 95.6 ± 2.0% | 0.07 ± 0.03 | 23.8 ± 0.7 | 91.3 ± 0.8% | 0.13 ± 0.04 |\n"
              << "| PacGAN3 (published) | 7.8 ± 0.1 | 97.7 ± 0.3% | 0.10 ± 0.02 | 24.6 ± 0.4 | 94.2 ± 0.4% | 0.06 ± 0.02 |\n"
              << "| PacGAN4 (published) | 7.8 ± 0.1 | 95.9 ± 1.4% | 0.07 ± 0.02 | 24.8 ± 0.2 | 93.6 ± 0.6% | 0.04 ± 0.01 |\n"
              << "| VEEGAN (Srivastava et al. 2017, own protocol) | 8 | 52.9% | — | 24.6 | 40% | — |\n"
              << "\nGoal: ring 8.0 modes, >= 98.2% high quality, reverse KL <= 0.03; grid >= 24.9 modes, >= 96%, reverse KL <= 0.03.\n";
}

}  // namespace

int cmd_eval(int argc, char** argv) {
    const Args args(argc, argv, 2, {"suite", "seeds", "trials", "epochs", "jobs", "first-seed"}, {});
    const std::string suite = args.text("suite", "");
    if (suite == "blog") {
        const Sweep sweep{args, args.integer("seeds", 20, 1, 1000)};
        blog_1d_table(sweep, args.integer("epochs", 2000, 1, 100000000));
        ring_table(sweep, args.integer("epochs", 3000, 1, 100000000));
    } else if (suite == "pacgan") {
        const Sweep sweep{args, args.integer("trials", 10, 1, 1000)};
        pacgan_table(sweep, args.integer("epochs", 20000, 1, 100000000));
    } else {
        throw UsageError("--suite = " + (suite.empty() ? std::string("(missing)") : suite) + " is invalid; allowed: blog, pacgan");
    }
    return 0;
}

}  // namespace cli
