// export_keras.cpp: keras_script (see export_code.h). The functional API, so residual skips are
// Add layers; layer names (dense_<l>, bn_<l>, act_<l>, dropout_<l>, skip_<l>) tie the weight
// assignments to the structure. Keras keeps a Dense kernel as [n_in][n_out], the playground's W as
// [n_out][n_in]: the script writes W as the playground has it and transposes it (.T) when setting.
// BatchNormalization(momentum=0.9) is the playground's running update, eps 1e-5 set explicitly
// (Keras's default is 1e-3). Not run here (no TensorFlow package is reachable): tests check the
// script's structure and numbers against the model JSON by parsing it.
#include "../engine/batchnorm.h"
#include "export_common.h"

namespace bp {
using namespace export_detail;

namespace {

std::string numpy_feature(Feature f) {
    switch (f) {
    case Feature::X1:
        return "x1";
    case Feature::X2:
        return "x2";
    case Feature::X1Squared:
        return "x1 * x1";
    case Feature::X2Squared:
        return "x2 * x2";
    case Feature::X1TimesX2:
        return "x1 * x2";
    case Feature::SinX1:
        return "np.sin(x1.astype(np.float64)).astype(np.float32)";
    case Feature::SinX2:
        return "np.sin(x2.astype(np.float64)).astype(np.float32)";
    }
    return "?";
}

std::string keras_act(Activation a, float alpha, const std::string& name) {
    if (a == Activation::LeakyReLU)
        return "tf.keras.layers.LeakyReLU(alpha=" + float_text(alpha) + ", name=\"" + name + "\")";
    const char* k = a == Activation::ReLU      ? "relu"
                    : a == Activation::Tanh    ? "tanh"
                    : a == Activation::Sigmoid ? "sigmoid"
                    : a == Activation::Softmax ? "softmax"
                                               : "linear";
    return std::string("tf.keras.layers.Activation(\"") + k + "\", name=\"" + name + "\")";
}

} // namespace

std::string keras_script(const Session& s, const std::vector<ExportPoint>& points) {
    const Network<float>& net = s.network();
    const NetSpec& spec = net.spec();
    std::string o = py_header(s, "tf.keras");
    o += "import numpy as np\nimport tensorflow as tf\n\n";
    o += "# Input features, in the playground's order: ";
    for (Feature f : s.features()) o += std::string(feature_key(f)) + " ";
    o += "\ndef features(x1, x2):\n"
         "    x1 = np.asarray(x1, dtype=np.float32)\n"
         "    x2 = np.asarray(x2, dtype=np.float32)\n"
         "    return np.stack([";
    for (std::size_t k = 0; k < s.features().size(); ++k)
        o += (k ? ", " : "") + numpy_feature(s.features()[k]);
    o += "], axis=1)\n\n\ndef build_model():\n";
    o += "    inputs = tf.keras.Input(shape=(" + std::to_string(net.n_inputs()) +
         ",), name=\"features\")\n    a0 = inputs\n";
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string n = std::to_string(l), prev = "a" + n, next = "a" + std::to_string(l + 1);
        o += "    z = tf.keras.layers.Dense(" + std::to_string(L.n_out) + ", name=\"dense_" + n +
             "\")(" + prev + ")\n";
        if (L.bn)
            o += "    z = tf.keras.layers.BatchNormalization(epsilon=" + float_text((float)kBnEps) +
                 ", momentum=" + float_text((float)kBnMomentum) + ", name=\"bn_" + n + "\")(z)\n";
        o += "    h = " + keras_act(L.act, (float)spec.leaky_alpha, "act_" + n) + "(z)\n";
        if (L.hidden && spec.dropout > 0)
            o += "    h = tf.keras.layers.Dropout(" + float_text((float)spec.dropout) +
                 ", name=\"dropout_" + n + "\")(h)\n";
        if (L.skip)
            o += "    h = tf.keras.layers.Add(name=\"skip_" + n + "\")([h, " + prev + "])\n";
        o += "    " + next + " = h\n";
    }
    o += "    return tf.keras.Model(inputs, a" + std::to_string(net.num_layers()) + ")\n\n\n";
    // Weights as module-level lists: W_<l> [n_out][n_in] as in the playground, b_<l>, and
    // gamma_<l>, beta_<l>, mean_<l>, var_<l> for batch norm.
    const float* p = net.params.data();
    std::size_t stat = 0;
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string n = std::to_string(l);
        o += "W_" + n + " = " +
             py_matrix(p + L.w_off, L.n_out, L.n_in, std::string(4 + n.size(), ' ')) + "\nb_" + n +
             " = " + float_list(p + L.b_off, L.n_out) + "\n";
        if (L.bn)
            o += "gamma_" + n + " = " + float_list(p + L.g_off, L.n_out) + "\nbeta_" + n + " = " +
                 float_list(p + L.beta_off, L.n_out) + "\nmean_" + n + " = " +
                 float_list(net.bn_mean.data() + stat, L.n_out) + "\nvar_" + n + " = " +
                 float_list(net.bn_var.data() + stat, L.n_out) + "\n";
        if (L.hidden) stat += (std::size_t)L.n_out;
    }
    o += "\n\ndef load_weights(model):\n    f32 = lambda v: np.array(v, dtype=np.float32)\n";
    for (int l = 0; l < net.num_layers(); ++l) {
        const std::string n = std::to_string(l);
        o += "    model.get_layer(\"dense_" + n + "\").set_weights([f32(W_" + n + ").T, f32(b_" +
             n + ")])\n";
        if (net.layers()[l].bn)
            o += "    model.get_layer(\"bn_" + n + "\").set_weights([f32(gamma_" + n +
                 "), f32(beta_" + n + "), f32(mean_" + n + "), f32(var_" + n + ")])\n";
    }
    o += "\n\n" + py_points_and_predictions(s, points);
    o += R"(

if __name__ == "__main__":
    model = build_model()
    load_weights(model)
    x = features([p[0] for p in POINTS], [p[1] for p in POINTS])
    out = model(x, training=False).numpy()  # dropout off, batch norm on running statistics
    worst = 0.0
    for (x1, x2), row, ref in zip(POINTS, out.tolist(), PLAYGROUND):
        worst = max([worst] + [abs(a - b) for a, b in zip(row, ref)])
        print("prediction %.9g %.9g :" % (x1, x2), " ".join("%.9g" % v for v in row),
              "| playground", " ".join("%.9g" % v for v in ref))
    print("max |difference| from the playground: %.3g" % worst)
)";
    return o;
}

} // namespace bp
