// test_data_generators.cpp: the shape of each generator: TF's formulas and draw order re-derived
// here (std:: math is fine in a test), geometry, label rules, noise semantics, multi-class balance.
// Expected values never come from earlier outputs of the code under test.
#include "data/dataset.h"
#include "engine/elementary.h"
#include "engine/rng.h"
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>

using namespace bp;

namespace {

const double kPi = 3.14159265358979323846;

std::vector<Point> gen(DatasetKind kind, double noise) {
    Rng rng("12345", "data");
    return generate_points(kind, default_point_count(kind), noise, rng);
}
int count_label(const std::vector<Point>& p, float label) {
    int c = 0;
    for (const auto& q : p) c += q.label == label;
    return c;
}
double radius(const Point& p) {
    return std::sqrt((double)p.x1 * p.x1 + (double)p.x2 * p.x2);
}

} // namespace

TEST_CASE("circle: geometry, and noise changes labels only") {
    std::vector<Point> p = gen(DatasetKind::Circle, 0.0);
    for (int i = 0; i < 500; ++i) {
        double r = radius(p[(size_t)i]);
        if (i < 250)
            CHECK(r < 2.5 + 1e-6);
        else
            CHECK((r >= 3.5 - 1e-6 && r <= 5.0 + 1e-6));
        CHECK(p[(size_t)i].label == (r < 3.0 ? 1.0f : -1.0f)); // a pure function of the radius
    }
    // Noise 0.5 moves the labelling point by up to 2.5 per axis: a simulation of the formula gives
    // ~25% disagreement with the radius rule (~124 of 500, sd ~10); 60 is far below that.
    std::vector<Point> q = gen(DatasetKind::Circle, 0.5);
    int disagree = 0;
    for (int i = 0; i < 500; ++i) {
        double r = radius(q[(size_t)i]);
        if (i < 250)
            CHECK(r < 2.5 + 1e-6); // positions keep their generating annulus
        else
            CHECK(r >= 3.5 - 1e-6);
        disagree += q[(size_t)i].label != (r < 3.0 ? 1.0f : -1.0f);
    }
    CHECK(disagree > 60);
    CHECK(disagree < 250);
}

TEST_CASE("circle and xor follow TF's formulas and draw order") {
    const double noise = 0.3;
    Rng r("order", "data"), r2("order", "data");
    std::vector<Point> got = generate_points(DatasetKind::Circle, 10, noise, r);
    for (int i = 0; i < 10; ++i) {
        double rad = i < 5 ? r2.uniform(0, 2.5) : r2.uniform(3.5, 5);
        double angle = r2.uniform(0, 2 * kPi);
        double x = rad * elem::sin(angle), y = rad * elem::cos(angle);
        double nx = r2.uniform(-5, 5) * noise;
        double ny = r2.uniform(-5, 5) * noise;
        float label = std::hypot(x + nx, y + ny) < 2.5 ? 1.0f : -1.0f;
        CHECK(got[(size_t)i].x1 == (float)x);
        CHECK(got[(size_t)i].x2 == (float)y);
        CHECK(got[(size_t)i].label == label);
    }
    Rng s("order", "data"), s2("order", "data");
    got = generate_points(DatasetKind::Xor, 20, noise, s);
    for (int i = 0; i < 20; ++i) {
        double x = s2.uniform(-5, 5);
        x += x > 0 ? 0.3 : -0.3;
        double y = s2.uniform(-5, 5);
        y += y > 0 ? 0.3 : -0.3;
        double nx = s2.uniform(-5, 5) * noise;
        double ny = s2.uniform(-5, 5) * noise;
        CHECK(got[(size_t)i].x1 == (float)x);
        CHECK(got[(size_t)i].x2 == (float)y);
        CHECK(got[(size_t)i].label == ((x + nx) * (y + ny) >= 0 ? 1.0f : -1.0f));
    }
}

// TF's normalRandom(mean, variance) as dataset.ts writes it, with `u` standing for Math.random:
// a fresh polar pair per call, the second normal of the pair thrown away, redraw while s > 1.
// The log is the engine's elem::log (the engine's one log for data, so "the same random stream"
// includes it); everything else is the plain double arithmetic of the TypeScript.
static double tf_normal_random(Rng& u, double mean, double variance) {
    double v1, v2, s;
    do {
        v1 = 2 * u.uniform() - 1;
        v2 = 2 * u.uniform() - 1;
        s = v1 * v1 + v2 * v2;
    } while (s > 1);
    double result = std::sqrt(-2 * elem::log(s) / s) * v1;
    return mean + std::sqrt(variance) * result;
}

TEST_CASE("gauss is TF's classifyTwoGaussData bit for bit on the same stream") {
    // TF's slider noises 0..50 % (15 % is where d3's 0.5 (1 - t) + 4 t and 0.5 + 3.5 t part).
    for (int percent : {0, 5, 15, 25, 50}) {
        CAPTURE(percent);
        const double noise = percent / 100.0;
        const double t = (noise - 0) / 0.5, variance = 0.5 * (1 - t) + 4 * t; // d3 v3's scale
        Rng r("order", "data"), u("order", "data");
        const int n = 500;
        std::vector<Point> got = generate_points(DatasetKind::Gauss, n, noise, r);
        REQUIRE(got.size() == (size_t)n);
        for (int i = 0; i < n; ++i) {
            const double c = i < n / 2 ? 2 : -2, label = i < n / 2 ? 1 : -1;
            double x = tf_normal_random(u, c, variance);
            double y = tf_normal_random(u, c, variance);
            CHECK(got[(size_t)i].x1 == (float)x);
            CHECK(got[(size_t)i].x2 == (float)y);
            CHECK(got[(size_t)i].label == (float)label);
        }
        CHECK(r.next_u32() == u.next_u32()); // the same number of draws: nothing kept or skipped
    }
}

TEST_CASE("reg-plane follows TF's formula and draw order") {
    Rng s("order", "data"), s2("order", "data");
    std::vector<Point> got = generate_points(DatasetKind::RegPlane, 8, 0.25, s);
    for (int i = 0; i < 8; ++i) {
        double x = s2.uniform(-6, 6);
        double y = s2.uniform(-6, 6);
        double nx = s2.uniform(-6, 6) * 0.25;
        double ny = s2.uniform(-6, 6) * 0.25;
        CHECK(got[(size_t)i].x1 == (float)x);
        CHECK(got[(size_t)i].x2 == (float)y);
        CHECK(got[(size_t)i].label == doctest::Approx(((x + nx) + (y + ny)) / 10).epsilon(1e-6));
    }
}

TEST_CASE("xor: padding keeps points 0.3 off the axes") {
    for (const Point& p : gen(DatasetKind::Xor, 0.0)) {
        CHECK(std::fabs(p.x1) >= 0.3f);
        CHECK(std::fabs(p.x2) >= 0.3f);
        CHECK(std::fabs(p.x1) <= 5.3f);
        CHECK(std::fabs(p.x2) <= 5.3f);
        CHECK(p.label == (p.x1 * p.x2 > 0 ? 1.0f : -1.0f));
    }
}

TEST_CASE("gauss: centres and variance 0.5 -> 4") {
    for (double noise : {0.0, 0.5}) {
        const double var = noise == 0 ? 0.5 : 4.0;
        std::vector<Point> p = gen(DatasetKind::Gauss, noise);
        for (int half = 0; half < 2; ++half) {
            const double c = half == 0 ? 2.0 : -2.0;
            double sx = 0, sxx = 0;
            for (int i = 250 * half; i < 250 * (half + 1); ++i) {
                double d = p[(size_t)i].x1 - c;
                sx += d;
                sxx += d * d;
                // 6 sd: 2e-9 per coordinate, so a failure means a wrong centre or scale.
                CHECK(std::fabs(d) < 6 * std::sqrt(var));
                CHECK(std::fabs(p[(size_t)i].x2 - c) < 6 * std::sqrt(var));
            }
            double mean = sx / 250, sample_var = sxx / 250 - mean * mean;
            // 4 standard errors: sqrt(var/250) for the mean, var*sqrt(2/249) for the variance.
            CHECK(std::fabs(mean) < 4 * std::sqrt(var / 250));
            CHECK(std::fabs(sample_var - var) < 4 * var * std::sqrt(2.0 / 249));
        }
    }
}

TEST_CASE("spiral: geometry in generation order") {
    std::vector<Point> p = gen(DatasetKind::Spiral, 0.0);
    // Point n/4 = 125 of the +1 arm: r = 5 * 125/250 = 2.5, t = 1.75 * 2pi * 0.5 = 1.75 pi.
    CHECK(radius(p[125]) == doctest::Approx(2.5).epsilon(1e-6));
    CHECK(p[125].x1 == doctest::Approx(2.5 * std::sin(1.75 * kPi)).epsilon(1e-6));
    CHECK(p[125].x2 == doctest::Approx(2.5 * std::cos(1.75 * kPi)).epsilon(1e-6));
    // The -1 arm is the +1 arm turned by pi.
    CHECK(p[375].x1 == doctest::Approx(-p[125].x1).epsilon(1e-6));
    CHECK(p[375].x2 == doctest::Approx(-p[125].x2).epsilon(1e-6));
    for (int i = 0; i < 250; ++i) CHECK(std::fabs(radius(p[(size_t)i]) - 5.0 * i / 250) < 1e-5);
    // Noise moves each coordinate by U(-1, 1) * noise, so at most 0.5 at noise 0.5.
    std::vector<Point> q = gen(DatasetKind::Spiral, 0.5);
    double moved = 0;
    for (int i = 0; i < 500; ++i) {
        int k = i % 250;
        double t = 1.75 * k / 250.0 * 2 * kPi + (i < 250 ? 0 : kPi), r = 5.0 * k / 250;
        double dx = q[(size_t)i].x1 - r * std::sin(t), dy = q[(size_t)i].x2 - r * std::cos(t);
        CHECK(std::fabs(dx) <= 0.5 + 1e-5);
        CHECK(std::fabs(dy) <= 0.5 + 1e-5);
        moved = std::max(moved, std::fabs(dx));
    }
    CHECK(moved > 0.25); // 500 draws of U(-0.5, 0.5): the largest is far above 0.25
}

namespace {
double reg_gauss_ref(double x, double y) {
    const double c[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                            {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    double best = 0;
    for (auto& g : c) {
        double v = g[2] * std::max(0.0, 1 - std::hypot(x - g[0], y - g[1]) / 2);
        if (std::fabs(v) > std::fabs(best)) best = v;
    }
    return best;
}
} // namespace

TEST_CASE("regression sets: labels, domain, noise") {
    std::vector<Point> p = gen(DatasetKind::RegPlane, 0.0);
    for (const Point& q : p) {
        CHECK(std::fabs(q.x1) <= 6.0f);
        CHECK(std::fabs(q.x2) <= 6.0f);
        CHECK(std::fabs(q.label) <= 1.2f); // |x + y| / 10 < 12 / 10
        CHECK(std::fabs(q.label - ((double)q.x1 + q.x2) / 10) < 1e-6);
    }
    p = gen(DatasetKind::RegPlane, 0.5);
    int off = 0;
    for (const Point& q : p) {
        CHECK(std::fabs(q.label) <= 1.8f); // noise adds up to 2 * 3 / 10
        off += std::fabs(q.label - ((double)q.x1 + q.x2) / 10) > 0.05;
    }
    CHECK(off > 600); // noise/10 per point is spread over +-0.6: most exceed 0.05
    p = gen(DatasetKind::RegGauss, 0.0);
    for (const Point& q : p) {
        CHECK(std::fabs(q.x1) <= 6.0f);
        CHECK(std::fabs(q.label) <= 1.0f);
        // The 2-unit discs around the centres do not overlap, so float rounding cannot flip a sign.
        CHECK(std::fabs(q.label - reg_gauss_ref(q.x1, q.x2)) < 1e-5);
    }
    CHECK(count_label(p, 0.0f) > 0);
}

TEST_CASE("multi-class sets: balance, labels, blob centres, spiral arms") {
    struct Case {
        DatasetKind kind;
        int k;
    };
    for (Case c : {Case{DatasetKind::Blobs3, 3}, Case{DatasetKind::Blobs4, 4},
                   Case{DatasetKind::Blobs5, 5}, Case{DatasetKind::Spiral3, 3}}) {
        std::vector<Point> p = gen(c.kind, 0.0);
        REQUIRE(p.size() == 500);
        for (int cls = 0; cls < c.k; ++cls) {
            int expect = 500 / c.k + (cls < 500 % c.k ? 1 : 0); // 167/167/166, 125, 100
            CHECK(count_label(p, (float)cls) == expect);
        }
        for (const Point& q : p) {
            CHECK(q.label >= 0);
            CHECK(q.label < c.k);
            CHECK(q.label == std::floor(q.label));
        }
        if (c.kind == DatasetKind::Spiral3) continue;
        for (int cls = 0; cls < c.k; ++cls) {
            double a = 2 * kPi * cls / c.k + kPi / 2, sx = 0, sy = 0;
            int n = 0;
            for (const Point& q : p)
                if (q.label == cls) sx += q.x1, sy += q.x2, ++n;
            // sd 0.6, >= 100 points: standard error <= 0.06, 0.3 is 5 of them.
            CHECK(std::fabs(sx / n - 3.5 * std::cos(a)) < 0.3);
            CHECK(std::fabs(sy / n - 3.5 * std::sin(a)) < 0.3);
        }
    }
    // Spiral3 arm k starts at index 0, 167, 334; point 50 of arm k sits at r = 5*50/(500/3).
    std::vector<Point> s = gen(DatasetKind::Spiral3, 0.0);
    const int start[3] = {0, 167, 334};
    for (int k = 0; k < 3; ++k) {
        double n = 500 / 3.0, r = 5 * 50 / n, t = 1.75 * 50 / n * 2 * kPi + 2 * kPi * k / 3;
        const Point& q = s[(size_t)start[k] + 50];
        CHECK(q.label == (float)k);
        CHECK(std::fabs(q.x1 - r * std::sin(t)) < 1e-5);
        CHECK(std::fabs(q.x2 - r * std::cos(t)) < 1e-5);
    }
    CHECK(make_dataset(DatasetKind::Blobs4, 10, 50, "s").num_classes == 4);
}
