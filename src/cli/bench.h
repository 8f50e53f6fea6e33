// bench.h: `bp bench`, the native engine's side of bench/run.mjs (see bench.cpp for the output).
#pragma once
#include "args.h"

namespace bp {

// bp bench --workload W1|W2|W3|W4|learn|kernel [--seconds S] [--reps R] [--epochs N]
// Prints one JSON object on stdout; returns the process exit code (2 on bad arguments).
int cmd_bench(const Args& a);

} // namespace bp
