// export_common.h: pieces both script generators share (internal to src/session): the points and
// the playground's predictions as Python literals, weight matrices as nested lists, the header.
#pragma once
#include "../config/config_codec.h"
#include "export_code.h"
#include "float_text.h"
#include <string>
#include <vector>

namespace bp::export_detail {

// "[[w00, w01], [w10, w11]]" with one row per line after the first, indented by `indent`.
inline std::string py_matrix(const float* W, int rows, int cols, const std::string& indent) {
    std::string s = "[";
    for (int j = 0; j < rows; ++j)
        s += (j ? ",\n" + indent + " " : "") + float_list(W + (std::size_t)j * cols, cols);
    return s + "]";
}

// POINTS = [(x1, x2), ...] and PLAYGROUND = [[outputs], ...] (the engine's float32 predictions).
inline std::string py_points_and_predictions(const Session& s,
                                             const std::vector<ExportPoint>& pts) {
    std::vector<float> x1, x2, out;
    for (const ExportPoint& p : pts) {
        x1.push_back(p.first);
        x2.push_back(p.second);
    }
    s.predict(x1, x2, out);
    const int K = s.network().n_outputs();
    std::string t = "POINTS = [";
    for (std::size_t k = 0; k < pts.size(); ++k)
        t += (k ? ", (" : "(") + float_text(x1[k]) + ", " + float_text(x2[k]) + ")";
    t += "]\n# The playground's own predictions at POINTS (float32), to compare with.\nPLAYGROUND "
         "= [";
    for (std::size_t k = 0; k < pts.size(); ++k)
        t += (k ? ",\n              " : "") + float_list(out.data() + k * K, K);
    return t + "]\n";
}

// How the playground applies L1/L2 (engine/optimizer.h), for a reader who trains on: after the
// optimizer's step, to weights only, from the weight before the step, never through momentum or
// the adaptive buffers; and the framework's nearest equivalent. "" without regularization.
inline std::string py_regularization_note(const Session& s, const std::string& framework) {
    const Config& c = s.config();
    if (c.regularization == Regularization::None) return "";
    const bool torch = framework == "PyTorch";
    const std::string rate = float_text((float)c.regularization_rate);
    const std::string h = "# " + std::string(name_of(c.regularization)) + " (rate " + rate +
                          ") is applied after the optimizer step, to the weights only (not\n"
                          "# biases), from the weight before the step, decoupled from momentum "
                          "and the adaptive buffers:\n";
    if (c.regularization == Regularization::L1)
        return h +
               "#   w -= lr * rate * sign(w_before); a weight this carries across zero is "
               "set to 0 and\n#   frozen (TensorFlow Playground's rule). " +
               framework + " has no built-in equivalent:\n#   apply it by hand after each step.\n";
    if (torch)
        return h +
               "#   w -= lr * rate * w_before. With Adam this is torch.optim.AdamW(weight_decay=" +
               rate +
               ")\n#   on the weights; with plain SGD, torch.optim.SGD(weight_decay=" + rate +
               "). weight_decay on SGD\n#   with momentum, RMSprop or Adam differs: it goes "
               "through their buffers.\n";
    return h + "#   w -= lr * rate * w_before. With Adam this is tf.keras.optimizers.AdamW(" +
           "weight_decay=" + rate + ")\n#   on the weights; with plain SGD, an L2 penalty rate/2 " +
           "* sum(w^2) on the loss.\n#   A kernel_regularizer with momentum, RMSprop or Adam "
           "differs: it goes through their buffers.\n";
}

// One comment block: what this is, the config, the loss to keep training with.
inline std::string py_header(const Session& s, const char* framework) {
    const Network<float>& net = s.network();
    std::string h = "#!/usr/bin/env python3\n# Backprop Playground model as a " +
                    std::string(framework) + " script: the same network, float32 weights and\n" +
                    "# input features; prints its predictions next to the playground's.\n" +
                    "# Config: " + to_hash(s.config()) + "\n" + "# Trained " +
                    std::to_string(s.epoch()) + " epochs, " + std::to_string(s.updates()) +
                    " updates; loss: " + name_of(net.spec().loss);
    if (net.spec().dropout > 0 || net.spec().batch_norm || net.spec().residual) {
        h += "\n# Architecture: ";
        if (net.spec().batch_norm) h += "batch norm (z -> BN -> f), ";
        if (net.spec().dropout > 0) h += "dropout " + float_text((float)net.spec().dropout) + ", ";
        if (net.spec().residual) h += "residual skips between equal-width hidden layers, ";
        h.resize(h.size() - 2);
    }
    return h + "\n" + py_regularization_note(s, framework);
}

} // namespace bp::export_detail
