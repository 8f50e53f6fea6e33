// dataset.h: the playground's data: TensorFlow Playground's six generators with its formulas, point
// counts and noise semantics (its dataset.ts, as README describes), plus our sets (two moons,
// points above or below a function's graph, multi-class sets for softmax) and column data (Iris:
// columns.h). Which datasets exist, their classes and point counts: config/dataset_table.h.
// Generation is in double with our own sin/cos/log/normal (bit-identical native vs wasm), stored as
// float.
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
    // Column data (Iris): the input columns' names and every point's values of them, row-major
    // [n][columns.size()] in the order of train and test; the points' x1, x2 are then columns
    // axis_x and axis_y (what the plot shows). Empty for plane data, whose inputs are the
    // features of (x1, x2).
    std::vector<std::string> columns;
    std::vector<float> train_cols, test_cols;
    int axis_x = 0, axis_y = 1;
    std::vector<std::string> class_names; // the legend's names (index order); empty: unnamed
};

// Raw generator: n points for `kind` with noise in [0, 0.5] (the URL's percent / 100), drawn from
// rng.
std::vector<Point> generate_points(DatasetKind kind, int n, double noise, Rng& rng);

// A dataset kind's point count and classes (dataset_table.h's row).
int default_point_count(DatasetKind kind);
int num_classes_of(DatasetKind kind);

// Generates with the "data" stream of `seed`, shuffles once with the same stream (Fisher-Yates),
// splits at floor(N * perc / 100) into train/test. Column data (Iris) is shuffled and split by
// the same rule, its columns with its points. Custom kinds are not generated (use split_points).
Dataset make_dataset(DatasetKind kind, double noise_percent, double perc_train,
                     const std::string& seed);
// Shuffle + split of given points (used for user data), same rule as make_dataset.
Dataset split_points(std::vector<Point> pts, int num_classes, double perc_train,
                     const std::string& seed);

// The user's column data (columns.h), shuffled and split by split_points's rule and stream, each
// point's columns following it; x1, x2 from the table's axes.
struct ColumnTable;
Dataset split_columns(const ColumnTable& t, int num_classes, double perc_train,
                      const std::string& seed);

// Data domain: both axes span [-kDomain, kDomain].
constexpr float kDomain = 6.0f;

} // namespace bp
