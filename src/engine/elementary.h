// elementary.h: our own exp, tanh, sigmoid (float, scalar and 4-lane) and sin, cos, log, exp
// (double). Why: glibc, musl and libc++ disagree in the last bits of these functions, and the
// product promises bit-identical weights in the native CLI and the wasm build (README: same numbers
// everywhere). Each float function is written once as a template over V = float or f32x4 with the
// same operation sequence, so a SIMD lane and the scalar call give the same bits. NaN propagates
// (divergence must stay visible); +-Inf saturate. Accuracy: about 2 ulp for exp and sigmoid, 4e-7
// relative for tanh, 1e-15 relative for the double ones on the ranges the datasets use.
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

// x > c ? c : x and x < c ? c : x (NaN passes through), as pmin/pmax in 4 lanes (simd.h).
inline float clamp_hi(float x, float c) {
    return x > c ? c : x;
}
inline f32x4 clamp_hi(f32x4 x, float c) {
    return pmin4(x, splat4(c));
}
inline float clamp_lo(float x, float c) {
    return x < c ? c : x;
}
inline f32x4 clamp_lo(f32x4 x, float c) {
    return pmax4(x, splat4(c));
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
    x = clamp_hi(x, 88.3762626647949f); // NaN-preserving clamps
    x = clamp_lo(x, -87.33654475f);
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

// tanh: Eigen's 13/6 rational interpolant x P(x^2) / Q(x^2) on x clamped to [-9, 9] (tanh(9)
// rounds to 1). One division and no exp, so 4 lanes cost ~1/3 of the exp-based form this replaced
// (the grid's 490,000 tanh per frame dominate W3). Without FMA: worst 4e-7 relative (|x| near 5.8,
// where 1 - tanh is 2e-5), odd by construction, clamped to [-1, 1]. NaN passes the clamps
// unchanged.
template <class V> inline V tanh_t(V x) {
    x = clamp_lo(clamp_hi(x, 9.0f), -9.0f);
    V x2 = x * x;
    V p = bcast(x, -2.76076847742355e-16f);
    p = p * x2 + bcast(x, 2.00018790482477e-13f);
    p = p * x2 + bcast(x, -8.60467152213735e-11f);
    p = p * x2 + bcast(x, 5.12229709037114e-08f);
    p = p * x2 + bcast(x, 1.48572235717979e-05f);
    p = p * x2 + bcast(x, 6.37261928875436e-04f);
    p = p * x2 + bcast(x, 4.89352455891786e-03f);
    V q = bcast(x, 1.19825839466702e-06f);
    q = q * x2 + bcast(x, 1.18534705686654e-04f);
    q = q * x2 + bcast(x, 2.26843463243900e-03f);
    q = q * x2 + bcast(x, 4.89352518554385e-03f);
    V t = (p * x) / q;
    return clamp_lo(clamp_hi(t, 1.0f), -1.0f); // rounding gives up to 1 + 2 ulp near |x| = 9
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
// Deterministic double sin/cos/log for data generation and input features (Cephes sin.c scheme),
// and exp for the double networks (reference math: gradient checks). The double exp and log are
// ours rather than libm's also for the page's weight: musl's exp and log bring 6.5 KB of tables
// that the first visit's engine.wasm would carry (data is not split off with the code that uses
// it).
double sin(double x);
double cos(double x);
double log(double x);
double exp(double x);
inline double tanh(double x) {
    return std::tanh(x); // libm's tanh goes through expm1, which has no tables
}
inline double sigmoid(double x) {
    return 1.0 / (1.0 + exp(-x));
}
// float log for loss values: computed through the double one, rounded once.
inline float logf(float x) {
    return (float)log((double)x);
}

} // namespace elem
} // namespace bp
