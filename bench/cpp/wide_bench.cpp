// wide_bench.cpp: see wide_bench.h.
#include "wide_bench.h"
#include "engine/dense.h"
#include "engine/init.h"
#include "engine/rng.h"
#include <algorithm>
#include <chrono>
#include <cmath>

namespace bp {

namespace {
NetSpec wide_spec() {
    return NetSpec{WideMlp::kInputs,
                   {WideMlp::kHidden, WideMlp::kHidden, 1},
                   {Activation::ReLU, Activation::ReLU, Activation::Linear},
                   Loss::Square,
                   0.01};
}
volatile float g_sink = 0; // keeps the kernels' results observable
} // namespace

WideMlp::WideMlp(int seed) : net_(wide_spec()) {
    const std::string s = "wide-mlp-" + std::to_string(seed);
    init_params(net_, Init::He, false, s);
    net_.reserve(kBatch);
    opt_.kind = Optimizer::SGD;
    opt_.lr = 0.01;
    ost_.reset(net_.params.size());
    Rng rng(s, "data");
    float v[kInputs];
    for (float& c : v) c = (float)rng.uniform(-0.5, 0.5);
    x_.assign((std::size_t)kInputs * kSamples, 0.0f);
    y_.assign(kSamples, 0.0f);
    for (int n = 0; n < kSamples; ++n) {
        double dot = 0;
        for (int i = 0; i < kInputs; ++i) {
            float xi = (float)rng.uniform(-1.0, 1.0);
            x_[(std::size_t)i * kSamples + n] = xi;
            dot += (double)v[i] * xi;
        }
        y_[n] = (float)std::sin(dot);
    }
    yb_.assign((std::size_t)net_.capacity(), 0.0f);
}

double WideMlp::train_steps(int steps) {
    double sum = 0;
    for (int k = 0; k < steps; ++k, ++steps_) {
        const int start = (int)((steps_ * kBatch) % kSamples);
        const float* x = x_.data() + start;
        net_.forward(x, kSamples, kBatch);
        std::copy(y_.begin() + start, y_.begin() + start + kBatch, yb_.begin());
        net_.backward(x, kSamples, yb_.data(), kBatch);
        sum += net_.loss_sum(yb_.data(), kBatch);
        optimizer_step(opt_, ost_, net_.params.data(), net_.grads.data(), kBatch,
                       net_.is_weight.data(), net_.dead.data(), net_.params.size());
        net_.zero_grads();
    }
    return steps > 0 ? sum / ((double)steps * kBatch) : 0.0;
}

double WideMlp::loss() {
    double sum = 0;
    for (int start = 0; start < kSamples; start += kBatch) {
        net_.forward(x_.data() + start, kSamples, kBatch);
        std::copy(y_.begin() + start, y_.begin() + start + kBatch, yb_.begin());
        sum += net_.loss_sum(yb_.data(), kBatch);
    }
    return sum / kSamples;
}

double bench_wide_mlp(int steps) {
    WideMlp w(1);
    return w.train_steps(steps);
}

double dense_kernel_gflops(int which, int n_in, int n_out, int B, double seconds) {
    if (which < 0 || which > 3 || n_in < 1 || n_out < 1 || B < 1 || n_in > 4096 || n_out > 4096 ||
        B > 4096 || (which >= 2 && B % 4 != 0) || !(seconds >= 0))
        return -1;
    Rng rng("kernel", "data");
    auto fill = [&](std::vector<float>& v, std::size_t n) {
        v.resize(n);
        for (float& f : v) f = (float)rng.uniform(-1.0, 1.0);
    };
    std::vector<float> W, b, x, z, dz, dx, dW, db;
    fill(W, (std::size_t)n_out * n_in);
    fill(b, (std::size_t)n_out);
    fill(x, (std::size_t)n_in * B);
    fill(dz, (std::size_t)n_out * B);
    z.assign((std::size_t)n_out * B, 0.0f);
    dx.assign((std::size_t)n_in * B, 0.0f);
    dW.assign((std::size_t)n_out * n_in, 0.0f);
    db.assign((std::size_t)n_out, 0.0f);
    const double flops = (which < 2 ? 2.0 : 4.0) * n_in * n_out * B;
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    long calls = 0;
    double elapsed = 0;
    do {
        switch (which) {
        case 0:
            dense_forward(W.data(), b.data(), x.data(), B, z.data(), B, n_in, n_out, B);
            break;
        case 1:
            dense_forward_naive(W.data(), b.data(), x.data(), B, z.data(), B, n_in, n_out, B);
            break;
        case 2:
            dense_backward(W.data(), x.data(), B, dz.data(), B, dx.data(), B, dW.data(), db.data(),
                           n_in, n_out, B);
            break;
        default:
            dense_backward_naive(W.data(), x.data(), B, dz.data(), B, dx.data(), B, dW.data(),
                                 db.data(), n_in, n_out, B);
        }
        g_sink = g_sink + z[0] + dx[0] + dW[0];
        ++calls;
        elapsed = std::chrono::duration<double>(clock::now() - t0).count();
    } while (elapsed < seconds);
    return flops * calls / elapsed * 1e-9;
}

} // namespace bp
