// loss.h: output losses, per sample, over a feature-major output block ([n_out][ld], column =
// sample).
//   Square   L = sum_j 0.5 (a_j - y_j)^2        dL/dz_j = (a_j - y_j) f'(a_j)
//   Abs      L = sum_j |a_j - y_j|              dL/dz_j = sign(a_j - y_j) f'(a_j)   (kink at a = y)
//   BCE      sigmoid output, y in {0,1}: L = max(z,0) - z y + log(1 + e^{-|z|})  dL/dz = a - y
//            (the z form is the stable equivalent of -(y log a + (1-y) log(1-a)))
//   SoftmaxCE softmax output, y one-hot: L = lse(z) - sum_j y_j z_j             dL/dz_j = a_j - y_j
// Targets y: the caller maps labels (-1/+1 stays for Square/Abs, becomes 0/1 for BCE, one-hot for
// softmax). Float values use our deterministic exp/log (bit-identical native vs wasm).
#pragma once
#include "activation.h"
#include "kinds.h"
#include <cmath>
#include <cstddef>

namespace bp {

inline float loss_log(float x) {
    return elem::logf(x);
}
inline double loss_log(double x) {
    return elem::log(x);
}

// Loss of sample column s.
template <class T>
T loss_sample(Loss loss, const T* z, const T* a, const T* y, std::size_t ld, int n_out, int s) {
    T L = 0;
    if (loss == Loss::SoftmaxCE) {
        T m = z[s];
        for (int j = 1; j < n_out; ++j) m = z[j * ld + s] > m ? z[j * ld + s] : m;
        T sum = 0;
        for (int j = 0; j < n_out; ++j) sum = sum + elem::exp(z[j * ld + s] - m);
        T lse = m + loss_log(sum);
        for (int j = 0; j < n_out; ++j) L = L + y[j * ld + s] * (lse - z[j * ld + s]);
        return L;
    }
    for (int j = 0; j < n_out; ++j) {
        std::size_t k = j * ld + s;
        switch (loss) {
        case Loss::BCE: {
            T zz = z[k], az = zz < T(0) ? -zz : zz;
            L = L + (((zz > T(0) ? zz : T(0)) - zz * y[k]) + loss_log(T(1) + elem::exp(-az)));
            break;
        }
        case Loss::Abs: {
            T d = a[k] - y[k];
            L = L + (d < T(0) ? -d : d);
            break;
        }
        default: {
            T d = a[k] - y[k];
            L = L + T(0.5) * d * d;
        }
        }
    }
    return L;
}

// dz = dL/dz for columns [0, B); columns [B, B_pad) are set to 0 (zero-padded batch).
template <class T>
void loss_backward(Loss loss, Activation out_act, const T* a, const T* y, std::size_t ld, int n_out,
                   int B, int B_pad, T* dz, T alpha) {
    for (int j = 0; j < n_out; ++j)
        for (int s = 0; s < B_pad; ++s) {
            std::size_t k = j * ld + s;
            if (s >= B) {
                dz[k] = 0;
                continue;
            }
            T d = a[k] - y[k];
            switch (loss) {
            case Loss::BCE:
            case Loss::SoftmaxCE:
                dz[k] = d;
                break;
            case Loss::Abs:
                dz[k] = (d > T(0)   ? T(1)
                         : d < T(0) ? T(-1)
                                    : T(0)) *
                        act_deriv(out_act, a[k], alpha);
                break;
            default:
                dz[k] = d * act_deriv(out_act, a[k], alpha);
            }
        }
}

} // namespace bp
