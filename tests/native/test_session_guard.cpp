// test_session_guard.cpp: the divergence guard of plain SGD's step inside backward (session.h,
// Snapshot). Within one training call of many batches, a failed update must leave exactly the
// weights, position, epoch and update count that the same batches trained one call at a time
// leave; there each call's snapshot is the state just before its batch, so nothing is trained
// again, and the weights kept are the ones recorded before the failing batch. The runs cross
// epoch ends, batches carried across an epoch's end (a batch size that does not divide the 120
// points: those updates take the copy-then-step path), dropout (the batches trained again must
// draw the same masks), and 32-wide layers (dense_backward.cpp's fused kernel).
#include "session/session.h"
#include "session_from_hash.h"
#include <cstring>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using bp_test::make;

TEST_CASE(
    "divergence inside one call of many batches keeps the weights from before the failed update") {
    struct Case {
        const char* hash;
        long min_epochs; // the failing update's epoch is at least this (the run crosses epoch ends)
    };
    const Case cases[] = {
        {"activation=relu&learningRate=3&networkShape=8,8", 2},
        {"activation=relu&learningRate=3&networkShape=8,8&dropout=0.2", 2},
        {"activation=tanh&learningRate=3&networkShape=8,8&batchSize=7", 1},
        {"activation=relu&learningRate=5&networkShape=8,8&dropout=0.2", 2},
        {"activation=relu&learningRate=0.2&networkShape=32,32", 0},
        {"activation=relu&learningRate=0.1&networkShape=32,32&dropout=0.2", 0},
        {"activation=tanh&learningRate=0.3&networkShape=32,32&batchSize=7", 2},
        {"activation=relu&learningRate=0.1&networkShape=32,32&batchSize=3&dropout=0.1", 0},
    };
    for (const Case& c : cases) {
        const std::string hash =
            std::string("problem=regression&seed=2&percTrainData=10&") + c.hash;
        CAPTURE(hash);
        // one batch per call: the weights before each batch, the last ones before the failure
        auto a = make(hash);
        std::vector<float> before;
        for (int k = 0; k < 100000 && !a->diverged(); ++k) {
            before.assign(a->network().params.begin(), a->network().params.end());
            a->train_batch();
        }
        REQUIRE(a->diverged());
        CAPTURE(a->updates());
        REQUIRE(a->updates() >= 3); // at least two batches between the snapshot and the failure
        REQUIRE(a->epoch() >= c.min_epochs);
        // the same run in one call
        auto b = make(hash);
        b->train_epochs(100000);
        REQUIRE(b->diverged());
        CHECK(b->epoch() == a->epoch());
        CHECK(b->updates() == a->updates());
        CHECK(b->position() == a->position());
        REQUIRE(b->network().params.size() == before.size());
        CHECK(std::memcmp(b->network().params.data(), before.data(),
                          before.size() * sizeof(float)) == 0);
        // and in calls of a few batches each (each call its own snapshot)
        auto d = make(hash);
        while (!d->diverged() && d->updates() < 100000) d->train_batches(5);
        CHECK(d->updates() == a->updates());
        CHECK(std::memcmp(d->network().params.data(), before.data(),
                          before.size() * sizeof(float)) == 0);
    }
}
