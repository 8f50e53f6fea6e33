// init.h: initial weights from the seed's "init" stream, so reset re-creates the same weights and
// regenerating data never changes them. Draw order: layer by layer, W row-major (output neuron,
// then input), as TensorFlow Playground creates its links.
//   Playground  w ~ U(-0.5, 0.5), b = 0.1     Xavier  w ~ U(-l, l), l = sqrt(6 / (n_in + n_out)), b
//   = 0 He          w ~ N(0, 2 / n_in), b = 0     init_zero: every weight and bias 0 (TF's
//   initZero)
#pragma once
#include "network.h"
#include "rng.h"
#include <cmath>
#include <string>

namespace bp {

template <class T>
void init_params(Network<T>& net, Init kind, bool init_zero, const std::string& seed) {
    Rng rng(seed, "init");
    for (const LayerInfo& L : net.layers()) {
        T* W = net.params.data() + L.w_off;
        T* b = net.params.data() + L.b_off;
        const std::size_t nw = (std::size_t)L.n_in * L.n_out;
        const double xl = std::sqrt(6.0 / (L.n_in + L.n_out)), hs = std::sqrt(2.0 / L.n_in);
        for (std::size_t k = 0; k < nw; ++k) {
            double w = kind == Init::Xavier ? rng.uniform(-xl, xl)
                       : kind == Init::He   ? rng.normal() * hs
                                            : rng.uniform() - 0.5;
            W[k] = init_zero ? T(0) : T(w);
        }
        for (int j = 0; j < L.n_out; ++j)
            b[j] = (init_zero || kind != Init::Playground) ? T(0) : T(0.1);
    }
    std::fill(net.dead.begin(), net.dead.end(), 0);
    net.zero_grads();
}

} // namespace bp
