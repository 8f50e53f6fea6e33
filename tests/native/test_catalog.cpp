// test_catalog.cpp: the engine's catalog (session/catalog.h) against the rules README states by
// hand (datasets and their classes, which losses and output activations fit which problem, what
// "auto" trains with), and against the codec: every loss or output the catalog offers for a kind
// loads on a dataset of that kind, and every one it leaves out is refused.
#include "config/config_codec.h"
#include "config/config_keys.h"
#include "data/features.h"
#include "session/catalog.h"
#include "session_from_hash.h"
#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {
const CatalogKind& kind(const Catalog& c, const std::string& name) {
    for (const CatalogKind& k : c.kinds)
        if (k.name == name) return k;
    FAIL("no kind " << name);
    return c.kinds[0];
}
std::vector<std::string> loss_names(const CatalogKind& k) {
    std::vector<std::string> v;
    for (Loss l : k.losses) v.push_back(name_of(l));
    return v;
}
using S = std::vector<std::string>;
} // namespace

TEST_CASE("catalog: the generated datasets, their problem and number of classes") {
    const Catalog c = make_catalog();
    std::vector<std::string> got;
    for (const CatalogDataset& d : c.datasets)
        got.push_back(std::string(name_of(d.kind)) + "/" + name_of(d.problem) + "/" +
                      std::to_string(d.classes));
    // TF Playground's binary sets (-1/+1), ours (moons, the function boundaries of TF's issue 252),
    // the softmax sets, Iris (3 species), then TF's regression sets (README)
    CHECK(got == S{"circle/classification/2", "xor/classification/2", "gauss/classification/2",
                   "spiral/classification/2", "moons/classification/2", "sine/classification/2",
                   "cubic/classification/2", "vee/classification/2", "blobs3/classification/3",
                   "blobs4/classification/4", "blobs5/classification/5", "spiral3/classification/3",
                   "iris/classification/3", "reg-plane/regression/0", "reg-gauss/regression/0"});
    for (const CatalogDataset& d : c.datasets) { // Iris alone feeds columns: its 4 measurements
        CAPTURE(name_of(d.kind));
        CHECK(d.columns == (d.kind == DatasetKind::Iris ? 4 : 0));
        CHECK(!d.label.empty());
    }
    REQUIRE(c.features.size() == 7);
    CHECK(std::string(feature_key((Feature)c.features[0])) == "x");
    CHECK(std::string(feature_key((Feature)c.features[6])) == "sinY");
}

TEST_CASE("catalog: losses and outputs per problem kind, and what auto trains with") {
    const Catalog c = make_catalog();
    // README: bce needs two classes, softmax cross-entropy several; regression takes neither
    CHECK(loss_names(kind(c, "binary")) == S{"auto", "square", "bce", "abs"});
    CHECK(loss_names(kind(c, "multiclass")) == S{"auto", "softmax"});
    CHECK(loss_names(kind(c, "regression")) == S{"auto", "square", "abs"});
    CHECK(kind(c, "binary").outputs == S{"", "relu", "tanh", "sigmoid", "linear", "leakyrelu"});
    CHECK(kind(c, "multiclass").outputs == S{"", "softmax"});
    CHECK(kind(c, "regression").outputs == S{"", "relu", "tanh", "sigmoid", "linear", "leakyrelu"});
    // auto: square error on a tanh output (TF Playground), linear for regression, softmax CE for K
    // >= 3
    CHECK(std::string(name_of(kind(c, "binary").auto_loss)) == "square");
    CHECK(kind(c, "binary").auto_output == "tanh");
    CHECK(std::string(name_of(kind(c, "multiclass").auto_loss)) == "softmax");
    CHECK(kind(c, "multiclass").auto_output == "softmax");
    CHECK(std::string(name_of(kind(c, "regression").auto_loss)) == "square");
    CHECK(kind(c, "regression").auto_output == "linear");
}

TEST_CASE("catalog: what it offers loads, what it leaves out is refused (codec)") {
    const Catalog c = make_catalog();
    const std::pair<std::string, std::string> base[] = {
        {"binary", "dataset=spiral"},
        {"multiclass", "dataset=blobs4"},
        {"regression", "problem=regression&regDataset=reg-gauss"}};
    for (const auto& [name, hash] : base) {
        const CatalogKind& k = kind(c, name);
        for (Loss l : config_keys::kLosses) {
            const bool offered = std::find(k.losses.begin(), k.losses.end(), l) != k.losses.end();
            const ParseResult pr = parse_hash(hash + "&loss=" + name_of(l));
            CHECK_MESSAGE((pr.errors.empty() && check_consistency(pr.config).empty()) == offered,
                          name << " loss " << name_of(l));
        }
        for (Activation a : config_keys::kOutputActivations) {
            const bool offered =
                std::find(k.outputs.begin(), k.outputs.end(), name_of(a)) != k.outputs.end();
            const ParseResult pr = parse_hash(hash + "&outputActivation=" + name_of(a));
            CHECK_MESSAGE((pr.errors.empty() && check_consistency(pr.config).empty()) == offered,
                          name << " output " << name_of(a));
        }
    }
}

TEST_CASE("catalog: live keys are the table's live rows") {
    const Catalog c = make_catalog();
    auto has = [&](const char* k) {
        return std::find(c.live_keys.begin(), c.live_keys.end(), k) != c.live_keys.end();
    };
    // README: optimizer, learning rate and stop settings apply to the running network; shape
    // rebuilds
    CHECK(has("learningRate"));
    CHECK(has("optimizer"));
    CHECK(has("stopEpoch"));
    CHECK_FALSE(has("networkShape"));
    CHECK_FALSE(has("dataset"));
}

TEST_CASE(
    "optimizer keys: an optimizer's steps change with the keys listed for it, and only those") {
    // each parameter moved off its default; the weights after 3 epochs tell whether it was read
    const std::pair<const char*, const char*> moved[] = {{"momentum", "0.5"},
                                                         {"beta1", "0.5"},
                                                         {"beta2", "0.9"},
                                                         {"rho", "0.5"},
                                                         {"epsilon", "0.01"}};
    for (const config_keys::OptimizerKeys& ok : config_keys::kOptimizerKeys) {
        const std::string base =
            std::string("seed=3&learningRate=0.1&optimizer=") + name_of(ok.optimizer);
        auto ref = bp_test::make(base);
        ref->train_epochs(3);
        for (const auto& [key, value] : moved) {
            auto s = bp_test::make(base + "&" + key + "=" + value);
            s->train_epochs(3);
            bool listed = false;
            for (const char* k : ok.keys)
                if (k && std::string(k) == key) listed = true;
            const bool same = std::equal(ref->network().params.begin(), ref->network().params.end(),
                                         s->network().params.begin());
            CHECK_MESSAGE(same != listed, name_of(ok.optimizer) << " with " << key << "=" << value);
        }
    }
}
