#!/usr/bin/env bash
# run.sh: the export stage. Needs the native CLI (build/bp) and Debian's python3-torch and
# python3-numpy (scripts/setup.sh export). Runs tests/export/check_export.py with Debian's own
# /usr/bin/python3, where those packages live (a pyenv or venv python3 earlier on PATH has no
# torch). Usage: tests/export/run.sh [path/to/bp]
set -euo pipefail
cd "$(dirname "$0")/../.."
bp="${1:-build/bp}"
[ -x "$bp" ] || { echo "export: $bp is missing: build the native CLI first" >&2; exit 1; }
/usr/bin/python3 -c 'import torch, numpy' 2>/dev/null ||
  { echo "export: python3-torch / python3-numpy missing: run scripts/setup.sh export" >&2; exit 1; }
/usr/bin/python3 tests/export/check_export.py "$bp" /usr/bin/python3
