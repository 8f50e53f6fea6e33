// test_variants.cpp: what a compare or a sweep runs (session/variants.h, issue 16): every
// combination of the axes' values as its own config, labelled, with its work per epoch counted by
// hand below, whether it starts from the same weights, and the refusals that name the limit.
#include "config/config_codec.h"
#include "config/config_schema.h"
#include "session/session.h"
#include "session/variants.h"
#include <doctest/doctest.h>
#include <string>

using namespace bp;

namespace {

Config parsed(const std::string& hash) {
    ParseResult r = parse_hash(hash);
    REQUIRE(r.errors.empty());
    return r.config;
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("variants: a compare of three optimizers is three configs with the same weights") {
    Config base = parsed("seed=7&compare=optimizer:sgd,momentum,adam&learningRate=0.01");
    VariantPlan p = plan_variants(base, false);
    REQUIRE(p.error == "");
    REQUIRE(p.runs.size() == 3);
    CHECK(p.epochs == 0);
    const Optimizer want[] = {Optimizer::SGD, Optimizer::Momentum, Optimizer::Adam};
    for (int i = 0; i < 3; ++i) {
        const VariantRun& r = p.runs[i];
        Config expected = base; // the base with the optimizer set by hand, no compare key
        expected.compare.clear();
        expected.optimizer = want[i];
        Config got = parsed(r.hash);
        CHECK(schema::first_difference(got, expected) == "");
        CHECK(r.cell == std::vector<int>{i});
        CHECK(r.same_init); // init depends on the seed and the shapes only (engine/init.h)
        CHECK(!contains(r.hash, "compare="));
    }
    CHECK(p.runs[2].label == "optimizer=adam");
    // Default net, 2 inputs, 4,2, 1 output, 250 training points (500 x 50 %). Per sample:
    // forward 2*4 + 4*2 + 2*1 = 18, weight gradients 18 again, deltas back to the first hidden
    // layer 4*2 + 2*1 = 10: 46 multiply-adds, 11,500 an epoch.
    CHECK(p.runs[0].multiply_adds == 11500);
    CHECK(p.runs[0].params == 2 * 4 + 4 + 4 * 2 + 2 + 2 * 1 + 1);
}

TEST_CASE("variants: two axes in row-major order; shapes that differ say so") {
    Config base = parsed("sweep=learningRate:0.01,0.1,1;networkShape:2|4,4&sweepEpochs=40");
    VariantPlan p = plan_variants(base, true);
    REQUIRE(p.error == "");
    REQUIRE(p.runs.size() == 6);
    CHECK(p.epochs == 40);
    CHECK(p.runs[1].cell == std::vector<int>{0, 1});
    CHECK(p.runs[1].label == "learningRate=0.01, networkShape=4,4");
    CHECK(parsed(p.runs[1].hash).network_shape == std::vector<int>{4, 4});
    CHECK(parsed(p.runs[4].hash).learning_rate == 1);
    CHECK(p.runs[2].same_init);  // shape 2 again, another learning rate
    CHECK(!p.runs[1].same_init); // shape 4,4: other weights
    CHECK(!contains(p.runs[0].hash, "sweepEpochs"));
    double sum = 0;
    for (const VariantRun& r : p.runs) sum += 40 * r.multiply_adds;
    CHECK(p.total_multiply_adds == sum);
    CHECK(plan_variants(base, false).error == "compare: the link has no compare key");
}

TEST_CASE("variants: refusals name the variant or the work bound") {
    VariantPlan p = plan_variants(parsed("compare=loss:square,softmax"), false);
    CHECK(contains(p.error, "compare: the variant loss=softmax cannot be built"));
    CHECK(p.runs.empty());
    // 2 runs of 16 x 256 for 1000 epochs. Weights 2*256 + 15*256*256 + 256*1 = 983,808; per
    // sample 2*512 + 3*(983,040 + 256) = 2,950,912; x 250 points x 1000 epochs x 2 = 1.475e12.
    p = plan_variants(parsed("networkShape=256,256,256,256,256,256,256,256,256,256,256,256,256,"
                             "256,256,256&sweep=optimizer:sgd,adam&sweepEpochs=1000"),
                      true);
    CHECK(contains(p.error, "sweep: 2 runs x 1000 epochs need 1.48e+12 multiply-adds; allowed: "
                            "at most 2e+11"));
    CHECK(p.runs.empty());
}
