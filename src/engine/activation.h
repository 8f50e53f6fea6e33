// activation.h: activation functions over plain buffers, forward a = f(z) and backward
// dz = da * f'(a) (every derivative is written in terms of the output a, so the forward pass need
// not keep z for training). Softmax works across the rows of a feature-major block (one column =
// one sample) and is only valid at the output together with softmax cross-entropy. The float paths
// run 4 lanes at a time with the same operation sequence as the scalar twins, so SIMD and scalar
// results are bit-identical; a and z may alias (in-place).
#pragma once
#include "elementary.h"
#include "kinds.h"
#include <cstddef>

namespace bp {

template <class T> inline T act_value(Activation f, T z, T alpha) {
    switch (f) {
    case Activation::ReLU:
        return z > T(0) ? z : T(0);
    case Activation::LeakyReLU:
        return z > T(0) ? z : alpha * z;
    case Activation::Tanh:
        return elem::tanh(z);
    case Activation::Sigmoid:
        return elem::sigmoid(z);
    default:
        return z; // Linear (Softmax is handled across rows)
    }
}

// f'(z) written with a = f(z).
template <class T> inline T act_deriv(Activation f, T a, T alpha) {
    switch (f) {
    case Activation::ReLU:
        return a > T(0) ? T(1) : T(0);
    case Activation::LeakyReLU:
        return a > T(0) ? T(1) : alpha;
    case Activation::Tanh:
        return T(1) - a * a;
    case Activation::Sigmoid:
        return a * (T(1) - a);
    default:
        return T(1);
    }
}

template <class T>
void activation_forward_naive(Activation f, const T* z, T* a, std::size_t n, T alpha) {
    for (std::size_t k = 0; k < n; ++k) a[k] = act_value(f, z[k], alpha);
}
template <class T>
void activation_backward_naive(Activation f, const T* a, const T* da, T* dz, std::size_t n,
                               T alpha) {
    for (std::size_t k = 0; k < n; ++k) dz[k] = da[k] * act_deriv(f, a[k], alpha);
}
// Softmax down each column of a [rows][ld] block, columns 0..B-1.
template <class T> void softmax_forward_naive(const T* z, T* a, std::size_t ld, int rows, int B) {
    for (int s = 0; s < B; ++s) {
        T m = z[s];
        for (int j = 1; j < rows; ++j) m = z[j * ld + s] > m ? z[j * ld + s] : m;
        T sum = 0;
        for (int j = 0; j < rows; ++j) {
            T e = elem::exp(z[j * ld + s] - m);
            a[j * ld + s] = e;
            sum = sum + e;
        }
        for (int j = 0; j < rows; ++j) a[j * ld + s] = a[j * ld + s] / sum;
    }
}

void activation_forward(Activation f, const float* z, float* a, std::size_t n, float alpha);
void activation_backward(Activation f, const float* a, const float* da, float* dz, std::size_t n,
                         float alpha);
void softmax_forward(const float* z, float* a, std::size_t ld, int rows, int B);
// The same over `rows` rows of n columns each (row strides ld_z, ld_a, ld): one call per layer.
void activation_forward_rows(Activation f, const float* z, std::size_t ld_z, float* a,
                             std::size_t ld_a, int rows, std::size_t n, float alpha);
void activation_backward_rows(Activation f, const float* a, const float* da, float* dz,
                              std::size_t ld, int rows, std::size_t n, float alpha);

inline void activation_forward(Activation f, const double* z, double* a, std::size_t n, double al) {
    activation_forward_naive(f, z, a, n, al);
}
inline void activation_backward(Activation f, const double* a, const double* da, double* dz,
                                std::size_t n, double al) {
    activation_backward_naive(f, a, da, dz, n, al);
}
inline void softmax_forward(const double* z, double* a, std::size_t ld, int rows, int B) {
    softmax_forward_naive(z, a, ld, rows, B);
}
inline void activation_forward_rows(Activation f, const double* z, std::size_t ld_z, double* a,
                                    std::size_t ld_a, int rows, std::size_t n, double al) {
    for (int j = 0; j < rows; ++j) activation_forward_naive(f, z + j * ld_z, a + j * ld_a, n, al);
}
inline void activation_backward_rows(Activation f, const double* a, const double* da, double* dz,
                                     std::size_t ld, int rows, std::size_t n, double al) {
    for (int j = 0; j < rows; ++j)
        activation_backward_naive(f, a + j * ld, da + j * ld, dz + j * ld, n, al);
}

} // namespace bp
