// network.cpp: Network<T> (see network.h); float and double instantiations. Without batch norm,
// dropout and residual the arithmetic is exactly the plain dense + activation chain (same buffers
// written in the same order), so turning the options off reproduces earlier weights bit for bit.
#include "network.h"
#include "activation.h"
#include "batchnorm.h"
#include "dense.h"
#include "loss.h"
#include "rng.h"
#include <algorithm>
#include <type_traits>

namespace bp {

template <class T> Network<T>::Network(const NetSpec& spec) : spec_(spec) {
    std::size_t off = 0, rows = 0;
    int n_in = spec.n_inputs;
    const int n_layers = (int)spec.sizes.size();
    for (int l = 0; l < n_layers; ++l) {
        LayerInfo L;
        L.n_in = n_in;
        L.n_out = spec.sizes[l];
        L.act = spec.activations[l];
        L.hidden = l + 1 < n_layers;
        L.bn = L.hidden && spec.batch_norm;
        L.skip = L.hidden && spec.residual && l > 0 && spec.sizes[l - 1] == L.n_out;
        L.w_off = off;
        off += (std::size_t)L.n_in * L.n_out;
        L.b_off = off;
        off += (std::size_t)L.n_out;
        layers_.push_back(L);
        row_off_.push_back(rows);
        rows += (std::size_t)L.n_out;
        if (L.hidden) hidden_neurons_ += L.n_out;
        n_in = L.n_out;
    }
    for (LayerInfo& L : layers_) // batch-norm parameters after every weight and bias
        if (L.bn) {
            L.g_off = off;
            L.beta_off = off + L.n_out;
            off += 2 * (std::size_t)L.n_out;
        }
    total_neurons_ = (int)rows;
    params = xt::zeros<T>({off});
    grads = xt::zeros<T>({off});
    is_weight.assign(off, 0);
    dead.assign(off, 0);
    for (const LayerInfo& L : layers_)
        std::fill(is_weight.begin() + L.w_off, is_weight.begin() + L.b_off, 1);
    if (spec.batch_norm) {
        bn_mean.assign(hidden_neurons_, T(0));
        bn_var.assign(hidden_neurons_, T(1));
        bmean_.assign(hidden_neurons_, T(0));
        bvar_.assign(hidden_neurons_, T(1));
        binv_.assign(hidden_neurons_, T(1));
        grid_inv_.assign(hidden_neurons_, T(1));
    }
    reset_state();
}

template <class T> void Network<T>::reset_state() {
    for (const LayerInfo& L : layers_)
        if (L.bn) {
            std::fill(params.begin() + L.g_off, params.begin() + L.beta_off, T(1));
            std::fill(params.begin() + L.beta_off, params.begin() + L.beta_off + L.n_out, T(0));
        }
    std::fill(bn_mean.begin(), bn_mean.end(), T(0));
    std::fill(bn_var.begin(), bn_var.end(), T(1));
}

template <class T> void Network<T>::reserve(int cap) {
    cap = round4(std::max(cap, 4));
    if (cap <= cap_) return;
    cap_ = cap;
    const std::size_t n = (std::size_t)total_neurons_ * cap_;
    z_.assign(n, T(0));
    a_.assign(n, T(0));
    dz_.assign(n, T(0));
    da_.assign(n, T(0));
    bool any_h = false;
    for (int l = 0; l < num_layers(); ++l) any_h = any_h || needs_h(l);
    if (any_h) h_.assign(n, T(0));
    if (spec_.batch_norm) {
        u_.assign(n, T(0));
        xhat_.assign(n, T(0));
    }
    if (spec_.dropout > 0) mask_.assign(n, T(1));
}

template <class T> void Network<T>::draw_dropout(Rng& rng, int B) {
    if (spec_.dropout <= 0) return;
    const double p = spec_.dropout;
    const T keep = T(1.0 / (1.0 - p));
    for (int l = 0; l < num_layers(); ++l) {
        if (!layers_[l].hidden) continue;
        T* m = rows(mask_, l);
        for (int j = 0; j < layers_[l].n_out; ++j) {
            T* r = m + (std::size_t)j * cap_;
            for (int s = 0; s < B; ++s) r[s] = (double)rng.uniform_f() >= p ? keep : T(0);
            for (int s = B; s < cap_; ++s) r[s] = T(0); // padding: never contributes
        }
    }
}

template <class T> void Network<T>::forward(const T* x, std::size_t ld_x, int B, Pass pass) {
    const int Bp = round4(B);
    const T alpha = T(spec_.leaky_alpha);
    last_pass_ = pass;
    const T* in = x;
    std::size_t ld_in = ld_x;
    for (int l = 0; l < num_layers(); ++l) {
        const LayerInfo& L = layers_[l];
        const std::size_t n = (std::size_t)L.n_out * cap_;
        const T* Wp = params.data() + L.w_off;
        dense_forward(Wp, Wp + (L.b_off - L.w_off), in, ld_in, z(l), cap_, L.n_in, L.n_out, Bp);
        if (L.act == Activation::Softmax) {
            softmax_forward(z(l), a(l), cap_, L.n_out, Bp);
        } else {
            const T* pre = z(l);
            if (L.bn) {
                const std::size_t s = row_off_[l];
                T *mu = bmean_.data() + s, *var = bvar_.data() + s, *inv = binv_.data() + s;
                if (pass == Pass::Train) {
                    bn_stats(z(l), cap_, L.n_out, B, mu, var, inv);
                    bn_update_running(bn_mean.data() + s, bn_var.data() + s, mu, var, L.n_out);
                } else {
                    std::copy(bn_mean.begin() + s, bn_mean.begin() + s + L.n_out, mu);
                    bn_inv(bn_var.data() + s, L.n_out, inv);
                }
                bn_apply(z(l), cap_, L.n_out, Bp, mu, inv, params.data() + L.g_off,
                         params.data() + L.beta_off, rows(xhat_, l), rows(u_, l));
                pre = rows(u_, l);
            }
            T* h = needs_h(l) ? rows(h_, l) : a(l);
            // Only the batch's columns: the rest of the capacity is never read (speed at batch 10).
            activation_forward_rows(L.act, pre, cap_, h, cap_, L.n_out, (std::size_t)Bp, alpha);
            if (needs_h(l)) {
                if (dropout_on(l) && pass == Pass::Train)
                    dropout_apply(h, rows(mask_, l), n, a(l));
                else
                    std::copy(h, h + n, a(l));
            }
            if (L.skip) {
                T* o = a(l);
                const T* p = a(l - 1);
                for (std::size_t k = 0; k < n; ++k) o[k] = o[k] + p[k];
            }
        }
        in = a(l);
        ld_in = cap_;
    }
}

// da_l = dL/da_l of hidden layer l (every path: the next layer and, with a skip, the layer after).
// Writes dz(l) = dL/dz_l and adds the batch-norm parameter gradients.
template <class T> void Network<T>::hidden_backward(int l, T* da_l, Pass pass, int B, int Bp) {
    const LayerInfo& L = layers_[l];
    const std::size_t n = (std::size_t)L.n_out * cap_;
    const T alpha = T(spec_.leaky_alpha);
    T* d = dz(l);
    const T* g = da_l;
    if (dropout_on(l) && pass == Pass::Train) { // dL/dh = dL/da * mask
        const T* m = rows(mask_, l);
        for (std::size_t k = 0; k < n; ++k) d[k] = g[k] * m[k];
        g = d;
    }
    // d = dL/du, over the batch's columns only
    activation_backward_rows(L.act, act_out(l), g, d, cap_, L.n_out, (std::size_t)Bp, alpha);
    if (L.bn)
        bn_backward(d, rows(xhat_, l), cap_, L.n_out, B, Bp, params.data() + L.g_off,
                    binv_.data() + row_off_[l], pass == Pass::Train, d, grads.data() + L.g_off,
                    grads.data() + L.beta_off);
}

template <class T>
void Network<T>::backward(const T* x, std::size_t ld_x, const T* y, int B, SgdStep* step) {
    const int Bp = round4(B), last = num_layers() - 1;
    const T alpha = T(spec_.leaky_alpha);
    loss_backward(spec_.loss, layers_[last].act, a(last), y, cap_, layers_[last].n_out, B, Bp,
                  dz(last), alpha);
    for (int l = last; l >= 0; --l) {
        const LayerInfo& L = layers_[l];
        const T* in = l == 0 ? x : a(l - 1);
        std::size_t ld_in = l == 0 ? ld_x : cap_;
        T* dx = l == 0 ? nullptr : da(l - 1);
        T* w = params.data() + L.w_off;
        bool stepped = false; // W's step taken inside the kernel (dense.h)
        if constexpr (std::is_same<T, float>::value)
            if (step)
                stepped = dense_backward_sgd(
                    w, in, ld_in, dz(l), cap_, dx, cap_, grads.data() + L.b_off, L.n_in, L.n_out,
                    Bp, {sgd_scale<float>(step->opt->lr, step->count), dead.data() + L.w_off},
                    step->finite);
        if (!stepped)
            dense_backward(w, in, ld_in, dz(l), cap_, dx, cap_, grads.data() + L.w_off,
                           grads.data() + L.b_off, L.n_in, L.n_out, Bp);
        if (step) { // W (unless stepped) then b: one range (the layout in the header)
            const std::size_t from = stepped ? L.b_off : L.w_off,
                              n = L.b_off + (std::size_t)L.n_out - from;
            step->finite &=
                sgd_step_guarded<T>(*step->opt, params.data() + from, grads.data() + from,
                                    step->count, dead.data() + from, n, nullptr);
        }
        if (l == 0) continue;
        if (L.skip) { // the identity path: dL/da_{l-1} also receives dL/da_l
            const T* g = da(l);
            const std::size_t n = (std::size_t)L.n_out * cap_;
            for (std::size_t k = 0; k < n; ++k) dx[k] = dx[k] + g[k];
        }
        hidden_backward(l - 1, dx, last_pass_, B, Bp);
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
        if (L.act == Activation::Softmax) {
            softmax_forward(o, o, ld_out, L.n_out, count);
        } else {
            if (L.bn) { // evaluation: running statistics, the same bn_apply as forward()
                const T* mu = bn_mean.data() + row_off_[l];
                T* inv = grid_inv_.data() + row_off_[l];
                bn_inv(bn_var.data() + row_off_[l], L.n_out, inv);
                bn_apply(o, ld_out, L.n_out, count, mu, inv, params.data() + L.g_off,
                         params.data() + L.beta_off, (T*)nullptr, o);
            }
            activation_forward_rows(L.act, o, ld_out, o, ld_out, L.n_out, (std::size_t)count,
                                    alpha);
            if (L.skip) {
                const T* p = out + row_off_[l - 1] * ld_out;
                for (int j = 0; j < L.n_out; ++j)
                    for (int s = 0; s < count; ++s)
                        o[j * ld_out + s] = o[j * ld_out + s] + p[j * ld_out + s];
            }
        }
        in = o;
        ld_in = ld_out;
    }
}

template class Network<float>;
template class Network<double>;

} // namespace bp
