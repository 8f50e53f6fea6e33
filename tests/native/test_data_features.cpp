// test_data_features.cpp: input features against their direct formulas, the deterministic
// elem::sin/cos/log the data code uses against the C library, and the Rng's distributions.
// Statistical tolerances are stated in standard errors; the streams are seeded, so a pass is
// stable.
#include "data/features.h"
#include "engine/elementary.h"
#include "engine/rng.h"
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

TEST_CASE("active_features: fixed order, cosX/cosY without effect") {
    Config c;
    CHECK(active_features(c) == std::vector<Feature>{Feature::X1, Feature::X2});
    c.x = c.y = false;
    c.cos_x = c.cos_y = true;
    CHECK(active_features(c).empty());
    c.sin_y = c.x_times_y = c.x = c.x_squared = c.sin_x = c.y_squared = c.y = true;
    CHECK(active_features(c) == std::vector<Feature>{Feature::X1, Feature::X2, Feature::X1Squared,
                                                     Feature::X2Squared, Feature::X1TimesX2,
                                                     Feature::SinX1, Feature::SinX2});
}

TEST_CASE("feature keys and labels") {
    const char* keys[] = {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY"};
    // X with subscript 1 / 2 (U+2081, U+2082 in UTF-8), squares with U+00B2
    const char* labels[] = {"X\xE2\x82\x81",
                            "X\xE2\x82\x82",
                            "X\xE2\x82\x81\xC2\xB2",
                            "X\xE2\x82\x82\xC2\xB2",
                            "X\xE2\x82\x81X\xE2\x82\x82",
                            "sin(X\xE2\x82\x81)",
                            "sin(X\xE2\x82\x82)"};
    for (int i = 0; i < kNumFeatureKinds; ++i) {
        CHECK(std::string(feature_key((Feature)i)) == keys[i]);
        CHECK(std::string(feature_label((Feature)i)) == labels[i]);
    }
}

TEST_CASE("compute_features: layout [feature][n] and values") {
    const std::vector<float> x1 = {0.0f, -1.5f, 2.25f, 5.9f, -6.0f, 1e-3f, 3.14159f};
    const std::vector<float> x2 = {1.0f, 0.5f, -4.0f, -5.9f, 6.0f, -2e-3f, 100.0f};
    const size_t n = x1.size();
    std::vector<Feature> all;
    for (int i = 0; i < kNumFeatureKinds; ++i) all.push_back((Feature)i);
    std::vector<float> out(all.size() * n, -999.0f);
    compute_features(all, x1.data(), x2.data(), n, out.data());
    for (size_t i = 0; i < n; ++i) {
        float a = x1[i], b = x2[i];
        CHECK(out[0 * n + i] == a);
        CHECK(out[1 * n + i] == b);
        CHECK(out[2 * n + i] == a * a);
        CHECK(out[3 * n + i] == b * b);
        CHECK(out[4 * n + i] == a * b);
        CHECK(std::fabs(out[5 * n + i] - std::sin((double)a)) < 1e-6);
        CHECK(std::fabs(out[6 * n + i] - std::sin((double)b)) < 1e-6);
    }
    // A subset writes only its own rows, in the order given.
    std::vector<float> two(2 * n, -999.0f);
    compute_features({Feature::SinX2, Feature::X1}, x1.data(), x2.data(), n, two.data());
    CHECK(two[0] == out[6 * n]);
    CHECK(two[n + 3] == x1[3]);
    compute_features(all, nullptr, nullptr, 0, nullptr); // n = 0 touches nothing
}

// Relative error with a floor of one double ulp at 1 (1.1e-16): near a zero of sin, cos or log a
// pure relative bound is meaningless since the argument itself carries that much rounding.
static bool close_rel(double got, double want, double rel) {
    return std::fabs(got - want) <= rel * std::fabs(want) + 1.2e-16;
}

TEST_CASE("elem::sin/cos/log agree with the C library to 1e-14 relative") {
    int bad_sin = 0, bad_cos = 0, bad_log = 0;
    for (int i = -200000; i <= 200000; ++i) {
        double x = i * 1e-4; // [-20, 20]
        bad_sin += !close_rel(elem::sin(x), std::sin(x), 1e-14);
        bad_cos += !close_rel(elem::cos(x), std::cos(x), 1e-14);
    }
    for (int i = 0; i <= 60000; ++i) {
        double x = std::pow(10.0, -300 + i * 1e-2); // (1e-300, 1e300) geometrically
        bad_log += !close_rel(elem::log(x), std::log(x), 1e-14);
    }
    for (int i = 0; i <= 150000; ++i) {
        double x = 0.5 + i * 1e-5; // [0.5, 2]: around log's zero at 1
        bad_log += !close_rel(elem::log(x), std::log(x), 1e-14);
    }
    CHECK(bad_sin == 0);
    CHECK(bad_cos == 0);
    CHECK(bad_log == 0);
    CHECK(elem::sin(0.0) == 0.0);
    CHECK(elem::cos(0.0) == 1.0);
    CHECK(elem::log(1.0) == 0.0);
    CHECK(std::isnan(elem::log(-1.0)));
}

TEST_CASE("Rng: ranges, moments, reproducibility") {
    const int n = 100000;
    Rng r("seed", "test");
    double sum = 0;
    bool in_range = true;
    for (int i = 0; i < n; ++i) {
        double u = r.uniform();
        in_range = in_range && u >= 0.0 && u < 1.0;
        sum += u;
    }
    CHECK(in_range);
    // sd of the mean: sqrt(1/12)/sqrt(1e5) = 9.1e-4, so 0.01 is 11 standard errors.
    CHECK(std::fabs(sum / n - 0.5) < 0.01);

    double s1 = 0, s2 = 0;
    for (int i = 0; i < n; ++i) {
        double z = r.normal();
        s1 += z;
        s2 += z * z;
    }
    double mean = s1 / n, var = s2 / n - mean * mean;
    // Standard errors: 1/sqrt(1e5) = 3.2e-3 for the mean, sqrt(2/1e5) = 4.5e-3 for the variance.
    CHECK(std::fabs(mean) < 0.02);
    CHECK(std::fabs(var - 1.0) < 0.03);

    bool below_ok = true;
    for (uint32_t m : {1u, 2u, 3u, 7u, 1000u, 4294967295u})
        for (int i = 0; i < 1000; ++i) below_ok = below_ok && r.below(m) < m;
    CHECK(below_ok);
    for (int i = 0; i < 1000; ++i) {
        double v = r.uniform(-6, 6);
        float f = r.uniform_f();
        CHECK((v >= -6 && v < 6));
        CHECK((f >= 0.0f && f < 1.0f));
    }

    Rng a("same", "data"), b("same", "data"), c("same", "init"), d("other", "data");
    bool same = true, differs_stream = false, differs_seed = false;
    for (int i = 0; i < 100; ++i) {
        uint32_t x = a.next_u32();
        same = same && x == b.next_u32();
        differs_stream = differs_stream || x != c.next_u32();
        differs_seed = differs_seed || x != d.next_u32();
    }
    CHECK(same);
    CHECK(differs_stream);
    CHECK(differs_seed);
}
