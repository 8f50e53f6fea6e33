// test_session_slices.cpp: the loss pass in slices (what the page runs on networks whose full
// pass is longer than a frame) gives exactly the losses, accuracies and confusion counts that
// metrics() gave when the slices began, however the points are cut and however much training
// happens between slices; a data change restarts it.
#include "config/config_codec.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <doctest/doctest.h>

using namespace bp;

namespace {

using bp_test::make;

void require_same(const Metrics& a, const Metrics& b) {
    CHECK(a.train_loss == b.train_loss); // bit-identical: same chunks summed in the same order
    CHECK(a.test_loss == b.test_loss);
    CHECK(a.train_accuracy == b.train_accuracy);
    CHECK(a.test_accuracy == b.test_accuracy);
    CHECK(a.train_confusion == b.train_confusion);
    CHECK(a.test_confusion == b.test_confusion);
}

} // namespace

TEST_CASE("sliced loss pass = metrics() at its start, for any slice size, training between") {
    const char* hashes[] = {
        "seed=1",                                                              // binary, tanh
        "dataset=spiral&networkShape=8,8&batchSize=7&seed=2&percTrainData=70", // odd batch
        "dataset=blobs3&seed=3",                                               // softmax, K = 3
        "problem=regression&regDataset=reg-gauss&seed=4",                      // no accuracy
        "batchNorm=true&dropout=0.2&networkShape=6,4&seed=5",                  // eval-mode layers
        "networkShape=256,256,256&seed=6&learningRate=0.001", // > 100,000 weights: 16-point chunks
    };
    for (const std::string hash : hashes) {
        for (int slice : {1, 3, 10, 64, 1000}) {
            CAPTURE(hash);
            CAPTURE(slice);
            auto s = make(hash);
            s->train_epochs(3);
            const Metrics want = s->metrics(); // a copy: training below changes the cached one
            const long epoch = s->epoch();
            s->metrics_slices_begin();
            CHECK(s->metrics_slices_epoch() == epoch);
            Metrics got;
            int steps = 0;
            while (!s->metrics_slices_step(slice, got)) {
                s->train_batch(); // the weights move on; the pass keeps its copy
                REQUIRE(++steps < 2000);
            }
            require_same(got, want);
            const int n = (int)(s->data().train.size() + s->data().test.size());
            if (slice < n) {
                CHECK(steps > 0);                                  // it really was cut into slices
                CHECK(s->metrics().train_loss != want.train_loss); // and training did go on
            }
        }
    }
}

TEST_CASE("a data change restarts the sliced pass on the current weights and data") {
    auto s = make("seed=6");
    s->train_epochs(2);
    s->metrics_slices_begin();
    Metrics got;
    CHECK_FALSE(s->metrics_slices_step(5, got));
    std::vector<Point> pts;
    for (int k = 0; k < 40; ++k)
        pts.push_back({(float)(k % 9) - 4, (float)(k % 7) - 3, k % 2 ? 1.0f : -1.0f});
    REQUIRE(s->set_points(pts).empty());
    const Metrics want = s->metrics();
    while (!s->metrics_slices_step(5, got)) {
    }
    require_same(got, want);
}
