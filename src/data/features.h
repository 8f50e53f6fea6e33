// features.h: the playground's input features computed from (x1, x2).
// Layout: out is [num_features][n] (feature-major, so the batch sits in SIMD lanes downstream).
#pragma once
#include "../config/config.h"
#include <cstddef>
#include <vector>

namespace bp {

enum class Feature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };
constexpr int kNumFeatureKinds = 7;

// Active features of a config, in the fixed order above
// (x, y, xSquared, ySquared, xTimesY, sinX, sinY).
std::vector<Feature> active_features(const Config& c);
const char* feature_key(Feature f);   // its URL key: "x", "y", "xSquared", ...
const char* feature_label(Feature f); // its display label: "X1", "X2", "X1²", ...

// x1, x2: n values each; out: [features.size()][n]. sin uses our deterministic elem::sin.
void compute_features(const std::vector<Feature>& features, const float* x1, const float* x2,
                      std::size_t n, float* out);

} // namespace bp
