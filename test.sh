#!/usr/bin/env bash
# test.sh: README's test command. Sets up what is missing, builds, and runs every test suite:
# native doctest (release and ASan+UBSan builds).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh native
echo "== native build + doctest"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
./build/bp_tests
echo "== CLI smoke"
./build/bp train --epochs 20 --seed 1 --every 10
./build/bp grad-check --config 'activation=relu&networkShape=4,3' --seed 1
echo "ALL TESTS PASSED"
