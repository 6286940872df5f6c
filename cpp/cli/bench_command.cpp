#include "commands.hpp"
namespace cli {
int cmd_bench(int, char**) { throw UsageError("gan bench is not built yet"); }
}
