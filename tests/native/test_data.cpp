// test_data.cpp: dataset plumbing: point and class counts, the floor split rule and its clamping,
// generate -> Fisher-Yates -> split, label balance, determinism by seed, noise clamping, user
// points. Generator shapes are in test_data_generators.cpp, features/elementary/Rng in
// test_data_features.cpp.
#include "data/dataset.h"
#include "engine/rng.h"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <limits>

using namespace bp;

namespace {

std::vector<Point> gen(DatasetKind kind, double noise, const char* seed = "12345") {
    Rng rng(seed, "data");
    return generate_points(kind, default_point_count(kind), noise, rng);
}
int count_label(const std::vector<Point>& p, float label) {
    int c = 0;
    for (const auto& q : p) c += q.label == label;
    return c;
}
bool same_bytes(const std::vector<Point>& a, const std::vector<Point>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Point)) == 0;
}
std::vector<Point> joined(const Dataset& d) {
    std::vector<Point> all = d.train;
    all.insert(all.end(), d.test.begin(), d.test.end());
    return all;
}
// The shuffle rule of the brief, written out independently of dataset.cpp.
void fisher_yates(std::vector<Point>& p, Rng& r) {
    for (long i = (long)p.size() - 1; i >= 1; --i)
        std::swap(p[(size_t)i], p[r.below((uint32_t)i + 1)]);
}
const DatasetKind kBinary[] = {DatasetKind::Circle, DatasetKind::Xor, DatasetKind::Gauss,
                               DatasetKind::Spiral};

} // namespace

TEST_CASE("point counts and class counts per dataset kind") {
    for (DatasetKind k : kBinary) {
        CHECK(default_point_count(k) == 500);
        CHECK(num_classes_of(k) == 2);
    }
    CHECK(default_point_count(DatasetKind::RegPlane) == 1200);
    CHECK(default_point_count(DatasetKind::RegGauss) == 1200);
    CHECK(num_classes_of(DatasetKind::RegPlane) == 0);
    CHECK(num_classes_of(DatasetKind::RegGauss) == 0);
    CHECK(default_point_count(DatasetKind::Blobs3) == 500);
    CHECK(default_point_count(DatasetKind::Spiral3) == 500);
    CHECK(num_classes_of(DatasetKind::Blobs3) == 3);
    CHECK(num_classes_of(DatasetKind::Blobs4) == 4);
    CHECK(num_classes_of(DatasetKind::Blobs5) == 5);
    CHECK(num_classes_of(DatasetKind::Spiral3) == 3);
    CHECK(default_point_count(DatasetKind::Custom) == 0);
    CHECK(num_classes_of(DatasetKind::Custom) == 2);
    for (DatasetKind k : {DatasetKind::Circle, DatasetKind::RegGauss, DatasetKind::Blobs5})
        CHECK(gen(k, 0.2).size() == (size_t)default_point_count(k));
}

TEST_CASE("train/test split is floor(N * perc / 100), perc clamped to [10, 90]") {
    struct Case {
        DatasetKind kind;
        double perc;
        size_t train, test;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // 500 * 33.3 / 100 = 166.5 and 1200 * 33.3 / 100 = 399.6 exercise the floor.
    const Case cases[] = {
        {DatasetKind::Circle, 10, 50, 450},    {DatasetKind::Circle, 50, 250, 250},
        {DatasetKind::Circle, 90, 450, 50},    {DatasetKind::RegPlane, 10, 120, 1080},
        {DatasetKind::RegPlane, 50, 600, 600}, {DatasetKind::RegGauss, 90, 1080, 120},
        {DatasetKind::Circle, 33.3, 166, 334}, {DatasetKind::RegGauss, 33.3, 399, 801},
        {DatasetKind::Spiral3, 70, 350, 150},  {DatasetKind::Xor, 0, 50, 450},
        {DatasetKind::Xor, 100, 450, 50},      {DatasetKind::Gauss, nan, 250, 250}};
    for (const Case& c : cases) {
        CAPTURE(c.perc);
        Dataset d = make_dataset(c.kind, 0, c.perc, "7");
        CHECK(d.train.size() == c.train);
        CHECK(d.test.size() == c.test);
        CHECK(d.num_classes == num_classes_of(c.kind));
    }
}

TEST_CASE("make_dataset = generate_points, Fisher-Yates on the same stream, then split") {
    for (DatasetKind k : {DatasetKind::Circle, DatasetKind::Spiral, DatasetKind::RegGauss}) {
        Rng r("abc", "data");
        std::vector<Point> expect = generate_points(k, default_point_count(k), 0.25, r);
        fisher_yates(expect, r);
        Dataset d = make_dataset(k, 25, 30, "abc");
        CHECK(same_bytes(joined(d), expect));
    }
}

TEST_CASE("binary label balance at noise 0") {
    // Circle, spiral and gauss assign labels by halves of the generation order: exactly 250/250.
    for (DatasetKind k : {DatasetKind::Circle, DatasetKind::Spiral, DatasetKind::Gauss}) {
        std::vector<Point> p = gen(k, 0.0);
        CHECK(count_label(p, 1.0f) == 250);
        CHECK(count_label(p, -1.0f) == 250);
        for (int i = 0; i < 500; ++i) CHECK(p[(size_t)i].label == (i < 250 ? 1.0f : -1.0f));
    }
    // Xor labels are Bernoulli(1/2): sd of the count is sqrt(500)/2 = 11.2, so +-50 is 4.5 sd.
    std::vector<Point> x = gen(DatasetKind::Xor, 0.0);
    CHECK(count_label(x, 1.0f) + count_label(x, -1.0f) == 500);
    CHECK(count_label(x, 1.0f) >= 200);
    CHECK(count_label(x, 1.0f) <= 300);
}

TEST_CASE("determinism by seed, and noise clamping") {
    Dataset a = make_dataset(DatasetKind::Spiral, 20, 50, "42");
    Dataset b = make_dataset(DatasetKind::Spiral, 20, 50, "42");
    Dataset c = make_dataset(DatasetKind::Spiral, 20, 50, "43");
    CHECK(same_bytes(a.train, b.train));
    CHECK(same_bytes(a.test, b.test));
    CHECK_FALSE(same_bytes(a.train, c.train));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(same_bytes(gen(DatasetKind::Circle, 7.0), gen(DatasetKind::Circle, 0.5)));
    CHECK(same_bytes(gen(DatasetKind::Circle, nan), gen(DatasetKind::Circle, 0.0)));
    CHECK(same_bytes(gen(DatasetKind::Xor, -1.0), gen(DatasetKind::Xor, 0.0)));
    CHECK_FALSE(same_bytes(gen(DatasetKind::Xor, 0.1), gen(DatasetKind::Xor, 0.0)));
    CHECK(same_bytes(joined(make_dataset(DatasetKind::Gauss, 80, 50, "s")),
                     joined(make_dataset(DatasetKind::Gauss, 50, 50, "s"))));
    Rng r("x", "data");
    CHECK(generate_points(DatasetKind::Circle, -5, 0, r).empty());
}

TEST_CASE("custom points: nothing generated; split_points shuffles with its own stream") {
    Dataset none = make_dataset(DatasetKind::Custom, 0, 50, "1");
    CHECK(none.train.empty());
    CHECK(none.test.empty());
    std::vector<Point> pts;
    for (int i = 0; i < 37; ++i) pts.push_back(Point{(float)i, (float)-i, (float)(i % 2)});
    Dataset d = split_points(pts, 2, 40, "seed");
    CHECK(d.train.size() == 14); // floor(37 * 0.4) = floor(14.8)
    CHECK(d.test.size() == 23);
    CHECK(d.num_classes == 2);
    std::vector<Point> expect = pts;
    Rng r("seed", "data-custom");
    fisher_yates(expect, r);
    CHECK(same_bytes(joined(d), expect));
    CHECK(split_points({}, 3, 50, "x").train.empty());
}
