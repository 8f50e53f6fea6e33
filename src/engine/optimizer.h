// optimizer.h: one flat update loop over the whole parameter buffer (docs/ARCHITECTURE.md, engine
// rules), its state in matching flat buffers. Gradients arrive as sums over `count` samples; g =
// sum / count.
//   SGD       p -= lr g                 (as p -= (lr / count) sum: sgd_weight)
//   Momentum  m = mu m + g;            p -= lr m                (PyTorch convention)
//   Nesterov  m = mu m + g;            p -= lr (g + mu m)       (PyTorch convention)
//   RMSProp   v = rho v + (1-rho) g^2; p -= lr g / (sqrt(v) + eps)
//   Adam      t += 1 once per update;  m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
//             p -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
// (1-rho, 1-b1, 1-b2, 1-b1^t, 1-b2^t: computed in double, rounded once to the buffers' type)
// Then, weights only (TensorFlow Playground's rule, once per update, not scaled by the batch):
//   p -= lr * rate * R'(p_before_the_update), R = |w| (L1) or w^2/2 (L2). Under L1 a weight that
//   this term carries across zero is set to 0 and marked dead: dead weights are never updated again
//   until the network is reset (they still take part in the forward pass).
#pragma once
#include "kinds.h"
#include "simd.h"
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace bp {

template <class T> inline T reg_penalty(Regularization r, T w) {
    if (r == Regularization::L1) return w < T(0) ? -w : w;
    if (r == Regularization::L2) return T(0.5) * w * w;
    return T(0);
}
template <class T> inline T reg_deriv(Regularization r, T w) {
    if (r == Regularization::L1) return w > T(0) ? T(1) : w < T(0) ? T(-1) : T(0);
    if (r == Regularization::L2) return w;
    return T(0);
}

struct OptimizerParams {
    Optimizer kind = Optimizer::SGD;
    double lr = 0.03, momentum = 0.9, beta1 = 0.9, beta2 = 0.999, rho = 0.9, eps = 1e-8;
    Regularization reg = Regularization::None;
    double reg_rate = 0;
};

template <class T> struct OptimizerState {
    std::vector<T> m, v;
    long t = 0;              // Adam step count: advances once per update, not per tensor
    double b1t = 1, b2t = 1; // beta1^t, beta2^t as running products (no pow: same bits everywhere)
    void reset(std::size_t n) {
        m.assign(n, T(0));
        v.assign(n, T(0));
        t = 0;
        b1t = b2t = 1;
    }
};

// Plain SGD's new weight, the one expression every SGD path below uses, on a weight or on four
// lanes (the same operations per lane, so the same bits): w - scale * gsum with scale = lr / count
// (sgd_scale: once per update, in double, rounded once), the step lr g of the mean gradient
// g = gsum / count without a division per weight (at 16 x 256, 1 M of them per batch of 10:
// removing them made an epoch ~4 % faster in Node).
template <class T> inline T sgd_scale(double lr, int count) {
    return T(lr / count);
}
template <class V> inline V sgd_weight(V w, V gsum, V scale) {
    return w - scale * gsum;
}

// Plain SGD without regularization (the playground's default) fused with the session's divergence
// guard, in one pass over the buffers instead of four (copy, step, check, zero): backup[k] = p[k];
// p[k] -= (lr / count) * gsum[k] unless dead (sgd_weight, as optimizer_step, so the same
// bits); gsum[k] = 0. Returns whether every weight is finite after the step (x - x is 0 for finite
// x and NaN otherwise, and a NaN stays in the sum); the caller restores backup if not. At 16 x 256
// (~1 M weights, a batch of 10) the four passes were a fifth of each batch's time. backup may be
// null: the caller keeps the weights some other way (Session's snapshot and replay).
template <class T>
bool sgd_step_guarded(const OptimizerParams& o, T* p, T* gsum, int count, const uint8_t* dead,
                      std::size_t n, T* backup) {
    const T sc = sgd_scale<T>(o.lr, count);
    T chk = 0;
    std::size_t k = 0;
    if constexpr (std::is_same<T, float>::value) {
        const f32x4 sc4 = splat4(sc), zero = splat4(0.0f);
        f32x4 chk4 = zero;
        for (; k + 4 <= n; k += 4) {
            uint32_t d;
            std::memcpy(&d, dead + k, 4);
            const f32x4 w0 = load4(p + k);
            if (backup) store4(backup + k, w0);
            if (d == 0) {
                const f32x4 w = sgd_weight(w0, load4(gsum + k), sc4);
                store4(p + k, w);
                chk4 = chk4 + (w - w);
            } else {
                for (std::size_t i = k; i < k + 4; ++i) {
                    if (!dead[i]) p[i] = sgd_weight(p[i], gsum[i], sc);
                    chk = chk + (p[i] - p[i]);
                }
            }
            store4(gsum + k, zero);
        }
        chk = chk + hsum4(chk4);
    }
    for (; k < n; ++k) {
        if (backup) backup[k] = p[k];
        if (!dead[k]) p[k] = sgd_weight(p[k], gsum[k], sc);
        chk = chk + (p[k] - p[k]);
        gsum[k] = 0;
    }
    return chk == T(0);
}

template <class T>
void optimizer_step(const OptimizerParams& o, OptimizerState<T>& st, T* p, const T* gsum, int count,
                    const uint8_t* is_weight, uint8_t* dead, std::size_t n) {
    // The scalars 1 - beta and 1 - beta^t are computed in double and rounded to T once: in float
    // arithmetic 1 - (float)0.999 is 0.000999987 (1.3e-5 from 0.001), and 1 - (float)beta^t
    // loses as much, an error exact Adam does not have. Same code for every T, lane and build.
    const T lr = T(o.lr), mu = T(o.momentum), b1 = T(o.beta1), b2 = T(o.beta2), rho = T(o.rho),
            eps = T(o.eps), lrr = T(o.lr) * T(o.reg_rate), cnt = T(count),
            sc = sgd_scale<T>(o.lr, count);
    const T one_b1 = T(1.0 - o.beta1), one_b2 = T(1.0 - o.beta2), one_rho = T(1.0 - o.rho);
    T bc1 = 1, bc2 = 1;
    if (o.kind == Optimizer::Adam) {
        st.t += 1;
        st.b1t *= o.beta1;
        st.b2t *= o.beta2;
        bc1 = T(1.0 - st.b1t);
        bc2 = T(1.0 - st.b2t);
    }
    if (o.kind == Optimizer::SGD && o.reg == Regularization::None) {
        // The playground's default, once per batch of 10: 4 lanes at a time (same operations per
        // element, so the same bits as the scalar loop), the scalar loop for quads with dead
        // weights.
        std::size_t k = 0;
        if constexpr (std::is_same<T, float>::value) {
            const f32x4 sc4 = splat4(sc);
            for (; k + 4 <= n; k += 4) {
                uint32_t d;
                std::memcpy(&d, dead + k, 4);
                if (d == 0)
                    store4(p + k, sgd_weight(load4(p + k), load4(gsum + k), sc4));
                else
                    for (std::size_t i = k; i < k + 4; ++i)
                        if (!dead[i]) p[i] = sgd_weight(p[i], gsum[i], sc);
            }
        }
        for (; k < n; ++k)
            if (!dead[k]) p[k] = sgd_weight(p[k], gsum[k], sc);
        return;
    }
    T* m = st.m.data();
    T* v = st.v.data();
    for (std::size_t k = 0; k < n; ++k) {
        if (dead[k]) continue;
        const T g = gsum[k] / cnt, w0 = p[k];
        T w;
        switch (o.kind) {
        case Optimizer::Momentum:
            m[k] = mu * m[k] + g;
            w = w0 - lr * m[k];
            break;
        case Optimizer::Nesterov:
            m[k] = mu * m[k] + g;
            w = w0 - lr * (g + mu * m[k]);
            break;
        case Optimizer::RMSProp:
            v[k] = rho * v[k] + one_rho * g * g;
            w = w0 - lr * g / (std::sqrt(v[k]) + eps);
            break;
        case Optimizer::Adam:
            m[k] = b1 * m[k] + one_b1 * g;
            v[k] = b2 * v[k] + one_b2 * g * g;
            w = w0 - lr * (m[k] / bc1) / (std::sqrt(v[k] / bc2) + eps);
            break;
        default:
            w = sgd_weight(w0, gsum[k], sc);
        }
        if (is_weight[k] && o.reg != Regularization::None) {
            T nw = w - lrr * reg_deriv(o.reg, w0);
            if (o.reg == Regularization::L1 && w * nw < T(0)) {
                nw = 0;
                dead[k] = 1;
            }
            w = nw;
        }
        p[k] = w;
    }
}

} // namespace bp
