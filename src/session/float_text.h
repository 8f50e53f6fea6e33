// float_text.h: decimal text for float32 values that reads back to the same bits, written once for
// the model JSON and the exported scripts. The shortest "%.{1..9}g" form that both strtof and
// (float)strtod map back to v: the second matters because JSON readers and Python parse to double
// first, and a short decimal next to a float32 rounding midpoint could round twice the wrong way.
// "%.9g" always qualifies (9 digits are within 5e-9 relative, the midpoints 3e-8 away), so the
// loop ends by 9. Assumes the C locale's '.' (the engine never calls setlocale).
// float_text_reference is that definition as a loop of snprintf/strtof/strtod (up to 27 libc
// calls a number: 15 s for a 16 x 256 model in wasm); float_text computes the same text with
// exact integer arithmetic (float_text.cpp) and falls back to the reference where it cannot.
#pragma once
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace bp {

inline std::string float_text_reference(float v) {
    if (!std::isfinite(v)) return "null"; // never written for a finite model; a reader refuses it
    char buf[32];
    for (int digits = 1; digits <= 9; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, (double)v);
        const float a = std::strtof(buf, nullptr), b = (float)std::strtod(buf, nullptr);
        if (std::memcmp(&a, &v, 4) == 0 && std::memcmp(&b, &v, 4) == 0) break;
    }
    return buf;
}

// Appends float_text_reference(v)'s text to out.
void append_float(std::string& out, float v);

inline std::string float_text(float v) {
    std::string s;
    append_float(s, v);
    return s;
}

// "[v0, v1, ...]"
inline std::string float_list(const float* v, std::size_t n) {
    std::string s = "[";
    s.reserve(n * 14 + 2);
    for (std::size_t k = 0; k < n; ++k) {
        if (k) s += ", ";
        append_float(s, v[k]);
    }
    return s + "]";
}

} // namespace bp
