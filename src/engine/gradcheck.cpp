// gradcheck.cpp: see gradcheck.h.
#include "gradcheck.h"
#include "activation.h"
#include "loss.h"
#include "optimizer.h"
#include "rng.h"
#include <algorithm>
#include <cmath>
#include <limits>

namespace bp {
namespace {

template <class T> struct Eval {
    Network<T> net;
    std::vector<T> x, y; // x [n_in][B] (ld B), y [n_out][cap]
    int B;
    Pass pass;
    Eval(const NetSpec& spec, const GradCheckBatch& b) : net(spec), B(b.B), pass(b.pass) {
        net.reserve(B);
        Rng mask_rng(b.mask_seed);
        net.draw_dropout(mask_rng, B); // once: every evaluation of J sees the same mask
        for (std::size_t k = 0; k < b.bn_mean.size() && k < net.bn_mean.size(); ++k)
            net.bn_mean[k] = T(b.bn_mean[k]);
        for (std::size_t k = 0; k < b.bn_var.size() && k < net.bn_var.size(); ++k)
            net.bn_var[k] = T(b.bn_var[k]);
        // x with ld = round4(B), padded columns zero
        std::vector<T> xp((std::size_t)spec.n_inputs * round4(B), T(0));
        for (int i = 0; i < spec.n_inputs; ++i)
            for (int s = 0; s < B; ++s)
                xp[(std::size_t)i * round4(B) + s] = T(b.x[(std::size_t)i * B + s]);
        x.swap(xp);
        const int n_out = spec.sizes.back(), cap = net.capacity();
        y.assign((std::size_t)n_out * cap, T(0));
        for (int j = 0; j < n_out; ++j)
            for (int s = 0; s < B; ++s)
                y[(std::size_t)j * cap + s] = T(b.y[(std::size_t)j * B + s]);
    }
    std::size_t ld() const { return (std::size_t)round4(B); }
    void set(const std::vector<double>& p) {
        for (std::size_t k = 0; k < p.size(); ++k) net.params[k] = T(p[k]);
    }
    // (A Train pass also moves the running statistics; J in that pass does not read them.)
    void run() { net.forward(x.data(), ld(), B, pass); }
    double objective(Regularization reg, double rate) {
        run();
        double J = net.loss_sum(y.data(), B) / B;
        for (std::size_t k = 0; k < net.params.size(); ++k)
            if (net.is_weight[k]) J += rate * reg_penalty(reg, (double)net.params[k]);
        return J;
    }
    std::vector<double> gradient(Regularization reg, double rate) {
        net.zero_grads();
        run();
        net.backward(x.data(), ld(), y.data(), B);
        std::vector<double> g(net.params.size());
        for (std::size_t k = 0; k < g.size(); ++k) {
            g[k] = (double)net.grads[k] / B;
            if (net.is_weight[k]) g[k] += rate * reg_deriv(reg, (double)net.params[k]);
        }
        return g;
    }
    // Signs that decide which branch each kinked function takes.
    std::vector<int8_t> kinks(Regularization reg) {
        std::vector<int8_t> sig;
        run();
        const int cap = net.capacity();
        for (int l = 0; l < net.num_layers(); ++l) {
            const LayerInfo& L = net.layers()[l];
            if (L.act == Activation::ReLU || L.act == Activation::LeakyReLU)
                for (int j = 0; j < L.n_out; ++j)
                    for (int s = 0; s < B; ++s) sig.push_back(net.pre_act(l)[j * cap + s] > 0);
        }
        if (net.spec().loss == Loss::Abs) {
            const int last = net.num_layers() - 1;
            for (int j = 0; j < net.n_outputs(); ++j)
                for (int s = 0; s < B; ++s) {
                    double d = net.a(last)[j * cap + s] - y[(std::size_t)j * cap + s];
                    sig.push_back(d > 0 ? 1 : d < 0 ? -1 : 0);
                }
        }
        if (reg == Regularization::L1)
            for (std::size_t k = 0; k < net.params.size(); ++k)
                if (net.is_weight[k])
                    sig.push_back(net.params[k] > 0 ? 1 : net.params[k] < 0 ? -1 : 0);
        return sig;
    }
};

double rel_err(double a, double b) {
    return std::fabs(a - b) / std::max({std::fabs(a), std::fabs(b), 1e-4});
}

} // namespace

std::vector<double> backprop_gradient(const NetSpec& spec, const std::vector<double>& params,
                                      const GradCheckBatch& b, Regularization reg, double rate) {
    Eval<double> e(spec, b);
    e.set(params);
    return e.gradient(reg, rate);
}

std::vector<double> backprop_gradient_f32(const NetSpec& spec, const std::vector<double>& params,
                                          const GradCheckBatch& b, Regularization reg,
                                          double rate) {
    Eval<float> e(spec, b);
    e.set(params);
    return e.gradient(reg, rate);
}

double max_rel_error(const std::vector<double>& g, const std::vector<double>& ref,
                     std::size_t* worst) {
    double m = 0;
    for (std::size_t k = 0; k < g.size() && k < ref.size(); ++k) {
        if (std::isnan(ref[k])) continue;
        double r = rel_err(g[k], ref[k]);
        if (r > m || std::isnan(r)) {
            m = r;
            if (worst) *worst = k;
        }
    }
    return m;
}

GradCheckResult grad_check(const NetSpec& spec, const std::vector<double>& params,
                           const GradCheckBatch& b, Regularization reg, double rate, double h) {
    Eval<double> e(spec, b);
    e.set(params);
    GradCheckResult r;
    r.backprop = e.gradient(reg, rate);
    r.numeric.assign(params.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<double> p = params;
    const std::vector<int8_t> k0 = e.kinks(reg);
    const double steps[4] = {2 * h, h, -h, -2 * h};
    for (std::size_t k = 0; k < p.size(); ++k) {
        const double p0 = p[k];
        double J[4];
        bool smooth = true;
        for (int i = 0; i < 4; ++i) {
            p[k] = p0 + steps[i];
            e.set(p);
            smooth = smooth && e.kinks(reg) == k0;
            J[i] = e.objective(reg, rate);
        }
        p[k] = p0;
        e.set(p);
        if (!smooth) {
            ++r.skipped;
            continue;
        }
        r.numeric[k] = (8 * (J[1] - J[2]) - (J[0] - J[3])) / (12 * h);
        ++r.checked;
    }
    r.max_rel_error = max_rel_error(r.backprop, r.numeric, &r.worst_index);
    return r;
}

std::string param_name(const NetSpec& spec, std::size_t k) {
    Network<double> net(spec); // the layout only (no batch buffers are allocated)
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string sl = "[" + std::to_string(l) + "][";
        if (k >= L.w_off && k < L.b_off)
            return "W" + sl + std::to_string((k - L.w_off) / L.n_in) + "][" +
                   std::to_string((k - L.w_off) % L.n_in) + "]";
        if (k >= L.b_off && k < L.b_off + L.n_out)
            return "b" + sl + std::to_string(k - L.b_off) + "]";
        if (L.bn && k >= L.g_off && k < L.beta_off)
            return "gamma" + sl + std::to_string(k - L.g_off) + "]";
        if (L.bn && k >= L.beta_off && k < L.beta_off + L.n_out)
            return "beta" + sl + std::to_string(k - L.beta_off) + "]";
    }
    return "?";
}

} // namespace bp
