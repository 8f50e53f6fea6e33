#!/usr/bin/env bash
# lint.sh: fails on any formatting or lint violation: clang-format (C++, .clang-format), eslint
# (tests/eslint.config.mjs) and prettier (.prettierrc.json) over every tracked source file. Needs
# clang-format (scripts/setup.sh native) and the test dependencies (cd tests && npm ci).
# Usage: scripts/lint.sh [--fix]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=tests/node_modules/.bin
mapfile -t cpp < <(git ls-files '*.cpp' '*.h')
mapfile -t js < <(git ls-files '*.js' '*.mjs')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${cpp[@]}"
  "$bin/prettier" --log-level warn --write "${js[@]}"
  "$bin/eslint" --config tests/eslint.config.mjs --fix "${js[@]}"
  exit 0
fi
clang-format --dry-run --Werror "${cpp[@]}"
"$bin/prettier" --log-level warn --check "${js[@]}"
"$bin/eslint" --config tests/eslint.config.mjs --max-warnings 0 "${js[@]}"
echo "lint: ${#cpp[@]} C++ and ${#js[@]} JavaScript files clean"
