// wide_bench.h: benchmark entry points the config hash cannot express, compiled only into the
// benchmark's own binaries (bench/cpp: the native bp_bench and bench.wasm), never into the product.
//   WideMlp: workload W4 of WORKLOADS.md: 32 inputs -> 256 ReLU -> 256 ReLU -> 1 linear, half-MSE,
//     plain SGD lr 0.01, batches of 64 taken in order (wrapping) from 4096 samples. Data: x ~
//     U(-1, 1)^32, y = sin(v . x) with v ~ U(-0.5, 0.5)^32, all from the project's Rng, so native
//     and wasm train on the same numbers. Weights: He init. Same Network<float> / optimizer_step
//     code path as a Session (dense SIMD kernels, feature-major batches).
//   dense_kernel_gflops: the dense kernels of engine/dense.h timed on random data for `seconds`
//     (at least one call), returning GFLOP/s. FLOPs counted: forward 2*n_in*n_out*B, backward
//     (dx, dW and db) 4*n_in*n_out*B.
// Neither allocates after construction; both are single-threaded.
#pragma once
#include "engine/network.h"
#include "engine/optimizer.h"
#include <vector>

namespace bp {

class WideMlp {
  public:
    static constexpr int kInputs = 32, kHidden = 256, kBatch = 64, kSamples = 4096;
    // Multiply-accumulates per sample (forward): 32*256 + 256*256 + 256*1.
    static constexpr double kMacsPerSample = 32.0 * 256 + 256.0 * 256 + 256.0;
    // FLOPs per trained sample: 2*MACs forward + 4*MACs backward.
    static constexpr double kFlopsPerSample = 6 * kMacsPerSample;

    explicit WideMlp(int seed = 1);
    // Trains `steps` batches of 64; returns the mean per-sample loss over those batches.
    double train_steps(int steps);
    // Mean per-sample half-MSE over all 4096 samples (forward only).
    double loss();
    long steps_done() const { return steps_; }

  private:
    Network<float> net_;
    OptimizerParams opt_;
    OptimizerState<float> ost_;
    std::vector<float> x_, y_, yb_; // x_ [32][4096], y_ [4096], yb_ [1][capacity]
    long steps_ = 0;
};

// Convenience: a fresh WideMlp(1) trained `steps` batches; returns the mean loss of those batches.
double bench_wide_mlp(int steps);

// which: 0 dense_forward (SIMD), 1 dense_forward_naive, 2 dense_backward (SIMD, with dx),
// 3 dense_backward_naive (with dx). B must be a multiple of 4 for 2 and 3. Returns GFLOP/s, or -1
// on bad arguments.
double dense_kernel_gflops(int which, int n_in, int n_out, int B, double seconds);

} // namespace bp
