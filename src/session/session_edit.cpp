// session_edit.cpp: direct edits of the Session's state (see session.h): one weight or bias from
// the page's network view, every parameter and running statistic from a loaded model, or the
// live keys of a config.
#include "../config/config_schema.h"
#include "session.h"
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

std::string Session::set_state(const std::vector<float>& params, const std::vector<float>& bn_mean,
                               const std::vector<float>& bn_var, long epoch, long updates) {
    if (params.size() != net_.params.size())
        return "the model has " + std::to_string(params.size()) + " parameters, this network " +
               std::to_string(net_.params.size());
    if (bn_mean.size() != net_.bn_mean.size() || bn_var.size() != net_.bn_var.size())
        return "the model has " + std::to_string(bn_mean.size()) +
               " batch-norm running statistics, this network " +
               std::to_string(net_.bn_mean.size());
    for (float v : params)
        if (!std::isfinite(v)) return "a parameter is not a finite number";
    for (std::size_t k = 0; k < bn_var.size(); ++k)
        if (!std::isfinite(bn_mean[k]) || !std::isfinite(bn_var[k]) || !(bn_var[k] >= 0))
            return "a running statistic is not finite (or a variance is negative)";
    reset(); // fresh optimizer state, counters and dropout stream
    std::copy(params.begin(), params.end(), net_.params.begin());
    net_.bn_mean = bn_mean;
    net_.bn_var = bn_var;
    bn_backup_mean_ = bn_mean;
    bn_backup_var_ = bn_var;
    epoch_ = epoch < 0 ? 0 : epoch;
    updates_ = updates < 0 ? 0 : updates;
    return "";
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
