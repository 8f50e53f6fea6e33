#!/usr/bin/env bash
# run.sh: the benchmark's one command. Sets up what is missing — the product builds and the
# benchmark's own binaries (bench/build.sh: web/gen/engine.*, build/bp_bench, bench/gen/wasm/bench.*),
# Chromium, the bench's npm deps (npm ci in bench/: the peers and playwright-core) — then runs
# bench/run.mjs with the given arguments (default: the full run, which writes bench/RESULTS.md;
# --quick: the learning checks only).
# Usage: bench/run.sh [run.mjs options, e.g. --seconds 1 --reps 5 | --quick]
set -euo pipefail
cd "$(dirname "$0")/.."
bench/build.sh
scripts/setup.sh browser
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
exec node bench/run.mjs "$@"
