#!/usr/bin/env bash
# npm start: install what is missing, (re)build the wasm module if needed, serve web/.
#   PORT=8080 (default)  HOST=127.0.0.1 (default)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# Rebuild only when gan.js is missing or older than any C++ source or CMake file, so a
# second `npm start` starts in a second.
if [[ ! -f web/wasm/gan.js ]] ||
   [[ -n "$(find cpp CMakeLists.txt -newer web/wasm/gan.js -print -quit 2>/dev/null)" ]]; then
  bash scripts/build.sh wasm
fi

exec node scripts/serve.mjs web
