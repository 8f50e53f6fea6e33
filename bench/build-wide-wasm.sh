#!/usr/bin/env bash
# build-wide-wasm.sh: builds bench/gen/wide.mjs + wide.wasm, a small wasm module with ONLY the
# benchmark bindings of bench/wide_embind.cpp (W4 and the kernel microbenchmark), compiled with the
# engine's flags (-O3 -msimd128, -ffp-contract=off, same Emscripten link options as the engine).
# Needed only while web/gen/engine.mjs does not export WideMlp/denseKernelGflops. Skips the build
# when the outputs are newer than every source. Usage: bench/build-wide-wasm.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/gen
mkdir -p "$out/sysinc"
srcs=(src/engine/*.cpp src/session/wide_bench.cpp bench/wide_embind.cpp)
if [ "${1:-}" != "--force" ] && [ -f "$out/wide.wasm" ] && [ -f "$out/wide.mjs" ]; then
  newer=$(find src/engine src/session/wide_bench.* src/config/config.h bench/wide_embind.cpp \
    -newer "$out/wide.wasm" | head -1)
  if [ -z "$newer" ]; then echo "build-wide-wasm: $out/wide.wasm is up to date"; exit 0; fi
fi
# xtensor's headers come from links, never -I/usr/include (as CMakeLists.txt does for the engine).
for d in xtensor xtl xsimd; do ln -sfn "/usr/include/$d" "$out/sysinc/$d"; done
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
em++ -std=c++17 -O3 -msimd128 -ffp-contract=off -fno-fast-math -Wall -Wextra -Wno-psabi \
  -Isrc -isystem "$out/sysinc" "${srcs[@]}" -o "$out/wide.mjs" \
  --bind -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createWide -sENVIRONMENT=web,worker \
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sFILESYSTEM=0 -sDYNAMIC_EXECUTION=0
echo "build-wide-wasm: built $out/wide.mjs ($(stat -c %s "$out/wide.wasm") bytes of wasm)"
