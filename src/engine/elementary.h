// elementary.h: our own exp, tanh, sigmoid (float, scalar and 4-lane) and sin, cos, log (double).
// Why: glibc, musl and libc++ disagree in the last bits of these functions, and the product
// promises bit-identical weights in the native CLI and the wasm build (design principle 7). Each
// float function is written once as a template over V = float or f32x4 with the same operation
// sequence, so a SIMD lane and the scalar call give the same bits. NaN propagates (divergence must
// stay visible); +-Inf saturate. Accuracy: about 2 ulp for the float functions, 1e-15 relative for
// the double ones on the ranges the datasets use.
#pragma once
#include "simd.h"
#include <cmath>
#include <cstdint>

namespace bp {
namespace elem {

// Lane helpers shared by the float and f32x4 instantiations.
inline float sel(bool m, float a, float b) {
    return m ? a : b;
}
inline f32x4 sel(i32x4 m, f32x4 a, f32x4 b) {
    return select4(m, a, b);
}
inline float fabs_(float x) {
    return std::fabs(x);
}
inline f32x4 fabs_(f32x4 x) {
    return abs4(x);
}
inline float bcast(float, float c) {
    return c;
}
inline f32x4 bcast(f32x4, float c) {
    return splat4(c);
}

// 2^n for integral-valued n in [-126, 127], built from exponent bits (exact).
inline float pow2i(float n) {
    int32_t i = ((int32_t)n + 127) << 23;
    float r;
    std::memcpy(&r, &i, 4);
    return r;
}
inline f32x4 pow2i(f32x4 n) {
    i32x4 i = (__builtin_convertvector(n, i32x4) + splat4i(127)) << 23;
    return (f32x4)i;
}
// floor for |x| < 2^23 and NaN mapped to 0 (so the int conversion is always defined).
inline float floor_small(float x) {
    x = (x == x) ? x : 0.0f;
    float t = (float)(int32_t)x;
    return (t > x) ? t - 1.0f : t;
}
inline f32x4 floor_small(f32x4 x) {
    x = select4(x == x, x, splat4(0.0f));
    f32x4 t = __builtin_convertvector(__builtin_convertvector(x, i32x4), f32x4);
    return select4(t > x, t - splat4(1.0f), t);
}

// exp (Cephes expf scheme): x = n ln2 + r, |r| <= ln2/2, degree-5 polynomial, scale by 2^n.
template <class V> inline V exp_t(V x) {
    const V hi = bcast(x, 88.3762626647949f), lo = bcast(x, -87.33654475f);
    x = sel(x > hi, hi, x); // NaN-preserving clamps: a comparison with NaN is false
    x = sel(x < lo, lo, x);
    V n = floor_small(x * bcast(x, 1.44269504088896341f) + bcast(x, 0.5f));
    V r = (x - n * bcast(x, 0.693359375f)) - n * bcast(x, -2.12194440e-4f);
    V z = r * r;
    V y = bcast(x, 1.9875691500E-4f);
    y = y * r + bcast(x, 1.3981999507E-3f);
    y = y * r + bcast(x, 8.3334519073E-3f);
    y = y * r + bcast(x, 4.1665795894E-2f);
    y = y * r + bcast(x, 1.6666665459E-1f);
    y = y * r + bcast(x, 5.0000001201E-1f);
    y = (y * z + r) + bcast(x, 1.0f);
    return y * pow2i(n);
}

// tanh: odd polynomial below 0.625 (Cephes tanhf), 1 - 2/(e^{2|x|}+1) above, sign restored.
template <class V> inline V tanh_t(V x) {
    V ax = fabs_(x);
    V z = x * x;
    V p = bcast(x, -5.70498872745E-3f);
    p = p * z + bcast(x, 2.06390887954E-2f);
    p = p * z + bcast(x, -5.37397155531E-2f);
    p = p * z + bcast(x, 1.33314422036E-1f);
    p = p * z + bcast(x, -3.33332819422E-1f);
    V small = (p * z) * x + x;
    V axc = sel(ax > bcast(x, 10.0f), bcast(x, 10.0f), ax); // tanh(10) rounds to 1
    V e = exp_t(axc + axc);
    V big = bcast(x, 1.0f) - bcast(x, 2.0f) / (e + bcast(x, 1.0f));
    big = sel(x < bcast(x, 0.0f), -big, big);
    return sel(ax < bcast(x, 0.625f), small, big); // NaN: big branch, exp(NaN) = NaN
}

template <class V> inline V sigmoid_t(V x) {
    return bcast(x, 1.0f) / (bcast(x, 1.0f) + exp_t(-x));
}

inline float exp(float x) {
    return exp_t(x);
}
inline float tanh(float x) {
    return tanh_t(x);
}
inline float sigmoid(float x) {
    return sigmoid_t(x);
}
inline double exp(double x) {
    return std::exp(x);
} // double: reference math only (grad checks)
inline double tanh(double x) {
    return std::tanh(x);
}
inline double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

// Deterministic double sin/cos/log for data generation and input features (Cephes sin.c scheme).
double sin(double x);
double cos(double x);
double log(double x);
// float log for loss values: computed through the double one, rounded once.
inline float logf(float x) {
    return (float)log((double)x);
}
inline double logd(double x) {
    return std::log(x);
}

} // namespace elem
} // namespace bp
