// bench_embind.cpp: the benchmark's own wasm module (bench/gen/wasm/bench.mjs, createBench),
// built by bench/build.sh from the engine's sources with the page's compile and link flags. It
// binds only what the config hash cannot express (wide_bench.h: workload W4's WideMlp and the
// dense-kernel microbenchmark); W1-W3 run on the page's own engine module (web/gen/engine.mjs).
#include "wide_bench.h"
#include <emscripten/bind.h>

using namespace emscripten;
using namespace bp;

EMSCRIPTEN_BINDINGS(bp_bench) {
    class_<WideMlp>("WideMlp")
        .constructor<int>()
        .function("trainSteps", &WideMlp::train_steps)
        .function("loss", &WideMlp::loss);
    function("denseKernelGflops", &dense_kernel_gflops);
}
