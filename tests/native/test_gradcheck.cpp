// test_gradcheck.cpp: backprop against float64 central differences for every hidden activation x
// loss x depth (0, 1, 3 hidden layers) x regularizer; and the classic 2-3-1 worked example against
// a derivation done here by hand algebra.
#include "config/config.h" // name_of, for messages
#include "engine/gradcheck.h"
#include "engine/optimizer.h"
#include "engine/rng.h"
#include <cmath>
#include <doctest/doctest.h>

using namespace bp;

namespace {

GradCheckBatch make_batch(const NetSpec& spec, int B, Rng& r) {
    GradCheckBatch b;
    b.B = B;
    const int n_out = spec.sizes.back();
    for (int k = 0; k < spec.n_inputs * B; ++k) b.x.push_back(r.uniform(-2, 2));
    b.y.assign((std::size_t)n_out * B, 0.0);
    for (int s = 0; s < B; ++s) {
        if (spec.loss == Loss::SoftmaxCE)
            b.y[(std::size_t)r.below(n_out) * B + s] = 1.0;
        else if (spec.loss == Loss::BCE)
            b.y[s] = r.below(2);
        else
            b.y[s] = r.below(2) ? 1.0 : -1.0;
    }
    return b;
}

std::vector<double> random_params(const NetSpec& spec, Rng& r) {
    Network<double> net(spec);
    std::vector<double> p(net.params.size());
    for (double& v : p) v = r.uniform(-1, 1);
    return p;
}

} // namespace

TEST_CASE("gradient check: every activation x loss x depth x regularizer") {
    const Activation hidden[] = {Activation::ReLU, Activation::Tanh, Activation::Sigmoid,
                                 Activation::Linear, Activation::LeakyReLU};
    struct L {
        Loss loss;
        Activation out;
        int n_out;
    };
    const L losses[] = {
        {Loss::Square, Activation::Tanh, 1},    {Loss::Square, Activation::Linear, 1},
        {Loss::Square, Activation::Sigmoid, 1}, {Loss::Abs, Activation::Tanh, 1},
        {Loss::BCE, Activation::Sigmoid, 1},    {Loss::SoftmaxCE, Activation::Softmax, 3}};
    const std::vector<int> depths[] = {{}, {5}, {4, 3, 5}};
    const Regularization regs[] = {Regularization::None, Regularization::L1, Regularization::L2};
    Rng r(2024);
    double worst64 = 0, worst32 = 0;
    int combos = 0;
    for (Activation h : hidden)
        for (const L& l : losses)
            for (const auto& d : depths)
                for (Regularization reg : regs) {
                    NetSpec spec;
                    spec.n_inputs = 3;
                    spec.sizes = d;
                    spec.sizes.push_back(l.n_out);
                    spec.activations.assign(d.size(), h);
                    spec.activations.push_back(l.out);
                    spec.loss = l.loss;
                    spec.leaky_alpha = 0.1;
                    auto p = random_params(spec, r);
                    auto b = make_batch(spec, 7, r);
                    GradCheckResult res = grad_check(spec, p, b, reg, 0.03);
                    CAPTURE(std::string(name_of(h)));
                    CAPTURE(std::string(name_of(l.loss)));
                    CAPTURE(d.size());
                    CAPTURE(std::string(name_of(reg)));
                    CAPTURE(res.worst_index);
                    CAPTURE(res.backprop[res.worst_index]);
                    CAPTURE(res.numeric[res.worst_index]);
                    CHECK(res.checked > res.skipped); // kinks are rare: most parameters are checked
                    CHECK(res.max_rel_error < 1e-6);
                    worst64 = std::max(worst64, res.max_rel_error);
                    worst32 = std::max(
                        worst32,
                        max_rel_error(backprop_gradient_f32(spec, p, b, reg, 0.03), res.numeric));
                    ++combos;
                }
    MESSAGE("gradient check over " << combos << " combinations: float64 worst relative error "
                                   << worst64 << ", float32 backprop vs float64 FD " << worst32);
    CHECK(worst32 < 1e-3);
}

TEST_CASE("gradient check notices a wrong gradient") {
    // The check must be able to fail: perturb one backprop value and see the error jump.
    NetSpec spec;
    spec.n_inputs = 2;
    spec.sizes = {3, 1};
    spec.activations = {Activation::Tanh, Activation::Tanh};
    spec.loss = Loss::Square;
    Rng r(9);
    auto p = random_params(spec, r);
    auto b = make_batch(spec, 5, r);
    GradCheckResult res = grad_check(spec, p, b, Regularization::None, 0);
    CHECK(res.max_rel_error < 1e-6);
    res.backprop[4] *= 1.01;
    CHECK(max_rel_error(res.backprop, res.numeric) > 1e-3);
}

// The worked example of many backprop tutorials: 2-3-1, sigmoid everywhere, binary cross-entropy.
// x = (0.5, 1), y = 1, W1 = [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], b1 = (0.1, 0.2, 0.3),
// W2 = (0.4, 0.5, 0.6), b2 = 0.1. Derivation (formulas by hand; the numbers, to 6 places, from a
// separate float64 Python evaluation of these formulas; the test recomputes the formulas in double
// with std::exp and checks both. Several tutorials print a2 = 0.7557 here: it is 0.755828):
//   z1 = W1 x + b1 = (0.05+0.2+0.1, 0.15+0.4+0.2, 0.25+0.6+0.3) = (0.35, 0.75, 1.15)
//   a1 = sigma(z1) = (0.586618, 0.679179, 0.759511)
//   z2 = 0.4 a1_1 + 0.5 a1_2 + 0.6 a1_3 + 0.1 = 1.129943,  a2 = sigma(z2) = 0.755828
//   L  = -log(a2) = 0.279941                     (y = 1)
//   delta2 = dL/dz2 = a2 - y = -0.244172         (sigmoid + BCE: the a(1-a) factors cancel)
//   dL/dW2 = delta2 a1 = (-0.143235, -0.165836, -0.185451),  dL/db2 = -0.244172
//   delta1 = delta2 W2 .* a1 (1 - a1) = (-0.023684, -0.026602, -0.026759)
//   dL/dW1 = delta1 x^T: rows (-0.011842, -0.023684), (-0.013301, -0.026602), (-0.013380,
//   -0.026759) SGD, lr = 0.5: W2' = W2 - 0.5 dL/dW2 = (0.471618, 0.582918, 0.692726), b2' =
//   0.222086
//                  W1'[0] = (0.105921, 0.211842), b1' = (0.111842, 0.213301, 0.313380)
TEST_CASE("worked example 2-3-1 sigmoid + BCE: forward, loss, gradients, one SGD step") {
    auto sig = [](double z) { return 1.0 / (1.0 + std::exp(-z)); };
    const double x[2] = {0.5, 1.0}, W1[3][2] = {{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}},
                 b1[3] = {0.1, 0.2, 0.3}, W2[3] = {0.4, 0.5, 0.6}, b2 = 0.1;
    double z1[3], a1[3], d1[3];
    for (int j = 0; j < 3; ++j) {
        z1[j] = W1[j][0] * x[0] + W1[j][1] * x[1] + b1[j];
        a1[j] = sig(z1[j]);
    }
    const double z2 = W2[0] * a1[0] + W2[1] * a1[1] + W2[2] * a1[2] + b2, a2 = sig(z2);
    const double L = -std::log(a2), d2 = a2 - 1.0;
    for (int j = 0; j < 3; ++j) d1[j] = d2 * W2[j] * a1[j] * (1 - a1[j]);
    // the hand-derived numbers above
    CHECK(z2 == doctest::Approx(1.129943).epsilon(1e-6));
    CHECK(a2 == doctest::Approx(0.755828).epsilon(1e-6));
    CHECK(L == doctest::Approx(0.279941).epsilon(1e-5));
    CHECK(d1[0] == doctest::Approx(-0.023684).epsilon(1e-4));
    CHECK(d1[2] == doctest::Approx(-0.026759).epsilon(1e-4));

    NetSpec spec;
    spec.n_inputs = 2;
    spec.sizes = {3, 1};
    spec.activations = {Activation::Sigmoid, Activation::Sigmoid};
    spec.loss = Loss::BCE;
    std::vector<double> p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.1};
    GradCheckBatch b;
    b.B = 1;
    b.x = {0.5, 1.0};
    b.y = {1.0};
    for (int prec = 0; prec < 2; ++prec) {
        auto g = prec == 0 ? backprop_gradient(spec, p, b, Regularization::None, 0)
                           : backprop_gradient_f32(spec, p, b, Regularization::None, 0);
        const double tol = prec == 0 ? 1e-12 : 1e-6;
        CAPTURE(prec);
        for (int j = 0; j < 3; ++j) {
            CHECK(std::fabs(g[2 * j] - d1[j] * x[0]) < tol);
            CHECK(std::fabs(g[2 * j + 1] - d1[j] * x[1]) < tol);
            CHECK(std::fabs(g[6 + j] - d1[j]) < tol);
            CHECK(std::fabs(g[9 + j] - d2 * a1[j]) < tol);
        }
        CHECK(std::fabs(g[12] - d2) < tol);
    }
    // Forward values and loss through the engine
    Network<double> net(spec);
    for (std::size_t k = 0; k < p.size(); ++k) net.params[k] = p[k];
    net.reserve(4);
    double xin[8] = {0.5, 0, 0, 0, 1.0, 0, 0, 0}, y[4] = {1, 0, 0, 0};
    net.forward(xin, 4, 1);
    const int cap = net.capacity();
    for (int j = 0; j < 3; ++j) {
        CHECK(net.z(0)[j * cap] == doctest::Approx(z1[j]).epsilon(1e-14));
        CHECK(net.a(0)[j * cap] == doctest::Approx(a1[j]).epsilon(1e-14));
    }
    CHECK(net.a(1)[0] == doctest::Approx(a2).epsilon(1e-14));
    CHECK(net.loss_sum(y, 1) == doctest::Approx(L).epsilon(1e-12));
    // One SGD step, lr 0.5
    net.zero_grads();
    net.backward(xin, 4, y, 1);
    OptimizerParams o;
    o.lr = 0.5;
    OptimizerState<double> st;
    st.reset(p.size());
    optimizer_step(o, st, net.params.data(), net.grads.data(), 1, net.is_weight.data(),
                   net.dead.data(), p.size());
    CHECK(net.params[9] == doctest::Approx(0.471618).epsilon(1e-5));
    CHECK(net.params[10] == doctest::Approx(0.582918).epsilon(1e-5));
    CHECK(net.params[11] == doctest::Approx(0.692726).epsilon(1e-5));
    CHECK(net.params[12] == doctest::Approx(0.222086).epsilon(1e-5));
    CHECK(net.params[0] == doctest::Approx(0.105921).epsilon(1e-5));
    CHECK(net.params[1] == doctest::Approx(0.211842).epsilon(1e-5));
    CHECK(net.params[6] == doctest::Approx(0.111842).epsilon(1e-5));
    CHECK(net.params[8] == doctest::Approx(0.313380).epsilon(1e-5));
}
