// session_probe.cpp: the Session's looks inside without training (see session.h): one-sample
// traces, the live gradient check, layer health and predictions. All in evaluation mode except the
// gradient check, which checks the training-mode gradient (batch statistics, a fixed dropout mask)
// the optimizer actually follows. None of them moves the training state (gradients in progress,
// running statistics, the dropout stream).
#include "../engine/gradcheck.h"
#include "session.h"
#include <algorithm>
#include <cmath>

namespace bp {
void Session::compute_trace(const float* f, float label, SampleTrace& t) {
    const int F = (int)n_inputs(), n_out = net_.n_outputs(), cap = net_.capacity();
    std::vector<float> x((std::size_t)F * 4, 0.0f);
    for (int i = 0; i < F; ++i) x[(std::size_t)i * 4] = f[i];
    std::vector<float> y((std::size_t)n_out * cap, 0.0f);
    write_target(model_, label, y.data(), (std::size_t)cap, 0);
    std::vector<float> saved(net_.grads.begin(), net_.grads.end()); // a batch may be half done
    net_.zero_grads();
    net_.forward(x.data(), 4, 1, Pass::Eval);
    net_.backward(x.data(), 4, y.data(), 1);
    t.input.assign(f, f + F);
    t.target.resize(n_out);
    for (int j = 0; j < n_out; ++j) t.target[j] = y[(std::size_t)j * cap];
    t.z.clear();
    t.a.clear();
    t.delta.clear();
    t.u.clear();
    t.h.clear();
    for (int l = 0; l < net_.num_layers(); ++l)
        for (int j = 0; j < net_.layers()[l].n_out; ++j) {
            const bool soft = net_.layers()[l].act == Activation::Softmax;
            t.u.push_back(soft ? net_.z(l)[j * cap] : net_.pre_act(l)[j * cap]);
            t.h.push_back(soft ? net_.a(l)[j * cap] : net_.act_out(l)[j * cap]);
            t.z.push_back(net_.z(l)[j * cap]);
            t.a.push_back(net_.a(l)[j * cap]);
            t.delta.push_back(net_.dz(l)[j * cap]);
        }
    t.loss = net_.loss_sum(y.data(), 1);
    t.grad.assign(net_.grads.begin(), net_.grads.end());
    std::copy(saved.begin(), saved.end(), net_.grads.begin());
    const std::size_t n = t.grad.size();
    t.reg_term.assign(n, 0.0f);
    for (std::size_t k = 0; k < n; ++k)
        if (net_.is_weight[k])
            t.reg_term[k] = (float)cfg_.regularization_rate *
                            reg_deriv(cfg_.regularization, (float)net_.params[k]);
    t.params_before.assign(net_.params.begin(), net_.params.end());
    t.params_after = t.params_before;
    OptimizerState<float> st = ost_;
    t.m_before = st.m;
    t.v_before = st.v;
    std::vector<uint8_t> dead = net_.dead;
    optimizer_step(opt_, st, t.params_after.data(), t.grad.data(), 1, net_.is_weight.data(),
                   dead.data(), n);
    t.m_after = st.m;
    t.v_after = st.v;
    t.t_after = st.t;
    t.bias_correction1 = 1 - st.b1t;
    t.bias_correction2 = 1 - st.b2t;
}

std::string Session::trace(bool test, int index, SampleTrace& out) {
    const std::vector<Point>& pts = test ? data_.test : data_.train;
    if (index < 0 || index >= (int)pts.size())
        return "point " + std::to_string(index) + " does not exist (the " +
               (test ? "test" : "training") + " set has " + std::to_string(pts.size()) + ")";
    // the sample's own inputs (for column data, all its columns, not the slice)
    std::vector<float> f(n_inputs());
    sample_inputs(test, index, f.data());
    compute_trace(f.data(), pts[index].label, out);
    return "";
}

std::string Session::trace_point(float x1, float x2, float label, SampleTrace& out) {
    if (!std::isfinite(x1) || !std::isfinite(x2) || !std::isfinite(label))
        return "a traced point needs finite coordinates and label";
    std::vector<float> f(n_inputs());
    plane_inputs(&x1, &x2, 1, f.data());
    compute_trace(f.data(), label, out);
    return "";
}

std::string Session::grad_check(double& max_rel, std::string& where, std::size_t& checked,
                                std::size_t& skipped) {
    const auto& train = data_.train;
    if (train.empty()) return "the training set is empty";
    const int B = std::min<int>(std::min(cfg_.batch_size, (int)train.size()), 64);
    const int F = (int)n_inputs(), n_out = net_.n_outputs();
    std::vector<float> fx((std::size_t)F * B), y((std::size_t)n_out * B), f((std::size_t)F);
    for (int k = 0; k < B; ++k) {
        const int s = (int)((pos_ + k) % train.size());
        write_target(model_, train[s].label, y.data(), (std::size_t)B, k);
        sample_inputs(false, s, f.data()); // the inputs training sees
        for (int i = 0; i < F; ++i) fx[(std::size_t)i * B + k] = f[i];
    }
    GradCheckBatch b;
    b.B = B;
    b.x.assign(fx.begin(), fx.end());
    b.y.assign(y.begin(), y.end());
    b.mask_seed = (uint64_t)updates_ + 1; // a fixed dropout mask, different after each update
    std::vector<double> p(net_.params.begin(), net_.params.end());
    for (double v : p)
        if (!std::isfinite(v)) return "the weights are not finite: reset the network first";
    if (p.size() > 20000)
        return "this network has too many parameters for a quick check (limit 20000)";
    GradCheckResult r =
        bp::grad_check(model_.net, p, b, cfg_.regularization, cfg_.regularization_rate);
    // The product runs in float: compare float backprop against the float64 differences.
    std::vector<double> g32 =
        backprop_gradient_f32(model_.net, p, b, cfg_.regularization, cfg_.regularization_rate);
    std::size_t worst = 0;
    max_rel = max_rel_error(g32, r.numeric, &worst);
    where = param_name(model_.net, worst);
    checked = r.checked;
    skipped = r.skipped;
    return "";
}

std::vector<LayerHealth> Session::health() {
    std::vector<LayerHealth> h(net_.num_layers());
    const int n = (int)data_.train.size();
    if (n == 0) return h;
    const int B = std::min(n, 64), cap = net_.capacity();
    std::vector<float> saved(net_.grads.begin(), net_.grads.end());
    net_.zero_grads();
    run_chunk(0, B, Pass::Eval);
    for (int l = 0; l < net_.num_layers(); ++l) {
        const LayerInfo& L = net_.layers()[l];
        double s = 0;
        for (std::size_t k = L.w_off; k < L.b_off; ++k) {
            const double g = net_.grads[k] / B;
            s += g * g;
        }
        h[l].grad_norm = std::sqrt(s);
        // ReLU: units that are 0 on every probe point (dead); tanh/sigmoid: the share of
        // unit-point outputs in the flat tails, where the derivative is below 0.02.
        long inactive = 0;
        for (int j = 0; j < L.n_out; ++j) {
            const float* a = net_.act_out(l) + (std::size_t)j * cap; // f(u), before any skip
            bool dead = true;
            for (int k = 0; k < B; ++k) {
                if (L.act == Activation::ReLU)
                    dead = dead && a[k] <= 0;
                else if (L.act == Activation::Tanh)
                    inactive += std::fabs(a[k]) > 0.99f;
                else if (L.act == Activation::Sigmoid)
                    inactive += a[k] < 0.01f || a[k] > 0.99f;
            }
            if (L.act == Activation::ReLU) inactive += dead;
        }
        h[l].inactive_fraction = L.act == Activation::ReLU
                                     ? (double)inactive / L.n_out
                                     : (double)inactive / ((double)L.n_out * B);
    }
    // The output layer's stuck points: in a flat tail (as above) and on the wrong side of the
    // target, |a - y| over half the output's range. With the squared or absolute error their
    // delta is (a - y) f'(u) with f'(u) < 0.02: confidently wrong points that no longer move the
    // weights, so training stalls there (the default net at learningRate=10 does). The
    // cross-entropy outputs (sigmoid with bce, softmax) have delta a - y: no flat tail.
    const int last = net_.num_layers() - 1;
    const LayerInfo& O = net_.layers()[last];
    const bool tanh = O.act == Activation::Tanh, sigmoid = O.act == Activation::Sigmoid;
    if ((tanh || sigmoid) && model_.net.loss != Loss::BCE && model_.net.loss != Loss::SoftmaxCE) {
        const float half = tanh ? 1.0f : 0.5f;
        long stuck = 0;
        for (int j = 0; j < O.n_out; ++j) {
            const float* a = net_.act_out(last) + (std::size_t)j * cap;
            for (int k = 0; k < B; ++k) {
                const bool flat = tanh ? std::fabs(a[k]) > 0.99f : a[k] < 0.01f || a[k] > 0.99f;
                stuck += flat && std::fabs(a[k] - train_y_(j, k)) > half;
            }
        }
        h[last].stuck_fraction = (double)stuck / ((double)O.n_out * B);
    }
    std::copy(saved.begin(), saved.end(), net_.grads.begin());
    return h;
}

void Session::predict(const std::vector<float>& x1, const std::vector<float>& x2,
                      std::vector<float>& out) const {
    const std::size_t n = std::min(x1.size(), x2.size()), F = n_inputs();
    const int n_out = net_.n_outputs(), T = net_.total_neurons();
    std::vector<float> fx(F * n), all((std::size_t)T * n);
    plane_inputs(x1.data(), x2.data(), n, fx.data());
    if (n) net_.forward_into(fx.data(), n, (int)n, all.data(), n); // the grid's own path
    out.assign(n * n_out, 0.0f);
    const std::size_t first = (std::size_t)(T - n_out) * n; // the output rows come last
    for (std::size_t k = 0; k < n; ++k)
        for (int j = 0; j < n_out; ++j) out[k * n_out + j] = all[first + j * n + k];
}

} // namespace bp
