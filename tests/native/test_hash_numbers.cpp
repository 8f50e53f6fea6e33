// test_hash_numbers.cpp: the link codec's numbers without strtod's slow path (hash_text.cpp).
// exact_decimal (Clinger's fast path) must give strtod's bits whenever it answers, and answer for
// the numbers links hold; reads_back_as must say what strtof(text) == v says, at float midpoints
// too; parse_decimal and format_number keep their definitions (strtod; the shortest "%.{p}g" that
// strtod reads back), written here again with the C library alone.
#include "config/hash_text.h"
#include "engine/rng.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <doctest/doctest.h>
#include <string>

using namespace bp;
namespace ht = bp::hash_text;

namespace {

bool same_bits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// A decimal text in one of the forms links and "%g" write, from a few random draws.
std::string random_decimal(Rng& r) {
    const int digits = 1 + (int)(r.uniform() * 19), form = (int)(r.uniform() * 4);
    std::string d;
    for (int i = 0; i < digits; ++i) d += char('0' + (int)(r.uniform() * 10));
    const int exp10 = (int)(r.uniform() * 61) - 30;
    std::string s = r.uniform() < 0.3 ? "-" : "";
    if (form == 0) return s + d;                                                    // 1234
    if (form == 1) return s + d.substr(0, digits / 2) + "." + d.substr(digits / 2); // 12.34, .34
    if (form == 2) return s + d + "e" + std::to_string(exp10);                      // 1234e-7
    return s + d.substr(0, 1) + "." + d.substr(1) + (exp10 < 0 ? "e-" : "e+") +
           (std::abs(exp10) < 10 ? "0" : "") + std::to_string(std::abs(exp10)); // 1.234e-07
}

} // namespace

TEST_CASE("exact_decimal gives strtod's bits whenever it answers") {
    Rng r(8080);
    int answered = 0, n = 200000;
    for (int k = 0; k < n; ++k) {
        const std::string s = random_decimal(r);
        double fast = 12345.0;
        if (!ht::exact_decimal(s, fast)) {
            CHECK(fast == 12345.0); // untouched
            continue;
        }
        ++answered;
        const double ref = std::strtod(s.c_str(), nullptr);
        if (!same_bits(fast, ref)) {
            CAPTURE(s);
            REQUIRE(same_bits(fast, ref));
        }
    }
    // most draws have <= 15 digits and a small exponent: the fast path takes them
    CHECK(answered > n / 4);
    CHECK(answered < n); // and refuses the rest (19 digits above 2^53, exponents beyond 22)
}

TEST_CASE("exact_decimal takes what links hold and refuses what it cannot do exactly") {
    double v = 0;
    for (const char* s : {"0.03", "0.1", "1e-05", "1.5e+20", "-3", "+2.5", ".5", "5.", "0", "-0",
                          "100", "0.000001", "9007199254740992", "123456789e-22", "1e22"}) {
        CAPTURE(s);
        REQUIRE(ht::exact_decimal(s, v));
        CHECK(same_bits(v, std::strtod(s, nullptr)));
    }
    CHECK(std::signbit((ht::exact_decimal("-0", v), v)));
    for (const char* s : {"9007199254740993", // above 2^53: two doubles are as near
                          "1e23", "1e-23", "12345678901234567890", "", "-", ".", "e5", "1e", "1e+",
                          "1.2.3", "0x10", "inf", "nan", " 1", "1 ", "1e1000000"}) {
        CAPTURE(s);
        CHECK_FALSE(ht::exact_decimal(s, v));
    }
}

TEST_CASE("reads_back_as says what strtof says, at float midpoints too") {
    // 16777217 = 2^24 + 1 lies halfway between the floats 2^24 and 2^24 + 2: as a double it is
    // exact, and a double to float conversion and strtof both round it to even, 2^24
    CHECK(ht::reads_back_as("16777217", 16777216.0f));
    CHECK_FALSE(ht::reads_back_as("16777217", 16777218.0f));
    CHECK(ht::reads_back_as("16777219", 16777220.0f)); // the next midpoint: even is 2^24 + 4
    Rng r(8081);
    for (int k = 0; k < 100000; ++k) {
        const float v = (float)((r.uniform() - 0.5) * std::pow(10.0, (int)(r.uniform() * 20) - 10));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.*g", 1 + (int)(r.uniform() * 9), (double)v);
        const bool ref = std::strtof(buf, nullptr) == v;
        if (ht::reads_back_as(buf, v) != ref) {
            CAPTURE(buf);
            REQUIRE(ht::reads_back_as(buf, v) == ref);
        }
    }
}

TEST_CASE("parse_decimal and format_number keep their strtod definitions") {
    Rng r(8082);
    for (int k = 0; k < 50000; ++k) {
        const std::string s = random_decimal(r);
        double v = 0;
        REQUIRE(ht::parse_decimal(s, v) == ht::NumberStatus::Ok);
        const double ref = std::strtod(s.c_str(), nullptr);
        CAPTURE(s);
        REQUIRE(same_bits(v, ref == 0.0 ? 0.0 : ref)); // -0 becomes +0
        if (!std::isfinite(v) || v == 0) continue;
        // format_number: integral values below 1e15 as "%.0f", else the shortest "%.{p}g" that
        // strtod reads back, the definition spelled out with the C library only
        char want[64];
        if (v == std::floor(v) && std::fabs(v) < 1e15) {
            std::snprintf(want, sizeof want, "%.0f", v);
        } else {
            for (int p = 1; p <= 17; ++p) {
                std::snprintf(want, sizeof want, "%.*g", p, v);
                if (std::strtod(want, nullptr) == v) break;
            }
        }
        REQUIRE(ht::format_number(v) == want);
    }
}
