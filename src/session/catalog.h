// catalog.h: what the engine offers, for a page or tool that draws menus: the datasets (problem,
// number of classes, label, input columns), the input features (key, label), per problem kind the
// losses and output activations the engine accepts and what "auto" resolves to, the enum values of
// the other menus, and the keys a running session takes live. Every entry is derived from the
// engine's own tables and checks (config_keys.h, check_consistency, model_spec), so a page that
// builds its menus from it cannot disagree with the engine.
#pragma once
#include "../config/config.h"
#include "../data/dataset.h"
#include <string>
#include <vector>

namespace bp {

struct CatalogDataset {
    DatasetKind kind;
    Problem problem;
    int classes;       // 0 regression, 2 binary, K >= 3 softmax
    std::string label; // the menu's name
    int columns;       // 0: plane data (inputs: the features); else input columns
};

// A problem kind: "binary", "multiclass" or "regression", with an example dataset of it.
struct CatalogKind {
    std::string name;
    std::vector<Loss> losses;         // accepted by check_consistency (Auto first)
    std::vector<std::string> outputs; // accepted outputActivation values ("" = none: automatic)
    Loss auto_loss;                   // what loss=auto trains with
    std::string auto_output; // the output activation with no outputActivation and auto loss
};

struct Catalog {
    std::vector<CatalogDataset> datasets; // the generated sets, in menu order (not "custom")
    std::vector<int> features;            // Feature values, in input order
    std::vector<CatalogKind> kinds;
    std::vector<std::string> live_keys;
};

Catalog make_catalog();

// The training points a config's generated dataset has (its dataset, noise, seed and split), for a
// thumbnail: no network is built. Empty for custom points and the worked example.
std::vector<Point> dataset_preview(const Config& c);

} // namespace bp
