// test_landscape.cpp: the loss landscape (issue 18; session_landscape.cpp, landscape.h). The
// plane's centre is the current training loss to the bit; the loss line's slope at w is the
// float64 backprop gradient (gradcheck.h, not the code under test) to float32 finite-difference
// precision; filter normalization gives every direction's per-neuron norm the weights' norm (norms
// recomputed here in double); the principal directions are unit, orthogonal and carry the
// trajectory's largest variance (checked against every snapshot's own direction); a click on the
// plane moves the weights to centre + alpha d1 + beta d2 and the loss to the plane's value there;
// the trajectory is one snapshot per epoch, thinned when full; bad requests are named.
#include "engine/gradcheck.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <cmath>
#include <doctest/doctest.h>

using namespace bp;
using bp_test::make;

namespace {

const char* kAllFeatures =
    "activation=relu&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&"
    "xTimesY=true&sinX=true&sinY=true&seed=3";

std::vector<float> plane(Session& s, PlaneDirections d, int n, double span = 0) {
    REQUIRE(s.landscape_begin(d, n, span) == "");
    std::vector<float> out((std::size_t)n * n, -1.0f);
    REQUIRE(s.landscape_rows(0, n, out.data()) == "");
    return out;
}

// The training set of s as a float64 batch (features and targets), for gradcheck.h.
GradCheckBatch train_batch_of(const Session& s, int only = -1) {
    const auto& pts = s.data().train;
    const int B = only >= 0 ? 1 : (int)pts.size(), F = (int)s.features().size();
    const int n_out = s.network().n_outputs();
    std::vector<float> x1(B), x2(B), fx((std::size_t)F * B), y((std::size_t)n_out * B);
    for (int k = 0; k < B; ++k) {
        const Point& p = pts[only >= 0 ? only : k];
        x1[k] = p.x1;
        x2[k] = p.x2;
        write_target(s.model(), p.label, y.data(), (std::size_t)B, k);
    }
    compute_features(s.features(), x1.data(), x2.data(), (std::size_t)B, fx.data());
    GradCheckBatch b;
    b.B = B;
    b.pass = Pass::Eval;
    b.x.assign(fx.begin(), fx.end());
    b.y.assign(y.begin(), y.end());
    return b;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double t = 0;
    for (std::size_t k = 0; k < a.size(); ++k) t += a[k] * b[k];
    return t;
}

} // namespace

TEST_CASE("landscape: the plane's centre is the current training loss") {
    for (const char* hash : {"seed=1", "dataset=blobs3&seed=2", "problem=regression&seed=4",
                             "batchNorm=true&dropout=0.2&networkShape=6,4&seed=5", kAllFeatures}) {
        CAPTURE(hash);
        auto s = make(hash);
        s->train_epochs(4);
        const float want = (float)s->metrics().train_loss;
        for (PlaneDirections d : {PlaneDirections::Random, PlaneDirections::Pca}) {
            for (int n : {3, 5, 41}) {
                const std::vector<float> L = plane(*s, d, n);
                CHECK(L[(std::size_t)(n / 2) * n + n / 2] == want);
                int differ = 0;
                for (float v : L) differ += v != want;
                CHECK(differ > 0); // the plane is not flat: it does move the weights
            }
        }
        // Rows in pieces with training in between give the same image as one call.
        const std::vector<float> whole = plane(*s, PlaneDirections::Random, 9);
        std::vector<float> parts(81, -1.0f);
        REQUIRE(s->landscape_begin(PlaneDirections::Random, 9, 0) == "");
        for (int r = 0; r < 9; r += 2) {
            REQUIRE(s->landscape_rows(r, std::min(r + 2, 9), parts.data()) == "");
            s->train_batch();
        }
        CHECK(parts == whole);
    }
}

TEST_CASE("landscape: the loss line's slope at w is the backprop gradient") {
    // No batch norm or dropout: evaluation and training mode are one function, so the float64
    // reference gradient (gradcheck.h, evaluation pass) is the slope of the line's loss. Smooth
    // activations only: a ReLU kink inside the stencil makes any difference quotient disagree
    // (gradcheck.h skips those parameters for the same reason).
    for (const char* hash : {"seed=1", "activation=sigmoid&networkShape=6,5&seed=2",
                             "dataset=blobs3&networkShape=5&seed=3", "problem=regression&seed=4"}) {
        CAPTURE(hash);
        auto s = make(hash);
        s->train_epochs(5);
        const NetSpec& spec = s->model().net;
        std::vector<double> p(s->network().params.begin(), s->network().params.end());
        const std::vector<double> g =
            backprop_gradient(spec, p, train_batch_of(*s), Regularization::None, 0);
        const GradCheckBatch one = train_batch_of(*s, 7);
        const std::vector<double> g7 = backprop_gradient(spec, p, one, Regularization::None, 0);
        const Point pt = s->data().train[7];
        const double h = 1e-3;
        double worst = 0;
        for (std::size_t k = 0; k < p.size(); ++k) {
            CAPTURE(k);
            float L[3];
            REQUIRE(s->loss_line(k, h, 3, nullptr, L) == "");
            CHECK(L[1] == (float)s->metrics().train_loss);
            // The weights the line really took: w +- h rounded to float.
            const double step = (double)(float)(p[k] + h) - (double)(float)(p[k] - h);
            const double slope = ((double)L[2] - L[0]) / step;
            // float32 differences: each loss carries ~6e-8 relative rounding, divided by 2h
            // (~3e-5 of a loss near 1), plus the O(h^2) truncation of the central difference.
            CHECK(std::fabs(slope - g[k]) <= 1e-4 + 1e-3 * std::fabs(g[k]));
            worst = std::max(worst, std::fabs(slope - g[k]));
            REQUIRE(s->loss_line(k, h, 3, &pt, L) == "");
            const double slope7 = ((double)L[2] - L[0]) / step;
            // One point's loss is one float32 forward pass, not a mean accumulated in double: a
            // few roundings (unit roundoff 2^-24) of a loss near 1 in each end, ~4 each, divided
            // by 2h: ~2e-4 near a loss of 0.9 (measured 1.01e-4 on k = 7 of the first net).
            const double rounding = 8 * 0x1p-24 * std::fabs(L[1]) / step;
            CHECK(std::fabs(slope7 - g7[k]) <= std::max(1e-4, rounding) + 1e-3 * std::fabs(g7[k]));
        }
        CHECK(worst < 1e-4); // measured 2026-12-05: 1.5e-5 at most over these four nets
        // The point's loss at w is the traced loss, and its gradient the one trace() shows.
        SampleTrace t;
        REQUIRE(s->trace(false, 7, t) == "");
        float L[3];
        REQUIRE(s->loss_line(0, h, 3, &pt, L) == "");
        CHECK(L[1] == (float)t.loss);
        CHECK(t.grad[0] == doctest::Approx(g7[0]).epsilon(1e-4));
    }
}

TEST_CASE("landscape: filter normalization gives each neuron's direction its weights' norm") {
    for (const char* hash : {"seed=1", kAllFeatures, "batchNorm=true&networkShape=6,4&seed=5"}) {
        CAPTURE(hash);
        auto s = make(hash);
        s->train_epochs(2);
        REQUIRE(s->landscape_begin(PlaneDirections::Random, 3, 0) == "");
        const LandscapePlane& pl = s->landscape();
        const Network<float>& net = s->network();
        CHECK(pl.span == 1.0);
        std::vector<uint8_t> seen(net.params.size(), 0);
        for (const LayerInfo& L : net.layers())
            for (int j = 0; j < L.n_out; ++j) {
                double w = 0, a = 0, b = 0;
                for (int i = 0; i < L.n_in; ++i) {
                    const std::size_t k = L.w_off + (std::size_t)j * L.n_in + i;
                    w += (double)net.params[k] * net.params[k];
                    a += (double)pl.d1[k] * pl.d1[k];
                    b += (double)pl.d2[k] * pl.d2[k];
                    seen[k] = 1;
                }
                CHECK(std::sqrt(a) == doctest::Approx(std::sqrt(w)).epsilon(1e-6));
                CHECK(std::sqrt(b) == doctest::Approx(std::sqrt(w)).epsilon(1e-6));
            }
        for (std::size_t k = 0; k < seen.size(); ++k)
            if (!seen[k]) { // biases, gamma, beta: not moved by the plane
                CHECK(pl.d1[k] == 0.0f);
                CHECK(pl.d2[k] == 0.0f);
            }
        CHECK(pl.d1 != pl.d2);
    }
}

TEST_CASE("landscape: principal directions of the trajectory") {
    auto s = make("activation=relu&networkShape=6,5&learningRate=0.1&seed=2");
    std::vector<std::vector<double>> snaps;
    snaps.emplace_back(s->network().params.begin(), s->network().params.end());
    for (int e = 0; e < 30; ++e) {
        s->train_epochs(1);
        snaps.emplace_back(s->network().params.begin(), s->network().params.end());
    }
    CHECK(s->trajectory_count() == 31);
    REQUIRE(s->landscape_begin(PlaneDirections::Pca, 5, 0) == "");
    const LandscapePlane& pl = s->landscape();
    std::vector<double> d1(pl.d1.begin(), pl.d1.end()), d2(pl.d2.begin(), pl.d2.end());
    CHECK(dot(d1, d1) == doctest::Approx(1).epsilon(1e-6));
    CHECK(dot(d2, d2) == doctest::Approx(1).epsilon(1e-6));
    CHECK(std::fabs(dot(d1, d2)) < 1e-6);
    // Variance of the snapshots along a unit direction u, around their mean.
    const std::size_t P = d1.size(), m = snaps.size();
    std::vector<double> mean(P, 0);
    for (const auto& x : snaps)
        for (std::size_t k = 0; k < P; ++k) mean[k] += x[k] / m;
    auto var = [&](const std::vector<double>& u) {
        double v = 0;
        for (const auto& x : snaps) {
            double t = 0;
            for (std::size_t k = 0; k < P; ++k) t += (x[k] - mean[k]) * u[k];
            v += t * t;
        }
        return v / dot(u, u);
    };
    CHECK(var(d1) >= var(d2));
    for (const auto& x : snaps) { // no snapshot's own direction carries more variance than d1
        std::vector<double> u(P);
        for (std::size_t k = 0; k < P; ++k) u[k] = x[k] - mean[k];
        CHECK(var(u) <= var(d1) * (1 + 1e-9));
    }
    // The path: the first epoch at <= 0 on both, the last at the centre (the current weights).
    REQUIRE(pl.path.size() == 2 * m);
    CHECK(pl.path[0] <= 0.0f);
    CHECK(pl.path[1] <= 0.0f);
    CHECK(std::fabs(pl.path[2 * m - 2]) < 1e-6);
    CHECK(std::fabs(pl.path[2 * m - 1]) < 1e-6);
    // The span covers the path.
    for (float v : pl.path) CHECK(std::fabs(v) <= pl.span);
}

TEST_CASE("landscape: a click moves the weights and the loss to the plane's point") {
    auto s = make("seed=1");
    s->train_epochs(3);
    const int n = 7;
    const std::vector<float> L = plane(*s, PlaneDirections::Random, n, 0.5);
    const LandscapePlane pl = s->landscape();
    const int r = 1, c = 5;
    const double alpha = plane_coord(c, n, 0.5), beta = -plane_coord(r, n, 0.5);
    CHECK(alpha == doctest::Approx(1.0 / 3));
    CHECK(beta == doctest::Approx(1.0 / 3));
    REQUIRE(s->landscape_move(alpha, beta) == "");
    for (std::size_t k = 0; k < pl.centre.size(); ++k)
        CHECK(s->network().params[k] ==
              doctest::Approx(pl.centre[k] + alpha * pl.d1[k] + beta * pl.d2[k]).epsilon(1e-6));
    CHECK((float)s->metrics().train_loss == L[(std::size_t)r * n + c]);
    s->train_epochs(1); // training goes on from there
    CHECK(s->epoch() == 4);
}

TEST_CASE("landscape: the trajectory keeps every epoch, thinned to every other when full") {
    auto s = make("networkShape=2&seed=1");
    CHECK(s->trajectory_count() == 1); // epoch 0
    s->train_epochs(127);
    CHECK(s->trajectory_count() == 128);
    s->train_epochs(1); // full: epochs 0, 2, ..., 126, then 128
    CHECK(s->trajectory_count() == 65);
    s->train_epochs(1); // epoch 129 is not on the stride
    CHECK(s->trajectory_count() == 65);
    s->reset();
    CHECK(s->trajectory_count() == 1);
}

TEST_CASE("landscape: bad requests are named") {
    auto s = make("seed=1");
    std::vector<float> out(300 * 300);
    CHECK(s->landscape_rows(0, 1, out.data()) == "no landscape plane: begin one first");
    CHECK(s->landscape_move(0, 0) == "no landscape plane: begin one first");
    CHECK(s->landscape_begin(PlaneDirections::Random, 1, 0) ==
          "landscape grid 1 is out of range; allowed: 2..257");
    CHECK(s->landscape_begin(PlaneDirections::Random, 5, -1) ==
          "landscape span must be a number in 0..1e6 (0: chosen from the directions)");
    CHECK(s->landscape_begin(PlaneDirections::Pca, 5, 0).find("at least 3 recorded weights") !=
          std::string::npos);
    REQUIRE(s->landscape_begin(PlaneDirections::Random, 5, 0) == "");
    CHECK(s->landscape_rows(3, 6, out.data()) ==
          "landscape rows 3..6 are out of range; allowed: 0..5");
    CHECK(s->landscape_move(NAN, 0) == "a landscape point needs finite alpha and beta within 1e6");
    CHECK(s->loss_line(99999, 1, 5, nullptr, out.data()).find("parameter 99999 does not exist") ==
          0);
    CHECK(s->loss_line(0, 0, 5, nullptr, out.data()) ==
          "a loss line's half width must be a number in (0, 1e6]");
    CHECK(s->loss_line(0, 1, 1, nullptr, out.data()) ==
          "a loss line of 1 points is out of range; allowed: 2..257");
}

TEST_CASE("landscape: another network's weights projected on the plane (a race variant's path)") {
    auto s = make("seed=1");
    s->train_epochs(4);
    REQUIRE(s->landscape_begin(PlaneDirections::Random, 5, 0) == "");
    const LandscapePlane pl = s->landscape();
    const std::size_t P = pl.centre.size();
    CHECK(param_layout(s->network().spec()) == "2 inputs, hidden 4,2, 1 output");
    // Points built in double as centre + a d1 + b d2 come back as (a, b): d1, d2 are independent,
    // so the least-squares solution is exact up to the floats' rounding of the points.
    const double ab[3][2] = {{0.3, -0.2}, {0, 0}, {-1.5, 0.75}};
    std::vector<float> snaps(3 * P);
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < P; ++k)
            snaps[i * P + k] =
                (float)((double)pl.centre[k] + ab[i][0] * pl.d1[k] + ab[i][1] * pl.d2[k]);
    std::vector<float> out;
    REQUIRE(s->landscape_project(snaps.data(), 3, P, "2 inputs, hidden 4,2, 1 output", out) == "");
    REQUIRE(out.size() == 6);
    for (int i = 0; i < 3; ++i) {
        CHECK(out[2 * i] == doctest::Approx(ab[i][0]).epsilon(1e-5));
        CHECK(out[2 * i + 1] == doctest::Approx(ab[i][1]).epsilon(1e-5));
    }
    // A variant with another optimizer starts from the same weights: its path begins where the
    // plane's own path begins, then goes its own way.
    auto v = make("seed=1&optimizer=adam&learningRate=0.01");
    v->train_epochs(4);
    REQUIRE(v->trajectory_count() == 5);
    REQUIRE(s->landscape_project(v->trajectory_data(), v->trajectory_count(), P,
                                 param_layout(v->network().spec()), out) == "");
    CHECK(out[0] == pl.path[0]);
    CHECK(out[1] == pl.path[1]);
    CHECK((out[8] != pl.path[8] || out[9] != pl.path[9]));
    // Another shape is refused, naming both layouts.
    auto w = make("seed=1&networkShape=3&batchNorm=true");
    w->train_epochs(1);
    CHECK(param_layout(w->network().spec()) == "2 inputs, hidden 3, 1 output, batch norm");
    CHECK(s->landscape_project(w->trajectory_data(), w->trajectory_count(),
                               w->network().params.size(), param_layout(w->network().spec()),
                               out) ==
          "its network (2 inputs, hidden 3, 1 output, batch norm) is "
          "not laid out as the plane's (2 inputs, hidden 4,2, 1 output)");
    CHECK(s->landscape_project(snaps.data(), 3, P - 1, "2 inputs, hidden 4,2, 1 output", out) ==
          "its weights are " + std::to_string(P - 1) + " numbers, the plane's " +
              std::to_string(P));
}
