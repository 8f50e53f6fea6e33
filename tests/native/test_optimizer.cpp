// test_optimizer.cpp: every optimizer against updates computed by hand over two steps, Adam's bias
// correction (once per step, not per tensor), and TensorFlow Playground's regularization rules.
#include "engine/optimizer.h"
#include <cmath>
#include <doctest/doctest.h>
#include <vector>

using namespace bp;

namespace {
// One parameter (a weight), gradients g1 = 0.5 then g2 = -0.25, lr = 0.1, starting at 1.
double run_two(Optimizer kind, double* after1 = nullptr) {
    OptimizerParams o;
    o.kind = kind;
    o.lr = 0.1;
    OptimizerState<double> st;
    st.reset(1);
    double p = 1, g;
    uint8_t w = 1, dead = 0;
    g = 0.5;
    optimizer_step(o, st, &p, &g, 1, &w, &dead, 1);
    if (after1) *after1 = p;
    g = -0.25;
    optimizer_step(o, st, &p, &g, 1, &w, &dead, 1);
    return p;
}
} // namespace

TEST_CASE("SGD, momentum, Nesterov, RMSProp, Adam: two steps by hand") {
    double p1;
    // SGD: 1 - 0.1*0.5 = 0.95; 0.95 + 0.1*0.25 = 0.975
    CHECK(run_two(Optimizer::SGD, &p1) == doctest::Approx(0.975).epsilon(1e-12));
    CHECK(p1 == doctest::Approx(0.95).epsilon(1e-12));
    // Momentum 0.9: m1 = 0.5, p1 = 0.95; m2 = 0.45 - 0.25 = 0.2, p2 = 0.95 - 0.02 = 0.93
    CHECK(run_two(Optimizer::Momentum, &p1) == doctest::Approx(0.93).epsilon(1e-12));
    CHECK(p1 == doctest::Approx(0.95).epsilon(1e-12));
    // Nesterov: m1 = 0.5, p1 = 1 - 0.1 (0.5 + 0.45) = 0.905; m2 = 0.2, p2 = 0.905 - 0.1 (-0.25 +
    // 0.18)
    CHECK(run_two(Optimizer::Nesterov, &p1) == doctest::Approx(0.912).epsilon(1e-12));
    CHECK(p1 == doctest::Approx(0.905).epsilon(1e-12));
    // RMSProp rho 0.9: v1 = 0.025, p1 = 1 - 0.05/sqrt(0.025) = 0.683772;
    // v2 = 0.0225 + 0.00625 = 0.02875, p2 = p1 + 0.025/sqrt(0.02875) = 0.831214
    CHECK(run_two(Optimizer::RMSProp, &p1) == doctest::Approx(0.831214).epsilon(1e-6));
    CHECK(p1 == doctest::Approx(0.683772).epsilon(1e-6));
    // Adam: m1 = 0.05, v1 = 0.00025, mhat = 0.5, vhat = 0.25 -> p1 = 1 - 0.1*0.5/0.5 = 0.9;
    // m2 = 0.045 - 0.025 = 0.02, v2 = 0.00024975 + 0.0000625 = 0.00031225,
    // mhat = 0.02/0.19 = 0.1052632, vhat = 0.00031225/0.001999 = 0.1562031, p2 = 0.9 - 0.0266336
    CHECK(run_two(Optimizer::Adam, &p1) == doctest::Approx(0.8733664).epsilon(1e-6));
    CHECK(p1 == doctest::Approx(0.9).epsilon(1e-7));
}

TEST_CASE("Adam's step count advances once per update, whatever the number of tensors") {
    OptimizerParams o;
    o.kind = Optimizer::Adam;
    o.lr = 0.1;
    OptimizerState<double> st;
    st.reset(3);
    double p[3] = {1, 1, 1}, g[3] = {0.5, 0.5, 0.5};
    uint8_t w[3] = {1, 0, 1}, dead[3] = {0, 0, 0};
    optimizer_step(o, st, p, g, 1, w, dead, 3);
    g[0] = g[1] = g[2] = -0.25;
    optimizer_step(o, st, p, g, 1, w, dead, 3);
    CHECK(st.t == 2);
    // every parameter saw the same gradients, so all equal the hand value above
    for (double v : p) CHECK(v == doctest::Approx(0.8733664).epsilon(1e-6));
}

TEST_CASE("gradient sums are averaged over the batch count") {
    OptimizerParams o;
    o.lr = 0.1;
    OptimizerState<double> st;
    st.reset(1);
    double p = 1, gsum = 2.0; // 4 samples, mean gradient 0.5
    uint8_t w = 1, dead = 0;
    optimizer_step(o, st, &p, &gsum, 4, &w, &dead, 1);
    CHECK(p == doctest::Approx(0.95).epsilon(1e-12));
}

TEST_CASE("float SGD (the 4-lane path) equals p - (lr / count) * gsum and skips dead weights") {
    for (int n : {1, 3, 4, 5, 8, 9, 17}) {
        OptimizerParams o;
        o.kind = Optimizer::SGD;
        o.lr = 0.03;
        OptimizerState<float> st;
        st.reset(n);
        std::vector<float> p(n), g(n);
        std::vector<uint8_t> w(n, 1), dead(n, 0);
        for (int k = 0; k < n; ++k) {
            p[k] = 0.1f * k - 0.3f;
            g[k] = 0.37f * (k % 5) - 0.6f;
            dead[k] = k % 7 == 2; // dead weights inside a quad and alone
        }
        const std::vector<float> p0 = p;
        optimizer_step(o, st, p.data(), g.data(), 10, w.data(), dead.data(), (std::size_t)n);
        for (int k = 0; k < n; ++k) {
            // lr / count in double, rounded to float once; then one product and one difference
            const float want = dead[k] ? p0[k] : p0[k] - (float)(0.03 / 10) * g[k];
            CHECK(p[k] == want);
            // the step of the mean gradient, lr * (gsum / count), to float's rounding
            const double exact = dead[k] ? p0[k] : p0[k] - 0.03 * ((double)g[k] / 10);
            CHECK(std::fabs(p[k] - exact) <= 0x1p-23 * std::fabs(exact));
        }
    }
}

TEST_CASE("fused guarded SGD: the same step, a copy of the weights before it, zeroed sums") {
    // the session's default update (sgd_step_guarded): each weight p - (lr / count) * gsum in
    // float, dead ones kept, the old weights in backup, the sums zeroed, and "all finite" reported
    for (int n : {1, 3, 4, 5, 8, 9, 17, 1001}) {
        OptimizerParams o;
        o.kind = Optimizer::SGD;
        o.lr = 0.03;
        std::vector<float> p(n), g(n), backup(n, 9.0f);
        std::vector<uint8_t> dead(n, 0);
        for (int k = 0; k < n; ++k) {
            p[k] = 0.1f * (k % 11) - 0.3f;
            g[k] = 0.37f * (k % 5) - 0.6f;
            dead[k] = k % 7 == 2;
        }
        const std::vector<float> p0 = p, g0 = g;
        CHECK(sgd_step_guarded(o, p.data(), g.data(), 10, dead.data(), (std::size_t)n,
                               backup.data()));
        for (int k = 0; k < n; ++k) {
            const float want = dead[k] ? p0[k] : p0[k] - (float)(0.03 / 10) * g0[k];
            CHECK(p[k] == want);
            CHECK(backup[k] == p0[k]);
            CHECK(g[k] == 0.0f);
        }
        // one weight driven to infinity (lr 10: 10 * -1e38 overflows float to -inf, and
        // 3e38 - -inf is inf), in each lane position
        o.lr = 10;
        for (int bad : {0, n / 2, n - 1}) {
            std::vector<float> q(n, 3e38f), h(n, 0.0f), b2(n);
            std::vector<uint8_t> none(n, 0);
            h[bad] = -1e38f;
            CAPTURE(n);
            CAPTURE(bad);
            CHECK_FALSE(
                sgd_step_guarded(o, q.data(), h.data(), 1, none.data(), (std::size_t)n, b2.data()));
            CHECK(b2[bad] == 3e38f);
            CHECK(std::isinf(q[bad]));
        }
    }
}

TEST_CASE("L2 and L1: once per update, weights only, from the weight before the step") {
    OptimizerParams o;
    o.lr = 0.1;
    o.reg = Regularization::L2;
    o.reg_rate = 0.5;
    OptimizerState<double> st;
    st.reset(2);
    double p[2] = {1.0, 1.0}, g[2] = {0.2, 0.2};
    uint8_t w[2] = {1, 0}, dead[2] = {0, 0};
    optimizer_step(o, st, p, g, 1, w, dead, 2);
    // weight: 1 - 0.1*0.2 - 0.1*0.5*1 = 0.93 ; bias: 1 - 0.02 = 0.98 (not regularized)
    CHECK(p[0] == doctest::Approx(0.93).epsilon(1e-12));
    CHECK(p[1] == doctest::Approx(0.98).epsilon(1e-12));

    o.reg = Regularization::L1;
    o.reg_rate = 1.0;
    p[0] = 0.01;
    g[0] = 0;
    optimizer_step(o, st, p, g, 1, w, dead, 2);
    // 0.01 - 0.1*1*sign(0.01) = -0.09 crosses zero: set to 0 and frozen
    CHECK(p[0] == 0.0);
    CHECK(dead[0] == 1);
    g[0] = -5;
    optimizer_step(o, st, p, g, 1, w, dead, 2);
    CHECK(p[0] == 0.0); // dead weights take no update at all
    // a weight that L1 only shrinks stays alive
    p[0] = 1;
    dead[0] = 0;
    g[0] = 0;
    optimizer_step(o, st, p, g, 1, w, dead, 2);
    CHECK(p[0] == doctest::Approx(0.9).epsilon(1e-12));
    CHECK(dead[0] == 0);
}

TEST_CASE("float Adam stays within float rounding of float64 Adam over eight steps") {
    // The reference is the textbook formula in double with pow for beta^t. The float engine may
    // differ by the roundings of its float buffers (a few 1e-7 relative); the old float scalars
    // (1 - (float)0.999 = 0.000999987, 1 - (float)beta2^t) added ~1e-5 from the second step on.
    const double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    const double gs[] = {0.5, -0.25, 0.75, 0.125, -0.5, 0.3, 0.2, -0.1}; // exact in float
    OptimizerParams o;
    o.kind = Optimizer::Adam;
    o.lr = lr;
    OptimizerState<float> st;
    st.reset(1);
    float p = 0;
    uint8_t w = 0, dead = 0;
    double m = 0, v = 0, q = 0;
    for (int t = 1; t <= 8; ++t) {
        CAPTURE(t);
        const double g = gs[t - 1];
        float gf = (float)g;
        optimizer_step(o, st, &p, &gf, 1, &w, &dead, 1);
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        q -= lr * (m / (1 - std::pow(b1, t))) / (std::sqrt(v / (1 - std::pow(b2, t))) + eps);
        CHECK(std::fabs(p - q) <= 1e-6 * std::fabs(q));
        CHECK(std::fabs(st.v[0] - v) <= 1e-6 * v);
    }
}

TEST_CASE(
    "L2 is decoupled: Adam + L2 is AdamW, SGD + L2 is weight decay; momentum is not torch's") {
    // References written from PyTorch's documented algorithms, in double:
    //   AdamW:            p *= 1 - lr wd; then the Adam step on g (wd never enters m or v)
    //   SGD weight_decay: g' = g + wd p; m = mu m + g' (mu = 0: plain SGD); p -= lr m
    const double lr = 0.01, wd = 0.1, gs[] = {0.5, -0.25, 0.75, 0.125};
    OptimizerParams o;
    o.lr = lr;
    o.reg = Regularization::L2;
    o.reg_rate = wd;
    uint8_t w[2] = {1, 0}, dead[2] = {0, 0}; // a weight and a bias
    o.kind = Optimizer::Adam;
    OptimizerState<double> st;
    st.reset(2);
    double p[2] = {1, 1}, q[2] = {1, 1}, m[2] = {0, 0}, v[2] = {0, 0};
    for (int t = 1; t <= 4; ++t) {
        double g[2] = {gs[t - 1], gs[t - 1]};
        optimizer_step(o, st, p, g, 1, w, dead, 2);
        for (int k = 0; k < 2; ++k) {
            if (k == 0) q[k] *= 1 - lr * wd; // decay on the weight only
            m[k] = 0.9 * m[k] + 0.1 * g[k];
            v[k] = 0.999 * v[k] + 0.001 * g[k] * g[k];
            q[k] -= lr * (m[k] / (1 - std::pow(0.9, t))) /
                    (std::sqrt(v[k] / (1 - std::pow(0.999, t))) + 1e-8);
            CHECK(p[k] == doctest::Approx(q[k]).epsilon(1e-12));
        }
    }
    for (double mu : {0.0, 0.9}) {
        CAPTURE(mu);
        o.kind = mu == 0 ? Optimizer::SGD : Optimizer::Momentum;
        o.momentum = mu;
        st.reset(2);
        double pp[2] = {1, 1}; // the engine's weight and bias
        double qt = 1, mt = 0;
        const double g = 0.5; // torch's SGD(momentum, weight_decay)
        for (int t = 0; t < 3; ++t) {
            double gg[2] = {g, g};
            optimizer_step(o, st, pp, gg, 1, w, dead, 2);
            mt = mu * mt + (g + wd * qt);
            qt -= lr * mt;
        }
        if (mu == 0)
            CHECK(pp[0] == doctest::Approx(qt).epsilon(1e-12));
        else // the decay went through torch's momentum buffer, not through ours
            CHECK(std::fabs(pp[0] - qt) > 1e-5);
    }
}
