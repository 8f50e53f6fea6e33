#!/usr/bin/env bash
# setup.sh: installs the Debian packages this project needs, only those missing (fresh bookworm:
# nothing but the base image). Usage: scripts/setup.sh native|wasm|browser|fuzz|export ... (any
# combination).
set -euo pipefail
pkgs=()
for part in "$@"; do
  case "$part" in
    native)  pkgs+=(cmake g++ make libxtensor-dev doctest-dev clang-format) ;;
    wasm)    pkgs+=(emscripten binaryen wabt libxtensor-dev gzip) ;;
    browser) pkgs+=(chromium firefox-esr) ;; # tests/browser: both browsers (BROWSER=firefox)
    fuzz)    pkgs+=(clang libclang-rt-14-dev) ;;
    export)  pkgs+=(python3 python3-torch python3-numpy) ;; # tests/export: run the PyTorch script
    *) echo "setup.sh: unknown part '$part' (native, wasm, browser, fuzz, export)" >&2; exit 2 ;;
  esac
done
missing=()
# Node and npm: the base image ships them (nodesource build, npm bundled); Debian's only if absent.
if ! command -v node >/dev/null; then pkgs+=(nodejs); fi
if ! command -v npm >/dev/null; then pkgs+=(npm); fi
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
