// activation.cpp: 4-lane float activations; each lane runs the scalar twin's exact operation
// sequence (see activation.h), the tail runs the scalar twin itself.
#include "activation.h"
#include "simd.h"
#include <type_traits>

namespace bp {
namespace {

inline f32x4 value4(Activation f, f32x4 z, f32x4 alpha) {
    const f32x4 zero = splat4(0.0f);
    switch (f) {
    case Activation::ReLU:
        return pmax4(zero, z); // z > 0 ? z : 0
    case Activation::LeakyReLU:
        return select4(z > zero, z, alpha * z);
    case Activation::Tanh:
        return elem::tanh_t(z);
    case Activation::Sigmoid:
        return elem::sigmoid_t(z);
    default:
        return z;
    }
}

inline f32x4 deriv4(Activation f, f32x4 a, f32x4 alpha) {
    const f32x4 zero = splat4(0.0f), one = splat4(1.0f);
    switch (f) {
    case Activation::ReLU:
        return select4(a > zero, one, zero);
    case Activation::LeakyReLU:
        return select4(a > zero, one, alpha);
    case Activation::Tanh:
        return one - a * a;
    case Activation::Sigmoid:
        return a * (one - a);
    default:
        return one;
    }
}

} // namespace

namespace {

// One switch per call, not per vector: the page's layers are 2-16 neurons wide and a batch of 10
// is 3 vectors per row, so per-call overhead is a large share of the work.
template <Activation F>
void forward_rows(const float* z, std::size_t ld_z, float* a, std::size_t ld_a, int rows,
                  std::size_t n, float alpha) {
    if constexpr (F == Activation::Linear)
        if (a == z) return;
    const f32x4 al = splat4(alpha);
    for (int j = 0; j < rows; ++j, z += ld_z, a += ld_a) {
        std::size_t k = 0;
        for (; k + 4 <= n; k += 4) store4(a + k, value4(F, load4(z + k), al));
        for (; k < n; ++k) a[k] = act_value(F, z[k], alpha);
    }
}

template <Activation F>
void backward_rows(const float* a, const float* da, float* dz, std::size_t ld, int rows,
                   std::size_t n, float alpha) {
    const f32x4 al = splat4(alpha);
    for (int j = 0; j < rows; ++j, a += ld, da += ld, dz += ld) {
        std::size_t k = 0;
        for (; k + 4 <= n; k += 4) store4(dz + k, load4(da + k) * deriv4(F, load4(a + k), al));
        for (; k < n; ++k) dz[k] = da[k] * act_deriv(F, a[k], alpha);
    }
}

// Calls fn with f as a compile-time constant (std::integral_constant); anything else (Softmax,
// done across rows elsewhere) takes the Linear path, as value4 and deriv4 do.
template <class Fn> void with_activation(Activation f, Fn&& fn) {
    using A = Activation;
    switch (f) {
    case A::Tanh:
        return fn(std::integral_constant<A, A::Tanh>{});
    case A::ReLU:
        return fn(std::integral_constant<A, A::ReLU>{});
    case A::LeakyReLU:
        return fn(std::integral_constant<A, A::LeakyReLU>{});
    case A::Sigmoid:
        return fn(std::integral_constant<A, A::Sigmoid>{});
    default:
        return fn(std::integral_constant<A, A::Linear>{});
    }
}

} // namespace

void activation_forward_rows(Activation f, const float* z, std::size_t ld_z, float* a,
                             std::size_t ld_a, int rows, std::size_t n, float alpha) {
    with_activation(
        f, [&](auto F) { forward_rows<decltype(F)::value>(z, ld_z, a, ld_a, rows, n, alpha); });
}

void activation_backward_rows(Activation f, const float* a, const float* da, float* dz,
                              std::size_t ld, int rows, std::size_t n, float alpha) {
    with_activation(
        f, [&](auto F) { backward_rows<decltype(F)::value>(a, da, dz, ld, rows, n, alpha); });
}

void activation_forward(Activation f, const float* z, float* a, std::size_t n, float alpha) {
    activation_forward_rows(f, z, n, a, n, 1, n, alpha);
}

void activation_backward(Activation f, const float* a, const float* da, float* dz, std::size_t n,
                         float alpha) {
    activation_backward_rows(f, a, da, dz, n, 1, n, alpha);
}

void softmax_forward(const float* z, float* a, std::size_t ld, int rows, int B) {
    int s = 0;
    for (; s + 4 <= B; s += 4) {
        f32x4 m = load4(z + s);
        for (int j = 1; j < rows; ++j) {
            f32x4 v = load4(z + j * ld + s);
            m = select4(v > m, v, m);
        }
        f32x4 sum = splat4(0.0f);
        for (int j = 0; j < rows; ++j) {
            f32x4 e = elem::exp_t(load4(z + j * ld + s) - m);
            store4(a + j * ld + s, e);
            sum = sum + e;
        }
        for (int j = 0; j < rows; ++j) store4(a + j * ld + s, load4(a + j * ld + s) / sum);
    }
    if (s < B) softmax_forward_naive(z + s, a + s, ld, rows, B - s);
}

} // namespace bp
