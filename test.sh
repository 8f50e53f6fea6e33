#!/usr/bin/env bash
# test.sh: README's test command. Sets up what is missing (Debian packages, npm test deps), builds,
# and runs every suite: native doctest (also under ASan + UBSan), the CLI, short libFuzzer runs of
# the config codec, the CSV reader and the model-file reader, the wasm build under Node (API,
# lifetime, SIMD, misuse, memory soak, bit-identity with native), the page in headless Chromium
# (hostile links too) and the same browser suite in headless Firefox ESR (BROWSER=firefox), the
# cross-browser bit-identity test (Chromium, Firefox, Node and the CLI train to the same weights),
# and the benchmark harness's quick mode (bench/harness.test.mjs). First of
# all, the linters: clang-format, eslint and prettier (scripts/lint.sh) fail the run on any
# violation.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh native wasm browser
echo "== npm test dependencies; lint: clang-format, eslint, prettier (scripts/lint.sh)"
(cd tests && npm ci --no-audit --no-fund --loglevel=error)
scripts/lint.sh
echo "== native build + doctest"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/bp_tests
echo "== CLI smoke"
./build/bp train --epochs 20 --seed 1 --every 10
./build/bp grad-check --config 'activation=relu&networkShape=4,3' --seed 1
echo "== native doctest under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan, whole suite)"
cmake -S . -B build-asan -DBP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-asan -j"$(nproc)" --target bp_tests
ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ./build-asan/bp_tests
echo "== fuzz smoke: libFuzzer + ASan + UBSan, config codec, CSV and model readers (scripts/fuzz.sh)"
scripts/fuzz.sh smoke
echo "== export: generated PyTorch script vs the engine (Debian python3-torch), Keras structure"
scripts/setup.sh export
tests/export/run.sh
echo "== wasm build"
./build-wasm.sh
echo "== wasm under Node + browser (headless Chromium; cross-browser.test.mjs launches Firefox too)"
node --test --test-concurrency=1 tests/wasm/ tests/browser/
echo "== browser suite in headless Firefox ESR (puppeteer-core over WebDriver BiDi; what it cannot drive skips, saying why)"
BROWSER=firefox node --test --test-concurrency=1 tests/browser/
echo "== bench harness quick check: every engine (ours, tfjs, convnetjs, brain.js) learns; no timing"
bench/build.sh
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
node --test bench/harness.test.mjs
echo "ALL TESTS PASSED"
