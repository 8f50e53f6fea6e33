// simd.h: a 4-lane float vector type that lowers to SIMD128 on wasm and SSE natively.
// Contract: only IEEE single-precision lane operations (add, sub, mul, div, sqrt, compare, select),
// never fused multiply-add, so every lane gives the same bits as the scalar code written with the
// same operation sequence (README: same numbers everywhere). Loads/stores are unaligned-safe via
// memcpy.
#pragma once
#include <cstdint>
#include <cstring>

namespace bp {

typedef float f32x4 __attribute__((vector_size(16)));
typedef int32_t i32x4 __attribute__((vector_size(16)));

inline f32x4 load4(const float* p) {
    f32x4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store4(float* p, f32x4 v) {
    std::memcpy(p, &v, sizeof v);
}
inline f32x4 splat4(float x) {
    return f32x4{x, x, x, x};
}

// Lane-wise select: mask lanes are all-ones (true) or all-zeros (false), as vector compares give.
inline f32x4 select4(i32x4 mask, f32x4 a, f32x4 b) {
    i32x4 ai = (i32x4)a, bi = (i32x4)b;
    return (f32x4)((ai & mask) | (bi & ~mask));
}
inline f32x4 min4(f32x4 a, f32x4 b) {
    return select4(a < b, a, b);
}
inline f32x4 max4(f32x4 a, f32x4 b) {
    return select4(a > b, a, b);
}
// b < a ? b : a and a < b ? b : a: a NaN in a passes through. On wasm these are pmin/pmax, one
// instruction; the same select written with compares becomes f32x4.min/max, which V8 expands for
// NaN and -0 into ~7 instructions (measured: tanh 2-3x slower).
inline f32x4 pmin4(f32x4 a, f32x4 b) {
#if defined(__wasm_simd128__)
    return (f32x4)__builtin_wasm_pmin_f32x4(a, b);
#elif defined(__SSE__)
    return (f32x4)__builtin_ia32_minps(b, a); // minps(b, a) = b < a ? b : a, a when unordered
#else
    return select4(b < a, b, a);
#endif
}
inline f32x4 pmax4(f32x4 a, f32x4 b) {
#if defined(__wasm_simd128__)
    return (f32x4)__builtin_wasm_pmax_f32x4(a, b);
#elif defined(__SSE__)
    return (f32x4)__builtin_ia32_maxps(b, a); // maxps(b, a) = b > a ? b : a, a when unordered
#else
    return select4(a < b, b, a);
#endif
}
inline i32x4 splat4i(int32_t x) {
    return i32x4{x, x, x, x};
}
inline f32x4 abs4(f32x4 a) {
    return (f32x4)((i32x4)a & splat4i(0x7fffffff));
}

// Horizontal sum in the one fixed order shared with the scalar twins: (l0 + l1) + (l2 + l3).
inline float hsum4(f32x4 v) {
    return (v[0] + v[1]) + (v[2] + v[3]);
}

#if defined(__clang__)
#define BP_SHUFFLE4(a, b, i0, i1, i2, i3) __builtin_shufflevector(a, b, i0, i1, i2, i3)
#else
#define BP_SHUFFLE4(a, b, i0, i1, i2, i3) __builtin_shuffle(a, b, i32x4{i0, i1, i2, i3})
#endif

// Lane c = hsum4(a_c), the same order (p0 + p1) + (p2 + p3), for 4 vectors at once: 6 shuffles
// and 3 adds instead of 12 lane extracts and 12 scalar adds.
inline f32x4 hsum4x4(f32x4 a0, f32x4 a1, f32x4 a2, f32x4 a3) {
    f32x4 p01 = BP_SHUFFLE4(a0, a1, 0, 2, 4, 6) + BP_SHUFFLE4(a0, a1, 1, 3, 5, 7);
    f32x4 p23 = BP_SHUFFLE4(a2, a3, 0, 2, 4, 6) + BP_SHUFFLE4(a2, a3, 1, 3, 5, 7);
    // p01 = [a0 l0+l1, a0 l2+l3, a1 l0+l1, a1 l2+l3], p23 likewise for a2, a3
    return BP_SHUFFLE4(p01, p23, 0, 2, 4, 6) + BP_SHUFFLE4(p01, p23, 1, 3, 5, 7);
}

} // namespace bp
