#include "gan/stats_json.hpp"

#include <cmath>
#include <cstdio>

namespace gan {

std::string json_number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

namespace {

template <typename T>
std::string json_array(const std::vector<T>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + json_number(static_cast<double>(v[i]));
    return out + "]";
}

std::string fixed(double v, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

}  // namespace

std::string stats_json(const Stats& s) {
    std::string j = "{\"epoch\":" + std::to_string(s.epoch) + ",\"dLoss\":" + json_number(s.dLoss) +
                    ",\"gLoss\":" + json_number(s.gLoss) + ",\"dLossAvg\":" + json_number(s.dLossAvg) +
                    ",\"wEstimate\":" + json_number(s.wEstimate) + ",\"mean\":" + json_array(s.mean) +
                    ",\"std\":" + json_array(s.std) + ",\"status\":" + json_string(s.status) +
                    ",\"divergedAt\":" + (s.divergedAt < 0 ? "null" : std::to_string(s.divergedAt));
    if (s.has1d) j += ",\"w1\":" + json_number(s.w1) + ",\"ks\":" + json_number(s.ks);
    if (s.hasModes)
        j += ",\"modesCovered\":" + std::to_string(s.modesCovered) + ",\"modesTotal\":" + std::to_string(s.modesTotal) +
             ",\"highQuality\":" + json_number(s.highQuality) + ",\"reverseKL\":" + json_number(s.reverseKL) +
             ",\"modeCounts\":" + json_array(s.modeCounts);
    return j + "}";
}

std::string config_json(const Config& c) {
    std::string j = "{\"preset\":" + json_string(c.preset);
    for (const auto& f : config_fields()) {
        const std::string v = get_field(c, f);
        j += ",\"" + std::string(f.name) + "\":" + (f.choices.empty() ? v : json_string(v));
    }
    return j + "}";
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
