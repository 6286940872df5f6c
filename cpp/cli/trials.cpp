#include "trials.hpp"

#include <atomic>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>

namespace cli {

std::vector<Trial> run_trials(const gan::Config& config, const std::vector<long long>& seeds, long long epochs, int jobs,
                              const std::function<void(const Trial&, int, int)>& on_done) {
    std::vector<Trial> trials(seeds.size());
    std::atomic<std::size_t> next{0};
    std::mutex report;
    int done = 0;
    auto worker = [&] {
        for (std::size_t i; (i = next++) < seeds.size();) {
            gan::Config c = config;
            c.seed = static_cast<double>(seeds[i]);
            gan::Trainer t(c);
            for (long long e = 0; e < epochs && !t.diverged(); e += 1000) t.step(static_cast<int>(std::min(1000LL, epochs - e)));
            trials[i] = {seeds[i], t.stats()};
            std::lock_guard<std::mutex> lock(report);
            on_done(trials[i], ++done, static_cast<int>(seeds.size()));
        }
    };
    std::vector<std::thread> pool;
    for (int j = 0; j < std::max(1, jobs); ++j) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    return trials;
}

MeanSe mean_se(const std::vector<double>& v) {
    MeanSe m;
    if (v.empty()) return m;
    for (double x : v) m.mean += x;
    m.mean /= v.size();
    if (v.size() < 2) return m;
    double ss = 0;
    for (double x : v) ss += (x - m.mean) * (x - m.mean);
    m.se = std::sqrt(ss / (v.size() - 1) / v.size());
    return m;
}

std::string format_mean_se(const MeanSe& m, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f ± %.*f", digits, m.mean, digits, m.se);
    return buf;
}

}  // namespace cli
