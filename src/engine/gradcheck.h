// gradcheck.h: backprop gradients against central finite differences in float64 (design principle
// 4). Objective J(p) = mean over the batch of the per-sample loss + rate * sum over weights of
// R(w). A parameter is skipped when a kink (ReLU/leaky ReLU pre-activation sign, |a - y| sign, L1
// weight sign) lies within the +-h step, since the derivative is undefined there. Relative error
// per parameter: |g_bp - g_fd| / max(|g_bp|, |g_fd|, 1e-4). Central differences with h = 1e-5 carry
// about 1e-10 of round-off and truncation error, so gradients below 1e-4 are compared in absolute
// terms (the floor) instead of dividing round-off by a near-zero gradient.
#pragma once
#include "network.h"
#include <string>
#include <vector>

namespace bp {

struct GradCheckBatch {
    std::vector<double> x; // [n_inputs][B]
    std::vector<double> y; // targets [n_out][B]
    int B = 0;
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
                           double h = 1e-5);

// Largest relative error (same formula) between two gradient vectors, skipping NaN entries of ref.
double max_rel_error(const std::vector<double>& g, const std::vector<double>& ref,
                     std::size_t* worst = nullptr);

// Human-readable name of parameter k: "W[l][j][i]" or "b[l][j]".
std::string param_name(const NetSpec& spec, std::size_t k);

} // namespace bp
