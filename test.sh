#!/usr/bin/env bash
# test.sh: README's test command. Sets up what is missing (Debian packages, npm test deps), builds,
# and runs every suite: native doctest, the CLI, the wasm build under Node (API, lifetime, SIMD,
# bit-identity with native), and the page in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh native wasm browser
echo "== native build + doctest"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/bp_tests
echo "== CLI smoke"
./build/bp train --epochs 20 --seed 1 --every 10
./build/bp grad-check --config 'activation=relu&networkShape=4,3' --seed 1
echo "== wasm build"
./build-wasm.sh
echo "== npm test dependencies"
(cd tests && npm ci --no-audit --no-fund --loglevel=error)
echo "== wasm under Node + browser (headless Chromium)"
node --test --test-concurrency=1 tests/wasm/ tests/browser/
echo "ALL TESTS PASSED"
