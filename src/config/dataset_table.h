// dataset_table.h: the one list of datasets. Each row is a dataset's hash key (its spelling in
// links: changing one breaks them), its menu label, its problem, its number of classes, how many
// points it generates and how many input columns it has. The codec's allowed values
// (config_keys.h), name_of(DatasetKind), num_classes, the generators' point counts
// (data/dataset.h) and the engine's catalog (session/catalog.h, so the page's picker and labels)
// all read it. Rows are in menu order; "custom" (the user's points) is last and belongs to both
// problems.
#pragma once
#include "config.h"
#include <array>
#include <cstddef>

namespace bp {

struct DatasetInfo {
    DatasetKind kind;
    const char* key;   // the hash value of "dataset" / "regDataset"
    const char* label; // the menu's name for it
    Problem problem;
    int classes; // 0 regression, 2 binary (labels -1/+1), K >= 3 softmax (labels 0..K-1)
    int points;  // points generated (split into train and test by percTrainData); 0: not generated
    int columns; // 0: plane data, whose inputs are the features of (x1, x2); else input columns
};

constexpr Problem kClassification = Problem::Classification, kRegression = Problem::Regression;

inline constexpr DatasetInfo kDatasets[] = {
    // TensorFlow Playground's classification sets (its dataset.ts)
    {DatasetKind::Circle, "circle", "Circle", kClassification, 2, 500, 0},
    {DatasetKind::Xor, "xor", "Exclusive or", kClassification, 2, 500, 0},
    {DatasetKind::Gauss, "gauss", "Gaussian", kClassification, 2, 500, 0},
    {DatasetKind::Spiral, "spiral", "Spiral", kClassification, 2, 500, 0},
    // ours: two moons, and points above or below a function's graph (TensorFlow Playground issue
    // 252's "function boundary" sets)
    {DatasetKind::Moons, "moons", "Two moons", kClassification, 2, 500, 0},
    {DatasetKind::Sine, "sine", "Above y = sin x", kClassification, 2, 500, 0},
    {DatasetKind::Cubic, "cubic", "Above y = x\xC2\xB3 - x", kClassification, 2, 500, 0},
    {DatasetKind::Vee, "vee", "Above y = |x|", kClassification, 2, 500, 0},
    // ours: the softmax sets
    {DatasetKind::Blobs3, "blobs3", "3 blobs (softmax)", kClassification, 3, 500, 0},
    {DatasetKind::Blobs4, "blobs4", "4 blobs (softmax)", kClassification, 4, 500, 0},
    {DatasetKind::Blobs5, "blobs5", "5 blobs (softmax)", kClassification, 5, 500, 0},
    {DatasetKind::Spiral3, "spiral3", "3-arm spiral (softmax)", kClassification, 3, 500, 0},
    // a small real set shipped in the source (data/iris.h cites it): 150 flowers, 4 measurements
    {DatasetKind::Iris, "iris", "Iris flowers (4 inputs, softmax)", kClassification, 3, 150, 4},
    // TensorFlow Playground's regression sets
    {DatasetKind::RegPlane, "reg-plane", "Plane", kRegression, 0, 1200, 0},
    {DatasetKind::RegGauss, "reg-gauss", "Multi gaussian", kRegression, 0, 1200, 0},
    // the user's points (CSV, clicks): classes and problem come from the config
    {DatasetKind::Custom, "custom", "Your data", kClassification, 2, 0, 0},
};

// The row of a dataset kind (every enumerator has one; an out-of-range value, only possible
// through a cast, gets the custom row).
constexpr const DatasetInfo& dataset_info(DatasetKind kind) {
    for (const DatasetInfo& d : kDatasets)
        if (d.kind == kind) return d;
    return kDatasets[std::size(kDatasets) - 1];
}

// The datasets a problem offers, in menu order, "custom" last: the allowed values of "dataset"
// and "regDataset".
template <Problem P> struct DatasetsOf {
    static constexpr std::size_t count() {
        std::size_t n = 0;
        for (const DatasetInfo& d : kDatasets) n += d.problem == P || d.kind == DatasetKind::Custom;
        return n;
    }
    static constexpr std::array<DatasetKind, count()> make() {
        std::array<DatasetKind, count()> a{};
        std::size_t n = 0;
        for (const DatasetInfo& d : kDatasets)
            if (d.kind != DatasetKind::Custom && d.problem == P) a[n++] = d.kind;
        a[n] = DatasetKind::Custom;
        return a;
    }
    static constexpr std::array<DatasetKind, count()> kinds = make();
};

} // namespace bp
