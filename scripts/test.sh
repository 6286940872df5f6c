#!/usr/bin/env bash
# npm test (and CI): setup, build both targets, then native tests, wasm tests, browser tests.
# Stops at the first failing step. Each runner's own summary stays the last thing it prints.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {  # step NAME CMD...: run CMD, or name the failed step and stop with its status
  local name=$1; shift
  echo "==> $name"
  "$@" || { local rc=$?; echo "test.sh: FAILED: $name (exit $rc)" >&2; exit "$rc"; }
}

step "setup" bash scripts/setup.sh
step "build (native + wasm)" bash scripts/build.sh
step "native tests (ctest)" ctest --test-dir build --output-on-failure --no-tests=error -j "${JOBS:-$(nproc)}"

# Explicit file lists: `node --test DIR` means different things across Node versions.
for dir in tests/wasm tests/e2e; do
  files=()
  for f in "$dir"/*.test.mjs; do [[ -e $f ]] && files+=("$f"); done
  if ((${#files[@]})); then
    step "node tests ($dir)" node --test "${files[@]}"
  else
    echo "==> node tests ($dir): no *.test.mjs files, skipped"
  fi
done
