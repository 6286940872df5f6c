// Args: the CLI's small option parser. `--name value` pairs and bare
// `--flag`s after the subcommand; --set may repeat. Unknown options and
// missing or malformed values throw UsageError, which main() prints as one
// line and turns into exit status 2.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // valued: options that take a value; flags: options that do not.
    Args(int argc, char** argv, int first, const std::vector<std::string>& valued, const std::vector<std::string>& flags);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string text(const std::string& name, const std::string& fallback) const;
    long long integer(const std::string& name, long long fallback, long long min, long long max) const;
    const std::vector<std::string>& sets() const { return sets_; }  // every --set key=value

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> sets_;
};

}  // namespace cli
