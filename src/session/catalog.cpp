// catalog.cpp: make_catalog (contract in catalog.h). The loss and output lists come from asking
// check_consistency about each value on an example config of each kind, not from a second list of
// the rules.
#include "catalog.h"
#include "../config/config_codec.h"
#include "../config/config_keys.h"
#include "../config/config_schema.h"
#include "../config/dataset_table.h"
#include "../data/features.h"
#include "model_spec.h"

namespace bp {
using namespace config_keys;

namespace {

bool accepted(const Config& c, const char* key) {
    for (const ConfigIssue& i : check_consistency(c))
        if (i.key == key) return false;
    return true;
}

// The default config with problem p and dataset d.
Config example(Problem p, DatasetKind d) {
    Config c;
    c.problem = p;
    (p == Problem::Regression ? c.reg_dataset : c.dataset) = d;
    return c;
}

CatalogKind kind_of(const char* name, Problem p, DatasetKind d) {
    const Config c = example(p, d);
    CatalogKind k{name, {}, {}, loss_in_force(c), name_of(output_in_force(c))};
    for (Loss l : kLosses) {
        Config t = c;
        t.loss = l;
        if (accepted(t, "loss")) k.losses.push_back(l);
    }
    k.outputs.push_back("");
    for (Activation a : kOutputActivations) {
        Config t = c;
        t.output_activation = a;
        if (accepted(t, "outputActivation")) k.outputs.push_back(name_of(a));
    }
    return k;
}

} // namespace

Catalog make_catalog() {
    Catalog cat;
    auto add = [&](Problem p, const auto& kinds) {
        for (DatasetKind d : kinds) // custom: the user's points, not a menu entry
            if (d != DatasetKind::Custom)
                cat.datasets.push_back({d, p, num_classes(example(p, d)), dataset_info(d).label,
                                        dataset_info(d).columns});
    };
    add(Problem::Classification, kClassDatasets);
    add(Problem::Regression, kRegDatasets);
    for (int f = 0; f < kNumFeatureKinds; ++f) cat.features.push_back(f);
    cat.kinds.push_back(kind_of("binary", Problem::Classification, DatasetKind::Circle));
    cat.kinds.push_back(kind_of("multiclass", Problem::Classification, DatasetKind::Blobs3));
    cat.kinds.push_back(kind_of("regression", Problem::Regression, DatasetKind::RegPlane));
    for (const schema::Key& k : schema::keys())
        if (k.live != schema::Live::Rebuild) cat.live_keys.push_back(k.name);
    return cat;
}

std::vector<Point> dataset_preview(const Config& c) {
    const DatasetKind kind = active_dataset(c);
    if (kind == DatasetKind::Custom || c.preset != Preset::None) return {};
    return make_dataset(kind, c.noise, c.perc_train_data, c.seed).train;
}

} // namespace bp
