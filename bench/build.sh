#!/usr/bin/env bash
# build.sh: builds the benchmark's own binaries, which the product builds leave out: the native
# bp_bench (build/bp_bench) and the benchmark's wasm module (bench/gen/wasm/bench.mjs + .wasm, the
# page engine's flags), plus the product builds they sit next to (build/bp, web/gen/engine.*) when
# missing. Installs what is missing (scripts/setup.sh). Usage: bench/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh native wasm
if [ ! -f web/gen/engine.wasm ] || [ ! -f web/gen/engine.mjs ]; then ./build-wasm.sh; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target bp bp_bench
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DBP_WASM_OUT="$PWD/web/gen" \
  -DBP_BENCH_WASM_OUT="$PWD/bench/gen/wasm" >/dev/null
cmake --build build-wasm -j"$(nproc)" --target bench
