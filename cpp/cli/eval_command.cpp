#include "commands.hpp"
namespace cli {
int cmd_eval(int, char**) { throw UsageError("gan eval is not built yet"); }
}
