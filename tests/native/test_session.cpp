// test_session.cpp: the training loop's semantics against an independent float64 per-sample trainer
// written here (TensorFlow Playground's loop), determinism, grid evaluation, learning, edits.
#include "config/config_codec.h"
#include "data/features.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <vector>
#include <xtensor/xmath.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

using namespace bp;

namespace {

using bp_test::make;

// TensorFlow Playground's training loop, written independently in double for a network with tanh
// hidden layers, tanh output and square loss, inputs (x1, x2): forward one sample, accumulate
// dL/dw, update with (lr / n) * acc when (i + 1) % bs == 0 (i counted within the epoch), so the
// leftover of an epoch joins the next epoch's first update. With carry = false the leftover is
// dropped instead (a plausible bug the test must be able to tell apart). Written with xtensor
// expressions, the textbook formulas one to one: z = W a + b, a' = tanh z, dL/dW = d a^T,
// d_prev = (W^T d) (1 - a^2).
using Mat = xt::xtensor<double, 2>;
using Vec = xt::xtensor<double, 1>;
struct RefNet {
    std::vector<Mat> W, accW; // [n_out][n_in] per layer
    std::vector<Vec> b, accb;
    int n_acc = 0;
    void train_epoch(const std::vector<Point>& pts, int bs, double lr, bool carry) {
        using xt::all;
        using xt::newaxis;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            std::vector<Vec> a{Vec{pts[i].x1, pts[i].x2}};
            for (std::size_t l = 0; l < W.size(); ++l) // z = W a + b; a = tanh(z)
                a.push_back(xt::tanh(xt::sum(W[l] * xt::view(a[l], newaxis(), all()), {1}) + b[l]));
            Vec d = (a.back() - (double)pts[i].label) * (1.0 - a.back() * a.back());
            for (int l = (int)W.size() - 1; l >= 0; --l) {
                accb[l] += d;
                accW[l] +=
                    xt::view(d, all(), newaxis()) * xt::view(a[l], newaxis(), all()); // d a^T
                d = xt::sum(W[l] * xt::view(d, all(), newaxis()), {0}) * (1.0 - a[l] * a[l]);
            }
            ++n_acc;
            if ((i + 1) % bs == 0) update(lr);
        }
        if (!carry) clear();
    }
    void update(double lr) {
        for (std::size_t l = 0; l < W.size(); ++l) {
            W[l] -= lr / n_acc * accW[l];
            b[l] -= lr / n_acc * accb[l];
        }
        clear();
    }
    void clear() {
        for (auto& m : accW) m.fill(0.0);
        for (auto& v : accb) v.fill(0.0);
        n_acc = 0;
    }
};

RefNet ref_from(const Network<float>& net) {
    RefNet r;
    for (const LayerInfo& L : net.layers()) {
        Mat w = xt::zeros<double>({(std::size_t)L.n_out, (std::size_t)L.n_in});
        std::copy(net.params.begin() + L.w_off, net.params.begin() + L.b_off, w.begin());
        Vec bias = xt::zeros<double>({(std::size_t)L.n_out});
        std::copy(net.params.begin() + L.b_off, net.params.begin() + L.b_off + L.n_out,
                  bias.begin());
        r.accW.push_back(xt::zeros_like(w));
        r.accb.push_back(xt::zeros_like(bias));
        r.W.push_back(std::move(w));
        r.b.push_back(std::move(bias));
    }
    return r;
}

double max_diff(const RefNet& r, const Network<float>& net) {
    double m = 0;
    for (std::size_t l = 0; l < r.W.size(); ++l) {
        const LayerInfo& L = net.layers()[l];
        for (std::size_t k = 0; k < r.W[l].size(); ++k)
            m = std::max(m, std::fabs(r.W[l].flat(k) - net.params[L.w_off + k]));
        for (std::size_t k = 0; k < r.b[l].size(); ++k)
            m = std::max(m, std::fabs(r.b[l](k) - net.params[L.b_off + k]));
    }
    return m;
}

} // namespace

TEST_CASE("training follows TensorFlow Playground's loop, leftovers carried into the next epoch") {
    // 250 training points, batch 30: 8 updates per epoch and a leftover of 10 that joins the first
    // update of the next epoch (40 samples).
    auto s = make("networkShape=3,2&batchSize=30&learningRate=0.1&seed=7");
    REQUIRE(s->data().train.size() == 250);
    RefNet ref = ref_from(s->network()), nocarry = ref;
    for (int e = 0; e < 3; ++e) {
        s->train_epochs(1);
        ref.train_epoch(s->data().train, 30, 0.1, true);
        nocarry.train_epoch(s->data().train, 30, 0.1, false);
    }
    CHECK(s->updates() == 24);
    CHECK(s->epoch() == 3);
    const double d = max_diff(ref, s->network()), d_wrong = max_diff(nocarry, s->network());
    MESSAGE("float32 engine vs float64 reference after 3 epochs: " << d << " (no-carry variant: "
                                                                   << d_wrong << ")");
    CHECK(d < 2e-5);       // float32 rounding over 24 updates
    CHECK(d_wrong > 1e-3); // the test can tell the carry rule apart
}

TEST_CASE("one-batch steps compose into an epoch") {
    auto a = make("batchSize=30&seed=3"), b = make("batchSize=30&seed=3");
    a->train_epochs(2);
    int samples = 0;
    while (b->epoch() < 2) samples += b->train_batch();
    CHECK(samples == 500);
    CHECK(std::memcmp(a->network().params.data(), b->network().params.data(),
                      a->network().params.size() * 4) == 0);
}

TEST_CASE("same config and seed give bit-identical weights; another seed does not") {
    const char* h =
        "dataset=spiral&activation=relu&networkShape=6,5,4&optimizer=adam&learningRate=0.01&"
        "regularization=L1&regularizationRate=0.001&sinX=true&xTimesY=true&seed=abc";
    auto a = make(h), b = make(h);
    a->train_epochs(5);
    b->train_epochs(5);
    const auto& pa = a->network().params;
    CHECK(std::memcmp(pa.data(), b->network().params.data(), pa.size() * 4) == 0);
    auto c = make(std::string(h) + "x");
    c->train_epochs(5);
    CHECK(std::memcmp(pa.data(), c->network().params.data(), pa.size() * 4) != 0);
}

TEST_CASE("reset restores the same initial weights; regenerate keeps the network") {
    auto s = make("seed=11");
    std::vector<float> init(s->network().params.begin(), s->network().params.end());
    s->train_epochs(3);
    CHECK(std::memcmp(init.data(), s->network().params.data(), init.size() * 4) != 0);
    s->reset();
    CHECK(std::memcmp(init.data(), s->network().params.data(), init.size() * 4) == 0);
    CHECK(s->epoch() == 0);
    const float x0 = s->data().train[0].x1;
    s->regenerate("12");
    CHECK(s->data().train[0].x1 != x0);
    CHECK(std::memcmp(init.data(), s->network().params.data(), init.size() * 4) == 0);
    CHECK(s->config().seed == "12");
}

TEST_CASE("playground init: weights in [-0.5, 0.5), biases 0.1; initZero: all zero") {
    auto s = make("networkShape=8,8,8&seed=5");
    const auto& net = s->network();
    for (std::size_t k = 0; k < net.params.size(); ++k) {
        if (net.is_weight[k]) {
            CHECK(net.params[k] >= -0.5f);
            CHECK(net.params[k] < 0.5f);
        } else {
            CHECK(net.params[k] == 0.1f);
        }
    }
    auto z = make("initZero=true");
    for (float v : z->network().params) CHECK(v == 0.0f);
}

TEST_CASE("grid: every neuron's output on N x N points equals a one-point forward there") {
    auto s = make("networkShape=3,2&xSquared=true&sinY=true&seed=2");
    s->train_epochs(2);
    const int N = 7; // odd, so the centre point (0, 0) is on the grid
    std::vector<float> out(s->grid_rows() * N * N);
    REQUIRE(s->eval_grid(N, out.data()) == "");
    const auto& feats = s->features();
    Network<float>& net = s->network();
    for (int r : {0, 3, 6})
        for (int c : {0, 2, 6}) {
            const float x1 = (float)(-6.0 + 12.0 * c / (N - 1)),
                        x2 = (float)(6.0 - 12.0 * r / (N - 1));
            std::vector<float> f(feats.size() * 8, 0.0f), tmp(feats.size());
            compute_features(feats, &x1, &x2, 1, tmp.data());
            for (std::size_t i = 0; i < feats.size(); ++i) f[i * 8] = tmp[i];
            net.forward(f.data(), 8, 1);
            const std::size_t p = (std::size_t)r * N + c;
            for (std::size_t i = 0; i < feats.size(); ++i) CHECK(out[i * N * N + p] == tmp[i]);
            std::size_t row = feats.size();
            for (int l = 0; l < net.num_layers(); ++l)
                for (int j = 0; j < net.layers()[l].n_out; ++j, ++row)
                    CHECK(out[row * N * N + p] == net.a(l)[j * net.capacity()]);
        }
    CHECK(out[0] == -6.0f);        // feature x at the top-left corner
    CHECK(out[N * N + 0] == 6.0f); // feature y at the top-left corner (y grows upwards)
    CHECK(out[N * N - 1] == 6.0f); // x at the bottom-right
    CHECK(s->eval_grid(1, out.data()).find("grid size") != std::string::npos);
    CHECK(s->eval_grid(100000, out.data()).find("out of range") != std::string::npos);
}

TEST_CASE("learning: each classification dataset gets well below the trivial loss") {
    // The constant prediction 0 has loss 0.5 * 1^2 = 0.5 per point. With defaults (x1, x2 -> 4, 2
    // tanh, lr 0.03, batch 10, noise 0) circle, xor and gauss reach test loss < 0.1 (an 80 %
    // reduction; observed worst 0.058 over seeds 1-5) within 300 epochs. Spiral is beyond the
    // default network (as in TensorFlow Playground); with all 7 features and 8, 8, 6 neurons
    // most seeds reach ~0.01 within 600 epochs, but seed 2 settles on a plateau near 0.2 (0.18
    // with SGD's old per-weight division, 0.25 with lr / count: a chaotic run, where one ulp per
    // step picks the plateau's height): the median stays < 0.05 and the worst < 0.3.
    for (const char* d : {"circle", "xor", "gauss"})
        for (int seed = 1; seed <= 5; ++seed) {
            auto s = make(std::string("dataset=") + d + "&seed=" + std::to_string(seed));
            s->train_epochs(300);
            CAPTURE(d);
            CAPTURE(seed);
            CHECK(s->metrics().test_loss < 0.1);
        }
    std::vector<double> spiral;
    for (int seed = 1; seed <= 5; ++seed) {
        auto s = make("dataset=spiral&networkShape=8,8,6&xSquared=true&ySquared=true&xTimesY=true&"
                      "sinX=true&sinY=true&seed=" +
                      std::to_string(seed));
        s->train_epochs(600);
        CAPTURE(seed);
        CHECK(s->metrics().test_loss < 0.3);
        spiral.push_back(s->metrics().test_loss);
    }
    std::sort(spiral.begin(), spiral.end());
    CHECK(spiral[2] < 0.05);
}

TEST_CASE("regression and multi-class train") {
    auto r = make("problem=regression&regDataset=reg-plane&seed=1");
    const double before = r->metrics().test_loss;
    r->train_epochs(50);
    CHECK(r->metrics().test_loss < before * 0.2);
    CHECK(r->metrics().test_accuracy == -1);
    auto m = make("dataset=blobs3&networkShape=6&seed=1");
    CHECK(m->network().n_outputs() == 3);
    m->train_epochs(100);
    CHECK(m->metrics().test_accuracy > 0.9);
}

TEST_CASE("edits: weights and biases by index, with clear errors") {
    auto s = make("seed=1");
    CHECK(s->set_weight(0, 1, 0, 0.75) == "");
    const LayerInfo& L = s->network().layers()[0];
    CHECK(s->network().params[L.w_off + 1 * L.n_in + 0] == 0.75f);
    CHECK(s->set_bias(1, 1, -2) == "");
    CHECK(s->network().params[s->network().layers()[1].b_off + 1] == -2.0f);
    CHECK(s->set_weight(5, 0, 0, 1).find("layer 5 does not exist") != std::string::npos);
    CHECK(s->set_weight(0, 4, 0, 1).find("does not exist") != std::string::npos);
    CHECK(s->set_weight(0, 0, 0, NAN).find("finite") != std::string::npos);
    CHECK(s->set_bias(0, -1, 1).find("does not exist") != std::string::npos);
}

TEST_CASE("user points: labels checked, old data kept on error") {
    auto s = make("dataset=custom&seed=1");
    std::vector<Point> pts;
    for (int k = 0; k < 40; ++k)
        pts.push_back({(float)(k % 7) - 3, (float)(k % 5) - 2, (float)(k % 2)});
    CHECK(s->set_points(pts) == "");
    CHECK(s->data().train.size() == 20);
    for (const Point& p : s->data().train) CHECK((p.label == 1.0f || p.label == -1.0f));
    pts[3].label = 2;
    CHECK(s->set_points(pts).text().find("labels 0/1 or -1/+1") != std::string::npos);
    CHECK(s->data().train.size() == 20);
    s->train_epochs(2);
    CHECK(s->epoch() == 2);
}

TEST_CASE("grid rows: slices leave the other rows alone and assemble into the whole grid's bits") {
    // The whole grid is pinned to one-point forward passes by the test above; slices of rows
    // (uneven, batch tails of 1..3 points at N = 7) must give exactly its bits.
    auto s = make("networkShape=5,3&activation=relu&xTimesY=true&batchNorm=true&seed=4");
    s->train_epochs(3);
    const int N = 7;
    const std::size_t n = s->grid_rows() * N * N;
    std::vector<float> whole(n), parts(n, std::nanf(""));
    REQUIRE(s->eval_grid(N, whole.data()) == "");
    REQUIRE(s->eval_grid_rows(N, 2, 3, parts.data()) == "");
    for (std::size_t row = 0; row < s->grid_rows(); ++row)
        for (int p = 0; p < N * N; ++p) {
            const bool in = p >= 2 * N && p < 3 * N;
            const float v = parts[row * N * N + p];
            if (in)
                CHECK(v == whole[row * N * N + p]);
            else
                CHECK(std::isnan(v)); // untouched
        }
    REQUIRE(s->eval_grid_rows(N, 0, 2, parts.data()) == "");
    REQUIRE(s->eval_grid_rows(N, 3, 7, parts.data()) == "");
    REQUIRE(s->eval_grid_rows(N, 7, 7, parts.data()) == ""); // empty: nothing to do
    CHECK(std::memcmp(parts.data(), whole.data(), n * sizeof(float)) == 0);
    CHECK(s->eval_grid_rows(N, 3, 8, parts.data()).find("out of range") != std::string::npos);
    CHECK(s->eval_grid_rows(N, 4, 3, parts.data()).find("out of range") != std::string::npos);
    CHECK(s->eval_grid_rows(N, -1, 3, parts.data()).find("out of range") != std::string::npos);
}
