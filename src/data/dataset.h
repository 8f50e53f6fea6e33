// dataset.h: the playground's data: TensorFlow Playground's six generators with its formulas, point
// counts and noise semantics (its dataset.ts, as README describes), plus multi-class sets for
// softmax. Generation is in double with our own sin/cos/log/normal (bit-identical native vs wasm),
// stored as float.
#pragma once
#include "../config/config.h"
#include "../engine/rng.h"
#include <string>
#include <vector>

namespace bp {

struct Point {
    float x1, x2;
    float label; // -1/+1 (binary), real value (regression), class index 0..K-1 (multi-class)
};

struct Dataset {
    std::vector<Point> train, test; // train in the fixed epoch order
    int num_classes = 2;            // 0 regression, 2 binary, K >= 3 multi-class
};

// Raw generator: n points for `kind` with noise in [0, 0.5] (the URL's percent / 100), drawn from
// rng.
std::vector<Point> generate_points(DatasetKind kind, int n, double noise, Rng& rng);

// Default point count of a dataset kind: 500 classification (binary and multi-class), 1200
// regression.
int default_point_count(DatasetKind kind);
int num_classes_of(DatasetKind kind);

// Generates with the "data" stream of `seed`, shuffles once with the same stream (Fisher-Yates),
// splits at floor(N * perc / 100) into train/test. Custom kinds are not generated (use
// split_points).
Dataset make_dataset(DatasetKind kind, double noise_percent, double perc_train,
                     const std::string& seed);
// Shuffle + split of given points (used for user data), same rule as make_dataset.
Dataset split_points(std::vector<Point> pts, int num_classes, double perc_train,
                     const std::string& seed);

// Data domain: both axes span [-kDomain, kDomain].
constexpr float kDomain = 6.0f;

} // namespace bp
