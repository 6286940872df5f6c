#!/usr/bin/env bash
# npm run bench [-- args]: set up, build both targets (benchmarks compare native and wasm),
# then run the benchmark driver. Figures are printed, not asserted (shared, noisy machines).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
[[ -f bench/run.mjs ]] || { echo "bench: bench/run.mjs does not exist yet" >&2; exit 1; }
exec node bench/run.mjs "$@"
