// wide_embind.cpp: TEMPORARY Embind bindings for the benchmark entry points of
// src/session/wide_bench.h (W4's WideMlp and the dense kernel microbenchmark), compiled by
// bench/build-wide-wasm.sh into bench/gen/wide.mjs (git-ignored) while the engine's own bindings
// (src/bindings/embind.cpp) do not export them. Same names as the lines proposed for embind.cpp, so
// bench code uses either module unchanged:
//   new M.WideMlp(seed) .trainSteps(steps) -> mean loss  .loss() -> mean loss over 4096 samples
//   M.denseKernelGflops(which, n_in, n_out, B, seconds) -> GFLOP/s
#include "session/wide_bench.h"
#include <emscripten/bind.h>

EMSCRIPTEN_BINDINGS(bp_wide_bench) {
    emscripten::class_<bp::WideMlp>("WideMlp")
        .constructor<int>()
        .function("trainSteps", &bp::WideMlp::train_steps)
        .function("loss", &bp::WideMlp::loss);
    emscripten::function("denseKernelGflops", &bp::dense_kernel_gflops);
}
