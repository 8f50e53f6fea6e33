#!/usr/bin/env bash
# build-wasm.sh: README's first command. Interim version (the WebAssembly build lands next): sets up,
# builds the native engine and trains the default config with the CLI.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh native
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/bp train --epochs 100 --seed 1 --every 10
