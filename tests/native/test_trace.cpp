// test_trace.cpp: the step-through trace (one sample) against the batch code path and finite
// differences; the worked-example preset against an independent derivation; divergence guard,
// gradient health, gradient check of the live network.
#include "config/config_codec.h"
#include "engine/gradcheck.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>

using namespace bp;

namespace {
using bp_test::make;
} // namespace

TEST_CASE("a one-sample trace equals the batch path's column for that sample") {
    auto s = make("networkShape=5,3&activation=relu&xSquared=true&sinY=true&seed=4");
    s->train_epochs(3);
    Network<float>& net = s->network();
    const auto& train = s->data().train;
    // batch of 8 training points through forward/backward; then trace point 5 alone
    const int B = 8, F = (int)s->features().size(), cap = net.capacity();
    std::vector<float> x1(B), x2(B), f((std::size_t)F * B), x((std::size_t)F * 8, 0.0f);
    std::vector<float> y((std::size_t)net.n_outputs() * cap, 0.0f);
    for (int k = 0; k < B; ++k) {
        x1[k] = train[k].x1;
        x2[k] = train[k].x2;
        write_target(s->model(), train[k].label, y.data(), cap, k);
    }
    compute_features(s->features(), x1.data(), x2.data(), B, f.data());
    std::copy(f.begin(), f.end(), x.begin());
    SampleTrace t;
    REQUIRE(s->trace(false, 5, t) == "");
    net.zero_grads();
    net.forward(x.data(), B, B);
    net.backward(x.data(), B, y.data(), B);
    std::size_t row = 0;
    for (int l = 0; l < net.num_layers(); ++l)
        for (int j = 0; j < net.layers()[l].n_out; ++j, ++row) {
            CHECK(t.z[row] == net.z(l)[j * cap + 5]);
            CHECK(t.a[row] == net.a(l)[j * cap + 5]);
            CHECK(t.delta[row] == net.dz(l)[j * cap + 5]);
        }
    net.zero_grads();
    CHECK(t.input[2] == train[5].x1 * train[5].x1);
}

TEST_CASE("a trace's gradients equal float64 finite differences of that sample's loss") {
    for (const char* h : {"networkShape=4,3&activation=tanh&seed=1",
                          "networkShape=3&activation=sigmoid&loss=bce&seed=2",
                          "dataset=blobs3&networkShape=4&seed=3",
                          "problem=regression&networkShape=3&activation=leakyrelu&seed=5"}) {
        auto s = make(h);
        s->train_epochs(2);
        SampleTrace t;
        REQUIRE(s->trace(true, 3, t) == "");
        GradCheckBatch b;
        b.B = 1;
        b.x.assign(t.input.begin(), t.input.end());
        b.y.assign(t.target.begin(), t.target.end());
        std::vector<double> p(t.params_before.begin(), t.params_before.end());
        GradCheckResult r = grad_check(s->model().net, p, b, Regularization::None, 0);
        std::vector<double> g(t.grad.begin(), t.grad.end());
        CAPTURE(h);
        CHECK(max_rel_error(g, r.numeric) < 1e-3); // float32 backprop vs float64 differences
        CHECK(r.checked > 0);
    }
}

// Independent derivation in test_gradcheck.cpp (float64 Python of the tutorial's formulas):
// z1 = (0.35, 0.75, 1.15), a1 = (0.586618, 0.679179, 0.759511), z2 = 1.129943, a2 = 0.755828,
// L = 0.279941, delta2 = -0.244172, delta1 = (-0.023684, -0.026602, -0.026759),
// dL/dW2 = (-0.143235, -0.165836, -0.185451), dL/dW1[0] = (-0.011842, -0.023684).
TEST_CASE("worked-example preset: the 2-3-1 tutorial network, its point and every number") {
    auto s = make("preset=worked-example&learningRate=0.5");
    CHECK(s->config().network_shape == std::vector<int>{3});
    REQUIRE(s->data().train.size() == 1);
    SampleTrace t;
    REQUIRE(s->trace(false, 0, t) == "");
    const double z1[] = {0.35, 0.75, 1.15}, a1[] = {0.586618, 0.679179, 0.759511},
                 d1[] = {-0.023684, -0.026602, -0.026759};
    for (int j = 0; j < 3; ++j) {
        CHECK(t.z[j] == doctest::Approx(z1[j]).epsilon(1e-6));
        CHECK(t.a[j] == doctest::Approx(a1[j]).epsilon(1e-5));
        CHECK(t.delta[j] == doctest::Approx(d1[j]).epsilon(1e-4));
    }
    CHECK(t.z[3] == doctest::Approx(1.129943).epsilon(1e-6));
    CHECK(t.a[3] == doctest::Approx(0.755828).epsilon(1e-6));
    CHECK(t.loss == doctest::Approx(0.279941).epsilon(1e-5));
    CHECK(t.delta[3] == doctest::Approx(-0.244172).epsilon(1e-5));
    CHECK(t.grad[9] == doctest::Approx(-0.143235).epsilon(1e-5));
    CHECK(t.grad[11] == doctest::Approx(-0.185451).epsilon(1e-5));
    CHECK(t.grad[0] == doctest::Approx(-0.011842).epsilon(1e-4));
    CHECK(t.grad[1] == doctest::Approx(-0.023684).epsilon(1e-4));
    CHECK(t.params_after[9] == doctest::Approx(0.471618).epsilon(1e-5)); // lr 0.5
    CHECK(t.params_after[12] == doctest::Approx(0.222086).epsilon(1e-5));
    // training one step gives the same weights; reset brings the tutorial's weights back
    s->train_batch();
    CHECK(s->network().params[9] == t.params_after[9]);
    s->reset();
    CHECK(s->network().params[9] == 0.4f);
}

TEST_CASE("divergence: a non-finite update is undone and training stops until reset") {
    // TensorFlow Playground's NaN case (ReLU, learning rate 10, spiral) saturates our tanh output
    // instead (its tanh overflows to Infinity/Infinity): the loss stays finite.
    auto c = make("dataset=spiral&activation=relu&learningRate=10&networkShape=8,8&seed=1");
    c->train_epochs(50);
    CHECK(std::isfinite(c->metrics().train_loss));
    // A linear output has nothing to saturate: the weights overflow.
    auto s = make("problem=regression&activation=relu&learningRate=10&networkShape=8,8&seed=1");
    s->train_epochs(200);
    REQUIRE(s->diverged());
    for (float v : s->network().params) CHECK(std::isfinite(v));
    const long e = s->epoch();
    s->train_epochs(5);
    CHECK(s->epoch() == e);
    // the weights kept are exactly those before the update that overflowed (default SGD: the
    // step taken layer by layer inside backward, in dense_backward.cpp's fused kernel on the
    // 32-wide layers; momentum: the copy-then-step path)
    for (const char* opt : {"sgd", "momentum"})
        for (const char* shape : {"8,8", "32,32"}) {
            auto d = make(std::string("problem=regression&activation=relu&learningRate=10&seed=1") +
                          "&networkShape=" + shape + "&optimizer=" + opt);
            std::vector<float> before;
            for (int k = 0; k < 100000 && !d->diverged(); ++k) {
                before.assign(d->network().params.begin(), d->network().params.end());
                d->train_batch();
            }
            CAPTURE(opt);
            const std::string net = shape;
            CAPTURE(net);
            REQUIRE(d->diverged());
            REQUIRE(before.size() == d->network().params.size());
            CHECK(std::memcmp(before.data(), d->network().params.data(),
                              before.size() * sizeof(float)) == 0);
        }
    s->reset();
    CHECK(!s->diverged());
    s->set_learning_rate(0.01); // what the hint tells the user to do
    s->train_epochs(1);
    CHECK(s->epoch() == 1);
    CHECK(std::isfinite(s->metrics().train_loss));
}

TEST_CASE("gradient health: a deep sigmoid net's first layers get tiny gradients") {
    auto s = make("activation=sigmoid&networkShape=8,8,8,8,8,8&seed=3");
    auto h = s->health();
    REQUIRE(h.size() == 7);
    CHECK(h[0].grad_norm < h[5].grad_norm / 10); // vanishing gradients, as tutorials show
    auto r = make("activation=relu&networkShape=4&initZero=true&seed=1");
    CHECK(r->health()[0].inactive_fraction == 1.0); // all-zero weights: every ReLU outputs 0
}

TEST_CASE("gradient check of the live network") {
    auto s = make("networkShape=4,2&seed=8&regularization=L2&regularizationRate=0.01");
    s->train_epochs(2);
    double err = 1;
    std::string where;
    std::size_t checked = 0, skipped = 0;
    REQUIRE(s->grad_check(err, where, checked, skipped) == "");
    CHECK(err < 1e-3);
    CHECK(checked == s->network().params.size());
    CHECK(where.size() > 0);
}
