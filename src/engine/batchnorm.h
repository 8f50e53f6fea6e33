// batchnorm.h: batch normalization and inverted dropout over plain feature-major buffers, paired
// forward/backward free functions (docs/ARCHITECTURE.md, engine rules). Shapes: z, u, xhat, du, dz
// are [n][ld] (a row per neuron, a column per sample); mean, var, inv, gamma, beta are [n].
//   statistics   mean_j = (1/B) sum_s z_js,  var_j = (1/B) sum_s (z_js - mean_j)^2  (biased, as
//                PyTorch and Keras normalise in training), inv_j = 1 / sqrt(var_j + eps)
//   apply        xhat = (z - mean) inv,  u = gamma xhat + beta     (same op order in training,
//                evaluation and the grid, so every path gives the same bits)
//   backward     training (batch statistics, the samples are coupled):
//                  dz = gamma inv (du - (1/B) sum du - xhat (1/B) sum du xhat)
//                evaluation (running statistics, a fixed affine map): dz = gamma inv du
//                both: dgamma += sum_s du xhat, dbeta += sum_s du
// Sums run over columns [0, B) in ascending order in T (one summation order everywhere); padded
// columns [B, ld) get dz = 0 so that the dense backward that follows ignores them.
#pragma once
#include <cmath>
#include <cstddef>

namespace bp {

constexpr double kBnEps = 1e-5;
// Running statistics: r = kBnMomentum r + (1 - kBnMomentum) batch, once per training forward
// (PyTorch's momentum = 0.1, Keras's momentum = 0.9). 0.9 rather than 0.99: a playground epoch is
// only ~25 updates, and the evaluation picture should follow training within an epoch or two.
constexpr double kBnMomentum = 0.9;

template <class T>
void bn_stats(const T* z, std::size_t ld, int n, int B, T* mean, T* var, T* inv) {
    const T eps = T(kBnEps), fb = T(B);
    for (int j = 0; j < n; ++j) {
        const T* r = z + j * ld;
        T s = 0;
        for (int k = 0; k < B; ++k) s = s + r[k];
        const T m = s / fb;
        T q = 0;
        for (int k = 0; k < B; ++k) q = q + (r[k] - m) * (r[k] - m);
        mean[j] = m;
        var[j] = q / fb;
        inv[j] = T(1) / std::sqrt(var[j] + eps);
    }
}

// inv from running variances (evaluation).
template <class T> void bn_inv(const T* var, int n, T* inv) {
    for (int j = 0; j < n; ++j) inv[j] = T(1) / std::sqrt(var[j] + T(kBnEps));
}

template <class T> T bn_value(T z, T mean, T inv, T gamma, T beta) {
    return gamma * ((z - mean) * inv) + beta;
}

// xhat may be nullptr (grid: not kept); u may alias z.
template <class T>
void bn_apply(const T* z, std::size_t ld, int n, int cols, const T* mean, const T* inv,
              const T* gamma, const T* beta, T* xhat, T* u) {
    for (int j = 0; j < n; ++j)
        for (int k = 0; k < cols; ++k) {
            const std::size_t i = j * ld + k;
            const T xh = (z[i] - mean[j]) * inv[j];
            if (xhat) xhat[i] = xh;
            u[i] = gamma[j] * xh + beta[j];
        }
}

template <class T> void bn_update_running(T* rmean, T* rvar, const T* mean, const T* var, int n) {
    const T m = T(kBnMomentum), w = T(1.0 - kBnMomentum);
    for (int j = 0; j < n; ++j) {
        rmean[j] = m * rmean[j] + w * mean[j];
        rvar[j] = m * rvar[j] + w * var[j];
    }
}

// du and dz may alias. batch = true: training formula; false: evaluation (fixed affine).
template <class T>
void bn_backward(const T* du, const T* xhat, std::size_t ld, int n, int B, int cols, const T* gamma,
                 const T* inv, bool batch, T* dz, T* dgamma, T* dbeta) {
    const T fb = T(B);
    for (int j = 0; j < n; ++j) {
        const std::size_t r = j * ld;
        T sd = 0, sdx = 0;
        for (int k = 0; k < B; ++k) {
            sd = sd + du[r + k];
            sdx = sdx + du[r + k] * xhat[r + k];
        }
        dgamma[j] = dgamma[j] + sdx;
        dbeta[j] = dbeta[j] + sd;
        const T g = gamma[j] * inv[j], md = sd / fb, mdx = sdx / fb;
        for (int k = 0; k < B; ++k) {
            const std::size_t i = r + k;
            dz[i] = batch ? g * ((du[i] - md) - xhat[i] * mdx) : g * du[i];
        }
        for (int k = B; k < cols; ++k) dz[r + k] = 0;
    }
}

// Inverted dropout: a = h * mask, mask = 0 (dropped) or 1/(1-p) (kept); dh = da * mask.
template <class T> void dropout_apply(const T* h, const T* mask, std::size_t n, T* a) {
    for (std::size_t k = 0; k < n; ++k) a[k] = h[k] * mask[k];
}

} // namespace bp
