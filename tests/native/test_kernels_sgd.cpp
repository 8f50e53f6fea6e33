// test_kernels_sgd.cpp: dense_backward_sgd (the backward with plain SGD's step fused into dW)
// against the two passes it replaces, each pinned elsewhere: the naive twin of dense_backward
// (test_kernels*.cpp) into a zeroed dW, then optimizer.h's sgd_step_guarded (test_optimizer.cpp,
// against the formula). Bit for bit at the wide tile edges, with dead weights and without dx, and
// the divergence verdict when a step overflows.
#include "engine/dense.h"
#include "engine/optimizer.h"
#include "engine/rng.h"
#include "kernel_inputs.h"
#include <cmath>
#include <cstdint>
#include <cstring>
#include <doctest/doctest.h>
#include <vector>

using namespace bp;

namespace {
using bp_test::random_vec;
using bp_test::same_bits;

struct Case {
    int n_in, n_out, B0;
    bool with_dx;
    double lr;
    float dz_scale = 1.0f;
};

// Runs the fused kernel and the two passes on the same random layer; returns whether the fused
// path was taken. Every output (W, dx, db, the verdict) must match bit for bit.
bool check(const Case& c, Rng& r, bool* finite_out = nullptr) {
    const int n_in = c.n_in, n_out = c.n_out, B = (c.B0 + 3) & ~3;
    const std::size_t ld = 256, nw = (std::size_t)n_in * n_out;
    auto W1 = random_vec(nw, r), x = random_vec(n_in * ld, r, 2.0f),
         dz = random_vec(n_out * ld, r, c.dz_scale);
    for (int j = 0; j < n_out; ++j)
        for (int s = c.B0; s < (int)ld; ++s) dz[j * ld + s] = 0; // zero-padded batch
    std::vector<uint8_t> dead(nw);
    for (auto& d : dead) d = r.uniform() < 0.1; // some lanes of some tiles, whole tiles rarely
    auto W2 = W1, db1 = random_vec(n_out, r), db2 = db1;
    std::vector<float> dW2(nw, 0.0f);
    std::vector<float> dx1(n_in * ld, 5.0f), dx2 = dx1;
    bool finite1 = true;
    const DenseSgd sgd{sgd_scale<float>(c.lr, c.B0), dead.data()};
    const bool fused =
        dense_backward_sgd(W1.data(), x.data(), ld, dz.data(), ld, c.with_dx ? dx1.data() : nullptr,
                           ld, db1.data(), n_in, n_out, B, sgd, finite1);
    if (!fused) return false;
    dense_backward_naive(W2.data(), x.data(), ld, dz.data(), ld, c.with_dx ? dx2.data() : nullptr,
                         ld, dW2.data(), db2.data(), n_in, n_out, B);
    OptimizerParams o;
    o.lr = c.lr;
    const bool finite2 =
        sgd_step_guarded<float>(o, W2.data(), dW2.data(), c.B0, dead.data(), nw, nullptr);
    CAPTURE(n_in);
    CAPTURE(n_out);
    CAPTURE(c.B0);
    CAPTURE(c.with_dx);
    REQUIRE(same_bits(W1, W2));
    REQUIRE(same_bits(dx1, dx2)); // dx from the weights before the step
    REQUIRE(same_bits(db1, db2));
    REQUIRE(finite1 == finite2);
    if (finite_out) *finite_out = finite1;
    return true;
}
} // namespace

TEST_CASE("dense_backward_sgd equals the naive backward then sgd_step_guarded, bit for bit") {
    Rng r(404);
    int fused = 0;
    for (int n_in : {1, 3, 4, 5, 8, 9, 17, 255, 256, 257})
        for (int n_out : {16, 17, 255, 256})
            for (int B0 : {1, 3, 4, 7, 10, 12, 13, 16})
                for (bool with_dx : {true, false})
                    fused += check({n_in, n_out, B0, with_dx, 0.03}, r);
    // takes_small: B <= 16 and n_out >= 16; every case above qualifies
    CHECK(fused == 10 * 4 * 8 * 2);
}

TEST_CASE("dense_backward_sgd leaves layers outside its path untouched and says so") {
    Rng r(405);
    for (const Case& c : {Case{256, 8, 10, true, 0.03}, Case{256, 256, 17, true, 0.03},
                          Case{600, 256, 10, true, 0.03}}) {
        const std::size_t nw = (std::size_t)c.n_in * c.n_out, ld = 256;
        auto W = random_vec(nw, r), x = random_vec(c.n_in * ld, r),
             dz = random_vec(c.n_out * ld, r);
        const auto W0 = W;
        std::vector<uint8_t> dead(nw, 0);
        std::vector<float> db(c.n_out, 0.0f), dx(c.n_in * ld, 5.0f);
        const auto db0 = db, dx0 = dx;
        bool finite = true;
        CAPTURE(c.n_in);
        CAPTURE(c.n_out);
        REQUIRE_FALSE(dense_backward_sgd(W.data(), x.data(), ld, dz.data(), ld, dx.data(), ld,
                                         db.data(), c.n_in, c.n_out, (c.B0 + 3) & ~3,
                                         {sgd_scale<float>(0.03, c.B0), dead.data()}, finite));
        REQUIRE(same_bits(W, W0));
        REQUIRE(same_bits(db, db0));
        REQUIRE(same_bits(dx, dx0));
        REQUIRE(finite);
    }
}

TEST_CASE("dense_backward_sgd reports a step that overflows, as the separate guard does") {
    // lr 1e38 on mean gradients of order 100: nearly every step leaves float's range (3.4e38).
    Rng r(406);
    for (int n_in : {5, 256})
        for (int B0 : {4, 10}) {
            bool finite = true;
            REQUIRE(check({n_in, 256, B0, true, 1e38, 100.0f}, r, &finite));
            REQUIRE_FALSE(finite);
        }
    bool finite = false;
    REQUIRE(check({256, 256, 10, true, 0.03}, r, &finite));
    REQUIRE(finite);
}
