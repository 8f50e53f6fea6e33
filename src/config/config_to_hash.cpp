// config_to_hash.cpp: to_hash and without_key (contracts in config_codec.h). Every TF key is
// written, in TF's order, so the link also opens in TensorFlow Playground; our keys only when they
// differ from the defaults, so a plain TF setup gives a TF-clean link. Free text (seed, tutorial,
// unknown keys, hidden names) is percent-encoded: '&', '=', '#' and '%' inside it survive
// parse_hash.
#include "config_codec.h"
#include "hash_text.h"
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace bp {
namespace ht = hash_text;

static void append_float(std::string& out, float v) {
    if (v == 0) return void(out += '0'); // -0 too: it reads back as 0 and means the same
    char buf[32];
    for (int p = 1; p <= 9; ++p) { // %.9g always reads back as the same float
        std::snprintf(buf, sizeof buf, "%.*g", p, (double)v);
        if (std::strtof(buf, nullptr) == v) break;
    }
    out += buf;
}

std::string points_to_text(const std::vector<CustomPoint>& points) {
    std::string s;
    for (const CustomPoint& p : points) {
        if (!s.empty()) s += ',';
        append_float(s, p.x1);
        s += ',';
        append_float(s, p.x2);
        s += ',';
        append_float(s, p.label);
    }
    return s;
}

std::string to_hash(const Config& c) {
    std::string out;
    auto put = [&out](std::string_view encoded_key, std::string_view encoded_value) {
        if (!out.empty()) out += '&';
        out.append(encoded_key).append("=").append(encoded_value);
    };
    auto put_bool = [&](const char* key, bool v) { put(key, v ? "true" : "false"); };
    auto put_number = [&](const char* key, double v) { put(key, ht::format_number(v)); };
    auto join_shape = [](const std::vector<int>& shape) {
        std::string s;
        for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
        return s;
    };

    // TF keys, always, in TF's order (so the link also opens there).
    put("activation", name_of(c.activation));
    if (c.regularization != Regularization::None) put("regularization", name_of(c.regularization));
    put("batchSize", std::to_string(c.batch_size));
    put("dataset", name_of(c.dataset));
    put("regDataset", name_of(c.reg_dataset));
    put_number("learningRate", c.learning_rate);
    put_number("regularizationRate", c.regularization_rate);
    put_number("noise", c.noise);
    put("networkShape", join_shape(c.network_shape));
    put("seed", ht::percent_encode(c.seed));
    put_bool("showTestData", c.show_test_data);
    put_bool("discretize", c.discretize);
    put_number("percTrainData", c.perc_train_data);
    put_bool("x", c.x);
    put_bool("y", c.y);
    put_bool("xTimesY", c.x_times_y);
    put_bool("xSquared", c.x_squared);
    put_bool("ySquared", c.y_squared);
    put_bool("cosX", c.cos_x);
    put_bool("sinX", c.sin_x);
    put_bool("cosY", c.cos_y);
    put_bool("sinY", c.sin_y);
    put_bool("collectStats", c.collect_stats);
    put("problem", name_of(c.problem));
    put_bool("initZero", c.init_zero);
    put_bool("hideText", c.hide_text);
    if (!c.tutorial.empty()) put("tutorial", ht::percent_encode(c.tutorial));
    for (const std::string& name : c.hidden) put(ht::percent_encode(name) + "_hide", "true");

    // Our keys, only when they differ from the defaults (TF links stay short and clean).
    const Config d;
    if (!c.layer_activations.empty()) {
        std::string s;
        for (Activation a : c.layer_activations)
            s += (s.empty() ? "" : ",") + std::string(name_of(a));
        put("layerActivations", s);
    }
    if (c.output_activation) put("outputActivation", name_of(*c.output_activation));
    if (c.loss != d.loss) put("loss", name_of(c.loss));
    if (c.optimizer != d.optimizer) put("optimizer", name_of(c.optimizer));
    if (c.momentum != d.momentum) put_number("momentum", c.momentum);
    if (c.beta1 != d.beta1) put_number("beta1", c.beta1);
    if (c.beta2 != d.beta2) put_number("beta2", c.beta2);
    if (c.rho != d.rho) put_number("rho", c.rho);
    if (c.epsilon != d.epsilon) put_number("epsilon", c.epsilon);
    if (c.init != d.init) put("init", name_of(c.init));
    if (c.leaky_alpha != d.leaky_alpha) put_number("leakyAlpha", c.leaky_alpha);
    if (c.preset != d.preset) put("preset", name_of(c.preset));
    if (c.dropout != d.dropout) put_number("dropout", c.dropout);
    if (c.batch_norm) put_bool("batchNorm", true);
    if (c.residual) put_bool("residual", true);
    if (c.stop_epoch != d.stop_epoch) put("stopEpoch", std::to_string(c.stop_epoch));
    if (c.stop_test_loss != d.stop_test_loss) put_number("stopTestLoss", c.stop_test_loss);
    if (!c.points.empty()) put("points", points_to_text(c.points));

    for (const auto& [key, value] : c.unknown)
        put(ht::percent_encode(key), ht::percent_encode(value));
    return out;
}

std::string without_key(const std::string& hash, const std::string& key) {
    std::string_view h = hash;
    if (!h.empty() && h.front() == '#') h.remove_prefix(1);
    std::string out, decoded;
    while (!h.empty()) {
        size_t amp = h.find('&');
        std::string_view part = h.substr(0, amp);
        h = amp == std::string_view::npos ? std::string_view() : h.substr(amp + 1);
        if (part.empty()) continue;
        if (ht::percent_decode(part.substr(0, part.find('=')), decoded) && decoded == key) continue;
        if (!out.empty()) out += '&';
        out.append(part);
    }
    return out;
}

} // namespace bp
