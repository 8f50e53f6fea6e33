// test_float_text.cpp: append_float (the exact-integer fast path, float_text.cpp) writes the same
// text as float_text_reference (the snprintf/strtof/strtod loop that defines it, float_text.h)
// for float32 values of every exponent, the decimal edges where rounding adds a digit, and the
// float midpoints' neighbours; and the written text reads back to the same bits.
#include "session/float_text.h"
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <doctest/doctest.h>

using namespace bp;

namespace {

float from_bits(std::uint32_t u) {
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

// Counts mismatches so a failure reports the first value instead of a million lines.
int mismatches(float v, int& shown) {
    const std::string fast = float_text(v), ref = float_text_reference(v);
    if (fast == ref) return 0;
    if (shown++ < 5) MESSAGE("v=" << ref << " fast=" << fast);
    return 1;
}

} // namespace

TEST_CASE("float_text equals the reference loop on every exponent and at decimal edges") {
    int bad = 0, shown = 0;
    std::uint32_t s = 12345;
    for (int i = 0; i < 400000; ++i) { // random bit patterns: every exponent, both signs
        s = s * 1103515245u + 12345u;
        const std::uint32_t u = (s >> 1) ^ (s << 31);
        const float v = from_bits(u);
        if (std::isfinite(v)) bad += mismatches(v, shown);
    }
    for (int i = 0; i < 200000; ++i) { // weights-like: |v| < 8
        s = s * 1103515245u + 12345u;
        bad += mismatches(((float)(s >> 8) / 16777216.0f - 0.5f) * 16.0f, shown);
    }
    for (int p = -45; p <= 38; ++p) // around powers of ten and 9.99..: the digit-count edges
        for (double base : {1.0, 9.5, 9.95, 9.995, 9.9999999, 5.0, 2.5, 1.5}) {
            const float c = (float)(base * std::pow(10.0, p));
            float v = c;
            for (int k = 0; k < 40 && std::isfinite(v); ++k) v = std::nextafter(v, 0.0f);
            for (int k = 0; k < 80 && std::isfinite(v); ++k, v = std::nextafter(v, HUGE_VALF))
                bad += mismatches(v, shown) + mismatches(-v, shown);
        }
    for (float v : {0.0f, -0.0f, 1.0f, 0.1f, 1.633f, 16777216.0f, 16777215.0f, FLT_MAX, FLT_MIN,
                    FLT_TRUE_MIN, 1e-5f, 1e-4f, 1e9f, 1e13f, 1e22f, 1e30f})
        bad += mismatches(v, shown) + mismatches(-v, shown);
    CHECK(bad == 0);
    CHECK(float_text(1.633f) == "1.633");
    CHECK(float_text(-0.0001f) == "-0.0001");
    CHECK(float_text(1e-5f) == "1e-05");
    CHECK(float_text(100.0f) == "1e+02"); // %.1g, as the reference writes it
    CHECK(float_text(1e9f) == "1e+09");
    CHECK(float_text(123456792.0f) == "1.2345679e+08");
    CHECK(float_text(0.5f) == "0.5");
}

TEST_CASE("float_text reads back to the same float32 bits by strtof and by double then float") {
    std::uint32_t s = 777;
    for (int i = 0; i < 100000; ++i) {
        s = s * 1664525u + 1013904223u;
        const float v = from_bits(s);
        if (!std::isfinite(v)) continue;
        const std::string t = float_text(v);
        const float a = std::strtof(t.c_str(), nullptr), b = (float)std::strtod(t.c_str(), nullptr);
        REQUIRE(std::memcmp(&a, &v, 4) == 0);
        REQUIRE(std::memcmp(&b, &v, 4) == 0);
    }
}
