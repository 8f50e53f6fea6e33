// dense.h: forward and backward of a dense layer over plain buffers, batch in the SIMD lanes.
// Layout: W [n_out][n_in] row-major, b [n_out]; activations are feature-major, a row per neuron:
// x [n_in][ld_x], z [n_out][ld_z], columns s in [0, B) are samples (principle 8: 4 samples per
// f32x4). Summation orders (the contract every implementation keeps, so SIMD, scalar, native and
// wasm agree bit for bit):
//   forward   z[j][s]  = (((b[j] + W[j][0] x[0][s]) + W[j][1] x[1][s]) + ...)        i ascending
//   backward  dx[i][s] = (((0 + W[0][i] dz[0][s]) + W[1][i] dz[1][s]) + ...)        j ascending
//             dW[j][i] += hsum(p), p[k] = ((t[k] + t[k+4]) + t[k+8]) + ... with t[s] = dz[j][s]
//                         x[i][s] (each p[k] starts from its first term, not from 0 + it)
//             db[j]    += hsum(p), p[k] = ((0 + dz[j][k]) + dz[j][k+4]) + ...
//   with hsum(p) = (p0 + p1) + (p2 + p3). Backward needs B % 4 == 0 (callers zero-pad the batch).
// Splitting these sums differently (blocking over the reduction) is allowed only with the partial
// sums kept in memory in exactly this order; blocking over outputs and samples is free.
// The *_naive functions are the scalar twins (and the double versions used by gradient checks).
#pragma once
#include <cstddef>

namespace bp {

template <class T>
void dense_forward_naive(const T* W, const T* b, const T* x, std::size_t ld_x, T* z,
                         std::size_t ld_z, int n_in, int n_out, int B) {
    for (int j = 0; j < n_out; ++j)
        for (int s = 0; s < B; ++s) {
            T acc = b[j];
            for (int i = 0; i < n_in; ++i)
                acc = acc + W[(std::size_t)j * n_in + i] * x[i * ld_x + s];
            z[j * ld_z + s] = acc;
        }
}

template <class T>
void dense_backward_naive(const T* W, const T* x, std::size_t ld_x, const T* dz, std::size_t ld_dz,
                          T* dx, std::size_t ld_dx, T* dW, T* db, int n_in, int n_out, int B) {
    if (dx)
        for (int i = 0; i < n_in; ++i)
            for (int s = 0; s < B; ++s) {
                T acc = 0;
                for (int j = 0; j < n_out; ++j)
                    acc = acc + W[(std::size_t)j * n_in + i] * dz[j * ld_dz + s];
                dx[i * ld_dx + s] = acc;
            }
    for (int j = 0; j < n_out; ++j) {
        T pb[4] = {0, 0, 0, 0};
        for (int s = 0; s < B; ++s) pb[s & 3] = pb[s & 3] + dz[j * ld_dz + s];
        db[j] = db[j] + ((pb[0] + pb[1]) + (pb[2] + pb[3]));
        for (int i = 0; i < n_in; ++i) {
            T p[4] = {0, 0, 0, 0};
            for (int s = 0; s < B; ++s) {
                const T t = dz[j * ld_dz + s] * x[i * ld_x + s];
                p[s & 3] = s < 4 ? t : p[s & 3] + t;
            }
            T& w = dW[(std::size_t)j * n_in + i];
            w = w + ((p[0] + p[1]) + (p[2] + p[3]));
        }
    }
}

// Fast paths: float uses SIMD kernels (dense.cpp, dense_backward.cpp); double falls back to the
// naive twins.
void dense_forward(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                   std::size_t ld_z, int n_in, int n_out, int B);
void dense_backward(const float* W, const float* x, std::size_t ld_x, const float* dz,
                    std::size_t ld_dz, float* dx, std::size_t ld_dx, float* dW, float* db, int n_in,
                    int n_out, int B);
// The backward of one whole batch under plain SGD without regularization, its step fused in:
// db added to as dense_backward does, dx the same, and, instead of adding to dW (which must be
// zero: the batch's first and only chunk), each weight W[k] takes the step of optimizer.h's
// sgd_step_guarded at once, W[k] = sgd_weight(W[k], 0 + its gradient sum, scale) unless
// dead[k], so W ends with the same bits as dense_backward followed by sgd_step_guarded over W. Each
// block of W's rows steps right after its last use in dx, so W streams through the caches once
// where the two passes streamed W and dW twice. finite becomes false if a stepped weight is not
// finite. Returns false, having done nothing, when the layer does not take the fused small-batch
// path (dense_backward.cpp): the caller then runs dense_backward and the step. dead is indexed as
// W. No copy of the old weights is kept: the caller keeps its own (Session's snapshot,
// session_train.cpp), once per call, not per batch.
struct DenseSgd {
    float scale; // optimizer.h's sgd_scale: lr / count
    const unsigned char* dead;
};
bool dense_backward_sgd(float* W, const float* x, std::size_t ld_x, const float* dz,
                        std::size_t ld_dz, float* dx, std::size_t ld_dx, float* db, int n_in,
                        int n_out, int B, const DenseSgd& sgd, bool& finite);
inline void dense_forward(const double* W, const double* b, const double* x, std::size_t ld_x,
                          double* z, std::size_t ld_z, int n_in, int n_out, int B) {
    dense_forward_naive(W, b, x, ld_x, z, ld_z, n_in, n_out, B);
}
inline void dense_backward(const double* W, const double* x, std::size_t ld_x, const double* dz,
                           std::size_t ld_dz, double* dx, std::size_t ld_dx, double* dW, double* db,
                           int n_in, int n_out, int B) {
    dense_backward_naive(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, db, n_in, n_out, B);
}

} // namespace bp
