// model_spec.cpp: Config -> ModelSpec (see model_spec.h).
#include "model_spec.h"
#include "../config/config_codec.h"
#include "../config/dataset_table.h"
#include "../data/features.h"

namespace bp {

Message build_model_spec(const Config& c, ModelSpec& m) {
    std::vector<ConfigIssue> issues = check_consistency(c);
    if (!issues.empty()) return issues.front().msg;
    const int K = num_classes(c);
    m.num_classes = K;
    NetSpec& n = m.net;
    // column data (dataset_table.h: Iris) feeds its columns; plane data the selected features
    const DatasetKind kind = active_dataset(c);
    const int columns = kind == DatasetKind::Custom ? c.columns : dataset_info(kind).columns;
    n.n_inputs = columns > 0 ? columns : (int)active_features(c).size();
    if (n.n_inputs == 0)
        return {Msg::BuildNoFeature,
                {{"features", "x, y, xSquared, ySquared, xTimesY, sinX, sinY"}}};
    n.leaky_alpha = c.leaky_alpha;
    n.dropout = c.dropout;
    n.batch_norm = c.batch_norm;
    n.residual = c.residual;
    n.sizes.clear();
    n.activations.clear();
    for (std::size_t l = 0; l < c.network_shape.size(); ++l) {
        n.sizes.push_back(c.network_shape[l]);
        n.activations.push_back(l < c.layer_activations.size() ? c.layer_activations[l]
                                                               : c.activation);
    }
    const Loss loss = loss_in_force(c);
    n.loss = loss;
    n.sizes.push_back(loss == Loss::SoftmaxCE ? K : 1);
    n.activations.push_back(output_in_force(c));
    return {};
}

Loss loss_in_force(const Config& c) {
    if (c.loss != Loss::Auto) return c.loss;
    return num_classes(c) >= 3 ? Loss::SoftmaxCE : Loss::Square;
}

Activation output_in_force(const Config& c) {
    const Loss loss = loss_in_force(c);
    if (loss == Loss::SoftmaxCE) return Activation::Softmax;
    if (loss == Loss::BCE) return Activation::Sigmoid;
    if (c.output_activation) return *c.output_activation;
    return num_classes(c) == 0 ? Activation::Linear : Activation::Tanh;
}

void write_target(const ModelSpec& m, float label, float* y, std::size_t ld, int s) {
    const NetSpec& n = m.net;
    if (n.loss == Loss::SoftmaxCE) {
        const int K = n.sizes.back();
        for (int j = 0; j < K; ++j) y[j * ld + s] = (int)label == j ? 1.0f : 0.0f;
    } else if (n.loss == Loss::BCE) {
        y[s] = label > 0 ? 1.0f : 0.0f;
    } else {
        y[s] = label;
    }
}

} // namespace bp
