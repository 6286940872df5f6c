#!/usr/bin/env bash
# Install what this project needs on Debian 12, only what is missing (fast no-op otherwise):
# the apt packages below, then the npm dev dependencies from package-lock.json.
# Called by npm start / npm test / npm run bench, so a fresh clone needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

# cmake/g++/make + googletest: native engine, CLI, tests. emscripten: the wasm build.
# chromium: browser tests (playwright-core drives /usr/bin/chromium, no browser download).
# python3-numpy, libeigen3-dev: reference implementations to check the engine against.
PKGS=(cmake g++ make libgtest-dev libgmock-dev emscripten chromium python3-numpy libeigen3-dev)

missing=()
if command -v dpkg-query >/dev/null; then
  for p in "${PKGS[@]}"; do
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" == installed ]] || missing+=("$p")
  done
else
  echo "setup: no dpkg-query (not Debian?): make sure these are installed: ${PKGS[*]}" >&2
fi

if ((${#missing[@]})); then
  if ((EUID == 0)); then
    echo "setup: installing apt packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "setup: missing apt packages: ${missing[*]}" >&2
    echo "setup: run this, then retry:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm writes node_modules/.package-lock.json on every install; if the committed lockfile is
# newer (a pull changed the dependencies), node_modules is stale.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if [[ -f package-lock.json ]]; then
    echo "setup: npm ci"
    npm ci --no-audit --no-fund
  else
    echo "setup: npm install (no package-lock.json yet: commit the one it writes)"
    npm install --no-audit --no-fund
  fi
fi
