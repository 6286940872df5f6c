#!/usr/bin/env bash
# Build the native engine/CLI/tests (build/) and/or the WebAssembly module (web/wasm/gan.{js,wasm}).
#   scripts/build.sh [native|wasm]      no argument = both
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
case "$what" in native|wasm|all) ;; *) echo "usage: $0 [native|wasm]" >&2; exit 2 ;; esac
jobs=${JOBS:-$(nproc)}

if [[ $what != wasm ]]; then
  echo "build: native (build/)"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
  cmake --build build -j "$jobs"
fi

if [[ $what != native ]]; then
  command -v emcmake >/dev/null || { echo "build: emcmake not found: run scripts/setup.sh" >&2; exit 1; }
  # Debian's emcc runs its JS optimizer with the system node, which finds the `acorn` module
  # (package node-acorn) only through NODE_PATH; without it every -O2+ link fails.
  export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
  # EM_CACHE stays unset on purpose: Debian ships a prebuilt, FROZEN_CACHE system-library
  # cache in /usr/share/emscripten/cache that works for root and other users alike; pointing
  # EM_CACHE at an empty dir fails ("FROZEN_CACHE is set, but cache file is missing").
  echo "build: wasm (build-wasm/ -> web/wasm/)"
  emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release
  cmake --build build-wasm -j "$jobs"
  for f in web/wasm/gan.js web/wasm/gan.wasm; do
    [[ -f $f ]] || { echo "build: expected $f after the wasm build" >&2; exit 1; }
  done
  echo "build: $(du -b web/wasm/gan.js | cut -f1) B gan.js, $(du -b web/wasm/gan.wasm | cut -f1) B gan.wasm"
fi
