#include "gan/stats_json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gan {

namespace {

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

std::string stats_json(const Stats& s) {
    JsonWriter w;
    w.begin_object().key("epoch").number(static_cast<double>(s.epoch));
    w.key("dLoss").number(s.dLoss).key("gLoss").number(s.gLoss).key("dLossAvg").number(s.dLossAvg);
    w.key("wEstimate").number(s.wEstimate).key("mean").numbers(s.mean).key("std").numbers(s.std);
    w.key("status").string(s.status).key("divergedAt");
    if (s.divergedAt < 0) w.null();
    else w.number(static_cast<double>(s.divergedAt));
    if (s.has1d) w.key("w1").number(s.w1).key("ks").number(s.ks);
    if (s.hasModes) {
        w.key("modesCovered").number(s.modesCovered).key("modesTotal").number(s.modesTotal);
        w.key("highQuality").number(s.highQuality).key("reverseKL").number(s.reverseKL);
        w.key("modeCounts").numbers(std::vector<double>(s.modeCounts.begin(), s.modeCounts.end()));
    }
    return w.end_object().str();
}

void write_config(JsonWriter& w, const Config& c) {
    w.begin_object().key("preset").string(c.preset);
    for (const auto& f : config_fields()) {
        w.key(f.name);
        if (f.choices.empty()) w.number(std::strtod(get_field(c, f).c_str(), nullptr));
        else w.string(get_field(c, f));
    }
    w.end_object();
}

std::string config_json(const Config& c) {
    JsonWriter w;
    write_config(w, c);
    return w.str();
}

std::string stats_line(const Stats& s) {
    std::string line = "epoch " + std::to_string(s.epoch) + "  D " + fixed(s.dLoss, 3) + "  G " + fixed(s.gLoss, 3);
    if (std::isfinite(s.wEstimate)) line += "  W " + fixed(s.wEstimate, 4);
    auto vec = [](const std::vector<double>& v) {
        std::string t;
        for (std::size_t i = 0; i < v.size(); ++i) t += (i ? "," : "") + fixed(v[i], 3);
        return t;
    };
    line += "  mean " + vec(s.mean) + "  std " + vec(s.std);
    if (s.has1d) line += "  w1 " + fixed(s.w1, 4) + "  ks " + fixed(s.ks, 3);
    if (s.hasModes)
        line += "  modes " + std::to_string(s.modesCovered) + "/" + std::to_string(s.modesTotal) + "  hq " +
                fixed(100 * s.highQuality, 1) + "%  rKL " + fixed(s.reverseKL, 3);
    if (s.status != "ok") line += "  DIVERGED at epoch " + std::to_string(s.divergedAt);
    return line;
}

}  // namespace gan
