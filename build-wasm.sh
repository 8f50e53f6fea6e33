#!/usr/bin/env bash
# build-wasm.sh: README's first command. Installs what is missing (Debian packages), builds the
# engine to WebAssembly (-O3 -msimd128, Embind) into web/gen/ (git-ignored), checks that the hot
# kernels use SIMD128, bundles the page's modules there (scripts/bundle.mjs: run it again after
# editing web/), prints the sizes. With "serve" it then serves web/ on 127.0.0.1 and prints the
# URL. With "single" it also writes the playground as one self-contained HTML file that works from
# file:// (scripts/single.mjs: web/gen/backprop-playground.html).
# Usage: ./build-wasm.sh [serve [PORT] | single]
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh wasm
# emcc's JS optimizer needs acorn, which Debian installs under /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
out="$PWD/web/gen"
mkdir -p "$out"
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release -DBP_WASM_OUT="$out" >/dev/null
cmake --build build-wasm -j"$(nproc)"
simd=$(wasm-objdump -d "$out/engine.wasm" | grep -c 'f32x4' || true)
if [ "$simd" -lt 100 ]; then
  echo "build-wasm: only $simd f32x4 instructions in engine.wasm: the SIMD128 kernels are missing" >&2
  exit 1
fi
# the page's modules: bundled and minified next to the engine (scripts/bundle.mjs; esbuild from npm)
(cd scripts && { [ -x node_modules/.bin/esbuild ] || npm ci --no-audit --no-fund --loglevel=error; })
node scripts/bundle.mjs
size() { printf '%s: %s bytes raw, %s bytes gzip\n' "$(basename "$1")" "$(stat -c %s "$1")" "$(gzip -9c "$1" | wc -c)"; }
size "$out/engine.wasm"
size "$out/engine.deferred.wasm" # the engine's second part, loaded on first use (scripts/split-engine.mjs)
size "$out/app.js"
size "$out/worker.js"
echo "f32x4 instructions: $simd"
if [ "${1:-}" = "single" ]; then
  node scripts/single.mjs
fi
if [ "${1:-}" = "serve" ]; then
  exec node scripts/serve.mjs web "${2:-8080}"
fi
