// session_edit.cpp: direct edits of the Session's state (see session.h): one weight or bias from
// the page's network view, every parameter and running statistic from a loaded model, or the
// live keys of a config.
#include "../config/config_schema.h"
#include "session.h"
#include <algorithm>
#include <cmath>

namespace bp {
std::string Session::set_weight(int layer, int to, int from, double value) {
    if (layer < 0 || layer >= net_.num_layers())
        return "layer " + std::to_string(layer) + " does not exist (0.." +
               std::to_string(net_.num_layers() - 1) + ")";
    const LayerInfo& L = net_.layers()[layer];
    if (to < 0 || to >= L.n_out || from < 0 || from >= L.n_in)
        return "weight " + std::to_string(to) + "<-" + std::to_string(from) +
               " does not exist in layer " + std::to_string(layer) + " (" +
               std::to_string(L.n_out) + "x" + std::to_string(L.n_in) + ")";
    if (!std::isfinite(value)) return "a weight must be a finite number";
    const std::size_t k = L.w_off + (std::size_t)to * L.n_in + from;
    net_.params[k] = (float)value;
    net_.dead[k] = 0; // an edited weight is alive again
    metrics_valid_ = false;
    return "";
}

std::string Session::set_bias(int layer, int neuron, double value) {
    if (layer < 0 || layer >= net_.num_layers())
        return "layer " + std::to_string(layer) + " does not exist (0.." +
               std::to_string(net_.num_layers() - 1) + ")";
    const LayerInfo& L = net_.layers()[layer];
    if (neuron < 0 || neuron >= L.n_out)
        return "neuron " + std::to_string(neuron) + " does not exist in layer " +
               std::to_string(layer) + " (0.." + std::to_string(L.n_out - 1) + ")";
    if (!std::isfinite(value)) return "a bias must be a finite number";
    net_.params[L.b_off + neuron] = (float)value;
    metrics_valid_ = false;
    return "";
}

Message Session::set_state(const std::vector<float>& params, const std::vector<float>& bn_mean,
                           const std::vector<float>& bn_var, long epoch, long updates) {
    if (params.size() != net_.params.size())
        return {Msg::RestoreParams, {{"n", params.size()}, {"want", net_.params.size()}}};
    if (bn_mean.size() != net_.bn_mean.size() || bn_var.size() != net_.bn_var.size())
        return {Msg::RestoreStats, {{"n", bn_mean.size()}, {"want", net_.bn_mean.size()}}};
    for (float v : params)
        if (!std::isfinite(v)) return Msg::RestoreParamNotFinite;
    for (std::size_t k = 0; k < bn_var.size(); ++k)
        if (!std::isfinite(bn_mean[k]) || !std::isfinite(bn_var[k]) || !(bn_var[k] >= 0))
            return Msg::RestoreStatNotFinite;
    reset(); // fresh optimizer state, counters and dropout stream
    std::copy(params.begin(), params.end(), net_.params.begin());
    net_.bn_mean = bn_mean;
    net_.bn_var = bn_var;
    bn_backup_mean_ = bn_mean;
    bn_backup_var_ = bn_var;
    epoch_ = epoch < 0 ? 0 : epoch;
    updates_ = updates < 0 ? 0 : updates;
    record_trajectory(true); // the loaded weights start the path
    return {};
}

TrainingState Session::training_state() const {
    TrainingState t;
    t.opt = ost_;
    t.dead = net_.dead;
    t.position = pos_;
    t.carried = accum_;
    if (accum_ > 0) t.carried_sum.assign(net_.grads.begin(), net_.grads.end());
    t.dropout = drop_rng_.state();
    return t;
}

Message Session::set_training_state(const TrainingState& t) {
    const std::size_t n = net_.params.size();
    const int n_train = (int)data_.train.size(), bs = std::min(cfg_.batch_size, n_train);
    if (t.opt.m.size() != n || t.opt.v.size() != n || t.dead.size() != n)
        return {Msg::RestoreOptimizerSize, {{"n", t.opt.m.size()}, {"want", n}}};
    if (t.position < 0 || t.position >= std::max(n_train, 1))
        return {Msg::RestorePosition, {{"position", t.position}, {"n", n_train}}};
    // Between calls the carry is the last epoch's leftover (< bs), or that plus a batch in flight.
    if (t.carried < 0 || t.carried >= 2 * std::max(bs, 1) ||
        t.carried_sum.size() != (t.carried > 0 ? n : 0))
        return {Msg::RestoreCarried, {{"n", t.carried}, {"batch", bs}}};
    for (std::size_t k = 0; k < n; ++k) {
        if (!std::isfinite(t.opt.m[k]) || !std::isfinite(t.opt.v[k]) || !(t.opt.v[k] >= 0))
            return Msg::RestoreBufferNotFinite;
        if (t.dead[k] > 1 || (t.dead[k] && !net_.is_weight[k])) return Msg::RestoreOnlyWeightsDead;
    }
    for (float g : t.carried_sum)
        if (!std::isfinite(g)) return Msg::RestoreCarriedNotFinite;
    if (t.opt.t < 0 || !(t.opt.b1t >= 0 && t.opt.b1t <= 1) || !(t.opt.b2t >= 0 && t.opt.b2t <= 1))
        return Msg::RestoreAdam;
    Rng probe(uint64_t(0));
    if (!probe.set_state(t.dropout)) return Msg::RestoreDropoutZero;
    ost_ = t.opt;
    net_.dead = t.dead;
    pos_ = t.position;
    accum_ = t.carried;
    net_.zero_grads();
    std::copy(t.carried_sum.begin(), t.carried_sum.end(), net_.grads.begin());
    drop_rng_ = probe;
    metrics_valid_ = false;
    return {};
}

std::string Session::set_training(const Config& c) {
    // Only the live keys (config_schema.h) may differ; anything else needs a new session.
    Config probe = c;
    schema::copy_live(cfg_, probe);
    if (!schema::first_difference(probe, cfg_).empty())
        return "only " + schema::live_names() + " can change without a reset";
    std::vector<ConfigIssue> issues = check_consistency(c);
    if (!issues.empty()) return issues.front().message;
    if (c.optimizer != cfg_.optimizer) ost_.reset(net_.params.size());
    schema::copy_live(c, cfg_);
    opt_ = optimizer_params(cfg_);
    return "";
}

} // namespace bp
