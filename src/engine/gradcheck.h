// gradcheck.h: backprop gradients against central finite differences in float64 (the reference
// every gradient is checked against, docs/ARCHITECTURE.md). Objective J(p) = mean over the batch of
// the per-sample loss + rate * sum over weights of R(w). A parameter is skipped when a kink
// (ReLU/leaky ReLU pre-activation sign, |a - y| sign, L1 weight sign) lies within the +-2h stencil,
// since the derivative is undefined there. Relative error per parameter: |g_bp - g_fd| /
// max(|g_bp|, |g_fd|, 1e-4). The differences are the five-point central stencil (8 (J(p+h) -
// J(p-h)) - (J(p+2h) - J(p-2h))) / 12h with h = 1e-4: its truncation error is O(h^4), so about
// 1e-12 of round-off is what is left (the two-point difference with h = 1e-5 left ~1e-9 of
// truncation error where batch norm's 1/sqrt(var) curves sharply). Gradients below 1e-4 are
// compared in absolute terms (the floor) instead of dividing round-off by a near-zero gradient.
// Dropout is checked with a fixed mask (drawn once from Rng(mask_seed), the same in every
// evaluation of J and in float and double), batch norm in training mode (batch statistics, the
// samples coupled) or, with pass = Eval, with the given running statistics (a fixed affine map).
#pragma once
#include "network.h"
#include <string>
#include <vector>

namespace bp {

struct GradCheckBatch {
    std::vector<double> x; // [n_inputs][B]
    std::vector<double> y; // targets [n_out][B]
    int B = 0;
    Pass pass = Pass::Train;
    uint64_t mask_seed = 1;              // the fixed dropout mask
    std::vector<double> bn_mean, bn_var; // Eval pass: running statistics (empty: 0 and 1)
};

struct GradCheckResult {
    double max_rel_error = 0;
    std::size_t worst_index = 0; // parameter index of the worst error
    std::size_t checked = 0, skipped = 0;
    std::vector<double> backprop, numeric; // per parameter (numeric is NaN where skipped)
};

// Analytic dJ/dp in double for the given parameters.
std::vector<double> backprop_gradient(const NetSpec& spec, const std::vector<double>& params,
                                      const GradCheckBatch& b, Regularization reg, double rate);
// Same in float (the product's precision), returned as double.
std::vector<double> backprop_gradient_f32(const NetSpec& spec, const std::vector<double>& params,
                                          const GradCheckBatch& b, Regularization reg, double rate);

GradCheckResult grad_check(const NetSpec& spec, const std::vector<double>& params,
                           const GradCheckBatch& b, Regularization reg, double rate,
                           double h = 1e-4);

// Largest relative error (same formula) between two gradient vectors, skipping NaN entries of ref.
double max_rel_error(const std::vector<double>& g, const std::vector<double>& ref,
                     std::size_t* worst = nullptr);

// Human-readable name of parameter k: "W[l][j][i]", "b[l][j]", "gamma[l][j]" or "beta[l][j]".
std::string param_name(const NetSpec& spec, std::size_t k);

} // namespace bp
