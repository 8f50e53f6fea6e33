#!/usr/bin/env bash
# run.sh: the benchmark's one command. Sets up what is missing — the wasm build (web/gen/), the native
# CLI (build/bp with `bench`), Chromium and playwright-core (the tests' npm deps), the bench's own npm
# deps (npm ci in bench/) — then runs bench/run.mjs with the given arguments (default: the full run,
# which writes bench/RESULTS.md; --quick: the learning checks only).
# Usage: bench/run.sh [run.mjs options, e.g. --seconds 1 --reps 5 | --quick]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f web/gen/engine.wasm ] || [ ! -f web/gen/engine.mjs ]; then ./build-wasm.sh; fi
if [ ! -x build/bp ] || ! ./build/bp bench --workload learn --epochs 1 >/dev/null 2>&1; then
  scripts/setup.sh native
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$(nproc)" --target bp
fi
scripts/setup.sh browser
if [ ! -d tests/node_modules/playwright-core ]; then
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node bench/run.mjs "$@"
