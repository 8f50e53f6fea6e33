// network.cpp: Network<T> (see network.h); float and double instantiations.
#include "network.h"
#include "activation.h"
#include "dense.h"
#include "loss.h"
#include <algorithm>

namespace bp {

template <class T> Network<T>::Network(const NetSpec& spec) : spec_(spec) {
    std::size_t off = 0, rows = 0;
    int n_in = spec.n_inputs;
    max_width_ = n_in;
    for (std::size_t l = 0; l < spec.sizes.size(); ++l) {
        LayerInfo L;
        L.n_in = n_in;
        L.n_out = spec.sizes[l];
        L.act = spec.activations[l];
        L.w_off = off;
        off += (std::size_t)L.n_in * L.n_out;
        L.b_off = off;
        off += (std::size_t)L.n_out;
        layers_.push_back(L);
        row_off_.push_back(rows);
        rows += (std::size_t)L.n_out;
        max_width_ = std::max(max_width_, L.n_out);
        n_in = L.n_out;
    }
    total_neurons_ = (int)rows;
    params = xt::zeros<T>({off});
    grads = xt::zeros<T>({off});
    is_weight.assign(off, 0);
    dead.assign(off, 0);
    for (const LayerInfo& L : layers_)
        std::fill(is_weight.begin() + L.w_off, is_weight.begin() + L.b_off, 1);
}

template <class T> void Network<T>::reserve(int cap) {
    cap = round4(std::max(cap, 4));
    if (cap <= cap_) return;
    cap_ = cap;
    std::size_t n = (std::size_t)total_neurons_ * cap_;
    z_.assign(n, T(0));
    a_.assign(n, T(0));
    dz_.assign(n, T(0));
    da_.assign((std::size_t)max_width_ * cap_, T(0));
}

template <class T> void Network<T>::forward(const T* x, std::size_t ld_x, int B) {
    const int Bp = round4(B);
    const T alpha = T(spec_.leaky_alpha);
    const T* in = x;
    std::size_t ld_in = ld_x;
    for (int l = 0; l < num_layers(); ++l) {
        const LayerInfo& L = layers_[l];
        const T* Wp = params.data() + L.w_off;
        dense_forward(Wp, Wp + (L.b_off - L.w_off), in, ld_in, z(l), cap_, L.n_in, L.n_out, Bp);
        if (L.act == Activation::Softmax)
            softmax_forward(z(l), a(l), cap_, L.n_out, Bp);
        else
            activation_forward(L.act, z(l), a(l), (std::size_t)L.n_out * cap_, alpha);
        in = a(l);
        ld_in = cap_;
    }
}

template <class T> void Network<T>::backward(const T* x, std::size_t ld_x, const T* y, int B) {
    const int Bp = round4(B), last = num_layers() - 1;
    const T alpha = T(spec_.leaky_alpha);
    loss_backward(spec_.loss, layers_[last].act, a(last), y, cap_, layers_[last].n_out, B, Bp,
                  dz(last), alpha);
    for (int l = last; l >= 0; --l) {
        const LayerInfo& L = layers_[l];
        const T* in = l == 0 ? x : a(l - 1);
        std::size_t ld_in = l == 0 ? ld_x : cap_;
        T* dx = l == 0 ? nullptr : dz(l - 1);
        dense_backward(params.data() + L.w_off, in, ld_in, dz(l), cap_, dx, cap_,
                       grads.data() + L.w_off, grads.data() + L.b_off, L.n_in, L.n_out, Bp);
        if (l > 0) {
            // dx currently holds dL/da of layer l-1; turn it into dL/dz in place.
            const LayerInfo& P = layers_[l - 1];
            activation_backward(P.act, a(l - 1), dx, dx, (std::size_t)P.n_out * cap_, alpha);
        }
    }
}

template <class T> double Network<T>::loss_sum(const T* y, int B) const {
    const int last = num_layers() - 1;
    double sum = 0;
    for (int s = 0; s < B; ++s)
        sum += (double)loss_sample(spec_.loss, z(last), a(last), y, cap_, layers_[last].n_out, s);
    return sum;
}

template <class T>
void Network<T>::forward_into(const T* x, std::size_t ld_x, int count, T* out,
                              std::size_t ld_out) const {
    const T alpha = T(spec_.leaky_alpha);
    const T* in = x;
    std::size_t ld_in = ld_x;
    for (int l = 0; l < num_layers(); ++l) {
        const LayerInfo& L = layers_[l];
        const T* Wp = params.data() + L.w_off;
        T* o = out + row_off_[l] * ld_out;
        dense_forward(Wp, Wp + (L.b_off - L.w_off), in, ld_in, o, ld_out, L.n_in, L.n_out, count);
        if (L.act == Activation::Softmax)
            softmax_forward(o, o, ld_out, L.n_out, count);
        else
            for (int j = 0; j < L.n_out; ++j)
                activation_forward(L.act, o + j * ld_out, o + j * ld_out, (std::size_t)count,
                                   alpha);
        in = o;
        ld_in = ld_out;
    }
}

template class Network<float>;
template class Network<double>;

} // namespace bp
