#include "args.hpp"

#include <algorithm>
#include <cstdlib>

namespace cli {

Args::Args(int argc, char** argv, int first, const std::vector<std::string>& valued, const std::vector<std::string>& flags) {
    auto known = [](const std::vector<std::string>& list, const std::string& s) {
        return std::find(list.begin(), list.end(), s) != list.end();
    };
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) throw UsageError("unexpected argument '" + arg + "' (options start with --)");
        const std::string name = arg.substr(2);
        if (known(flags, name)) {
            values_[name] = "1";
        } else if (known(valued, name)) {
            if (i + 1 >= argc) throw UsageError("option --" + name + " needs a value");
            const std::string value = argv[++i];
            if (name == "set") sets_.push_back(value);
            else values_[name] = value;
        } else {
            throw UsageError("option --" + name + " is unknown here; run `gan help` for the options");
        }
    }
}

std::string Args::text(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

long long Args::integer(const std::string& name, long long fallback, long long min, long long max) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    char* end = nullptr;
    const long long v = std::strtoll(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || v < min || v > max)
        throw UsageError("--" + name + " = " + it->second + " is invalid; allowed: whole number " + std::to_string(min) +
                         " to " + std::to_string(max));
    return v;
}

}  // namespace cli
