#!/usr/bin/env bash
# fuzz.sh: builds and runs the libFuzzer targets of tests/fuzz/ (clang++, -fsanitize=fuzzer,
# address,undefined; objects in build-fuzz/). Seed corpora in tests/fuzz/corpus/<target>/ are read,
# never written: new inputs go to build-fuzz/work/<target>/, crashes to build-fuzz/artifacts/.
# Usage:
#   scripts/fuzz.sh smoke            build, then ~30 s per target (the test command runs this)
#   scripts/fuzz.sh run TARGET SECS  one long run of fuzz_config|fuzz_csv|fuzz_config_struct|
#                                    fuzz_model
#   scripts/fuzz.sh runs TARGET N    a run of N executions (libFuzzer's -runs=N, no time limit)
#   scripts/fuzz.sh cov              line coverage (llvm-cov; package llvm) of src/config and
#                                    src/data/csv* over the seed corpora plus build-fuzz/work/
# Exit status: non-zero when a target finds a crash, a leak, UB or a broken invariant.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh fuzz
mode="${1:-smoke}"
out=build-fuzz
mkdir -p "$out/artifacts"
SRC=(src/config/*.cpp src/data/csv.cpp src/data/csv_reader.cpp)
# fuzz_model reads a model into a Session: the whole engine
MODEL_SRC=(src/config/*.cpp src/data/*.cpp src/engine/*.cpp src/session/*.cpp)
CXXFLAGS=(-std=c++17 -g -O1 -Isrc -ffp-contract=off -fno-omit-frame-pointer -Wall -Wextra)
SAN=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all)
TARGETS=(fuzz_config fuzz_csv fuzz_config_struct fuzz_model)

build() { # build TARGET [extra flags...]: rebuilt only when a source is newer than the binary
  local t="$1"; shift
  local bin="$out/$t${SUFFIX:-}"
  local src=("${SRC[@]}")
  [ "$t" = fuzz_model ] && src=("${MODEL_SRC[@]}")
  local newest
  newest=$(ls -t "tests/fuzz/$t.cpp" tests/fuzz/*.h "${src[@]}" src/*/*.h | head -1)
  if [ ! -x "$bin" ] || [ "$newest" -nt "$bin" ]; then
    clang++ "${CXXFLAGS[@]}" "$@" "tests/fuzz/$t.cpp" "${src[@]}" -o "$bin"
  fi
}

run() { # run TARGET SECONDS [extra libFuzzer flags...]
  local t="$1" secs="$2"; shift 2
  local corpus="tests/fuzz/corpus/${t#fuzz_}" work="$out/work/$t"
  mkdir -p "$work"
  local dict=()
  [ -f "tests/fuzz/${t#fuzz_}.dict" ] && dict=(-dict="tests/fuzz/${t#fuzz_}.dict")
  [ "$t" = fuzz_config_struct ] && corpus="tests/fuzz/corpus/config_struct"
  mkdir -p "$corpus"
  echo "== $t: ${secs}s $*"
  # -rss_limit_mb: a 64 KiB hash or CSV needs far less; a blow-up is a finding.
  local log="$out/$t.log" rc=0
  # First every seed and regression input once at full length (the 100 KB hash too), then the
  # timed run, mutating inputs of up to 4 KiB (longer ones cost throughput, and the only code
  # that needs more, the 64 KiB cut, is a substr the replay and the doctest suite cover).
  "$out/$t" -runs=0 -rss_limit_mb=1024 -timeout=10 "$corpus" >"$log.replay" 2>&1 || {
    echo "fuzz.sh: $t failed on its seed/regression corpus:" >&2
    tail -n 40 "$log.replay" >&2
    return 1
  }
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)' "$log.replay" | sed 's/^/replay /' || true
  "$out/$t" "${dict[@]}" -max_total_time="$secs" -max_len="${MAXLEN:-4096}" -rss_limit_mb=1024 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$out/artifacts/$t-" "$@" \
    "$work" "$corpus" >"$log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|stat::(number_of_executed_units|peak_rss_mb)|Done )' "$log" || true
  if [ "$rc" -ne 0 ]; then
    echo "fuzz.sh: $t FAILED (exit $rc); the end of $log:" >&2
    tail -n 40 "$log" >&2
  fi
  return "$rc"
}

case "$mode" in
smoke)
  for t in "${TARGETS[@]}"; do build "$t" "${SAN[@]}"; done
  run fuzz_config 30
  run fuzz_csv 30
  run fuzz_config_struct 10
  run fuzz_model 30
  echo "fuzz smoke: no findings"
  ;;
run)
  t="${2:?target}"; secs="${3:?seconds}"; shift 3
  build "$t" "${SAN[@]}"
  run "$t" "$secs" "$@"
  ;;
runs)
  # -max_total_time=0 is libFuzzer's "no time limit": the run ends after N executions
  t="${2:?target}"; n="${3:?executions}"; shift 3
  build "$t" "${SAN[@]}"
  run "$t" 0 -runs="$n" "$@"
  ;;
cov)
  # Coverage build: the same targets with libFuzzer's main over the corpora once (-runs=0).
  command -v llvm-profdata >/dev/null || { echo "fuzz.sh cov: needs llvm-profdata (apt-get install llvm)" >&2; exit 2; }
  SUFFIX=-cov
  for t in fuzz_config fuzz_csv; do
    mkdir -p "$out/work/$t"
    build "$t" -fsanitize=fuzzer -fprofile-instr-generate -fcoverage-mapping
    c="tests/fuzz/corpus/${t#fuzz_}"
    LLVM_PROFILE_FILE="$out/$t.profraw" "$out/$t-cov" -runs=0 "$c" "$out/work/$t" >/dev/null 2>&1 || true
    llvm-profdata merge -sparse "$out/$t.profraw" -o "$out/$t.profdata"
  done
  echo "== config codec (fuzz_config corpus)"
  llvm-cov report "$out/fuzz_config-cov" -instr-profile="$out/fuzz_config.profdata" src/config/*.cpp
  echo "== CSV reader (fuzz_csv corpus)"
  llvm-cov report "$out/fuzz_csv-cov" -instr-profile="$out/fuzz_csv.profdata" src/data/csv.cpp src/data/csv_reader.cpp
  ;;
*)
  echo "fuzz.sh: unknown mode '$mode' (smoke, run TARGET SECONDS, runs TARGET N, cov)" >&2
  exit 2
  ;;
esac
