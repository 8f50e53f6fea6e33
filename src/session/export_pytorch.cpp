// export_pytorch.cpp: pytorch_script (see export_code.h). The forward pass is written out layer by
// layer (no loops over a config) so a reader sees the network: fc<l> = nn.Linear, bn<l> =
// nn.BatchNorm1d (eps 1e-5; PyTorch's momentum 0.1 is the playground's 0.9 the other way round).
// Features are computed in float32 like the engine (sin in float64, rounded once, as the engine).
#include "../engine/batchnorm.h"
#include "export_common.h"

namespace bp {
using namespace export_detail;

namespace {

std::string torch_feature(Feature f) {
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
        return "torch.sin(x1.double()).float()";
    case Feature::SinX2:
        return "torch.sin(x2.double()).float()";
    }
    return "?";
}

std::string torch_act(Activation a, const std::string& x, float alpha) {
    switch (a) {
    case Activation::ReLU:
        return "torch.relu(" + x + ")";
    case Activation::Tanh:
        return "torch.tanh(" + x + ")";
    case Activation::Sigmoid:
        return "torch.sigmoid(" + x + ")";
    case Activation::LeakyReLU:
        return "F.leaky_relu(" + x + ", negative_slope=" + float_text(alpha) + ")";
    case Activation::Softmax:
        return "torch.softmax(" + x + ", dim=1)";
    default:
        return x; // linear
    }
}

} // namespace

std::string pytorch_script(const Session& s, const std::vector<ExportPoint>& points) {
    const Network<float>& net = s.network();
    const NetSpec& spec = net.spec();
    const float alpha = (float)spec.leaky_alpha;
    std::string o = py_header(s, "PyTorch");
    o += "import torch\nimport torch.nn.functional as F\n\n";
    o += "# Input features, in the playground's order: ";
    for (Feature f : s.features()) o += std::string(feature_key(f)) + " ";
    o += "\ndef features(x1, x2):\n"
         "    x1 = torch.as_tensor(x1, dtype=torch.float32)\n"
         "    x2 = torch.as_tensor(x2, dtype=torch.float32)\n"
         "    return torch.stack([";
    for (std::size_t k = 0; k < s.features().size(); ++k)
        o += (k ? ", " : "") + torch_feature(s.features()[k]);
    o += "], dim=1)\n\n\nclass Net(torch.nn.Module):\n    def __init__(self):\n"
         "        super().__init__()\n";
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string n = std::to_string(l);
        o += "        self.fc" + n + " = torch.nn.Linear(" + std::to_string(L.n_in) + ", " +
             std::to_string(L.n_out) + ")\n";
        if (L.bn)
            o += "        self.bn" + n + " = torch.nn.BatchNorm1d(" + std::to_string(L.n_out) +
                 ", eps=" + float_text((float)kBnEps) +
                 ", momentum=" + float_text((float)(1 - kBnMomentum)) + ")\n";
    }
    if (spec.dropout > 0)
        o += "        self.dropout = torch.nn.Dropout(p=" + float_text((float)spec.dropout) +
             ")  # active in train() only\n";
    o += "\n    def forward(self, x):\n        a0 = x\n";
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string n = std::to_string(l), next = "a" + std::to_string(l + 1);
        std::string z = "self.fc" + n + "(a" + n + ")";
        if (L.bn) z = "self.bn" + n + "(" + z + ")";
        std::string h = torch_act(L.act, z, alpha);
        if (L.hidden && spec.dropout > 0) h = "self.dropout(" + h + ")";
        if (L.skip) h += " + a" + n + "  # residual skip";
        o += "        " + next + " = " + h + "\n";
    }
    o += "        return a" + std::to_string(net.num_layers()) + "\n\n\n";
    o += "def load_weights(net):\n    t = lambda v: torch.tensor(v, dtype=torch.float32)\n"
         "    with torch.no_grad():\n";
    const float* p = net.params.data();
    std::size_t stat = 0;
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const std::string n = std::to_string(l), ind = "                              ";
        o += "        net.fc" + n + ".weight.copy_(t(" +
             py_matrix(p + L.w_off, L.n_out, L.n_in, ind) + "))\n";
        o += "        net.fc" + n + ".bias.copy_(t(" + float_list(p + L.b_off, L.n_out) + "))\n";
        if (L.bn) {
            o += "        net.bn" + n + ".weight.copy_(t(" + float_list(p + L.g_off, L.n_out) +
                 "))\n        net.bn" + n + ".bias.copy_(t(" + float_list(p + L.beta_off, L.n_out) +
                 "))\n        net.bn" + n + ".running_mean.copy_(t(" +
                 float_list(net.bn_mean.data() + stat, L.n_out) + "))\n        net.bn" + n +
                 ".running_var.copy_(t(" + float_list(net.bn_var.data() + stat, L.n_out) + "))\n";
        }
        if (L.hidden) stat += (std::size_t)L.n_out;
    }
    o += "\n\n" + py_points_and_predictions(s, points);
    o += R"(

if __name__ == "__main__":
    net = Net()
    load_weights(net)
    net.eval()  # dropout off, batch norm on its running statistics: the playground's evaluation
    with torch.no_grad():
        out = net(features([p[0] for p in POINTS], [p[1] for p in POINTS]))
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
