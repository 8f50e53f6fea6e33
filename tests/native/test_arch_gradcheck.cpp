// test_arch_gradcheck.cpp: backprop against float64 central differences for the architecture
// options (engine/network.h): dropout (fixed mask), batch norm (training mode: batch statistics;
// evaluation mode: running statistics), residual skips, and all three together, over every hidden
// activation x loss x depth x regularizer; per-layer activations mixed in one network; the live
// session check with the options on.
#include "config/config_codec.h"
#include "engine/gradcheck.h"
#include "engine/rng.h"
#include "session/session.h"
#include <cmath>
#include <doctest/doctest.h>

using namespace bp;

namespace {

GradCheckBatch make_batch(const NetSpec& spec, int B, Rng& r) {
    GradCheckBatch b;
    b.B = B;
    const int n_out = spec.sizes.back();
    for (int k = 0; k < spec.n_inputs * B; ++k) b.x.push_back(r.uniform(-2, 2));
    b.y.assign((std::size_t)n_out * B, 0.0);
    for (int s = 0; s < B; ++s) {
        if (spec.loss == Loss::SoftmaxCE)
            b.y[(std::size_t)r.below(n_out) * B + s] = 1.0;
        else if (spec.loss == Loss::BCE)
            b.y[s] = r.below(2);
        else
            b.y[s] = r.below(2) ? 1.0 : -1.0;
    }
    return b;
}

// Weights and biases in [-1, 1]; gamma in [0.5, 1.5] and beta in [-0.5, 0.5] (around their
// initial 1 and 0, where training keeps them).
std::vector<double> random_params(const NetSpec& spec, Rng& r) {
    Network<double> net(spec);
    std::vector<double> p(net.params.size());
    for (double& v : p) v = r.uniform(-1, 1);
    for (const LayerInfo& L : net.layers())
        if (L.bn)
            for (int j = 0; j < L.n_out; ++j) {
                p[L.g_off + j] = r.uniform(0.5, 1.5);
                p[L.beta_off + j] = r.uniform(-0.5, 0.5);
            }
    return p;
}

struct Options {
    const char* name;
    double dropout;
    bool bn, residual;
};

} // namespace

TEST_CASE("gradient check: dropout, batch norm, residual x activation x loss x depth x reg") {
    const Activation hidden[] = {Activation::ReLU, Activation::Tanh, Activation::Sigmoid,
                                 Activation::Linear, Activation::LeakyReLU};
    struct L {
        Loss loss;
        Activation out;
        int n_out;
    };
    const L losses[] = {
        {Loss::Square, Activation::Tanh, 1},    {Loss::Square, Activation::Linear, 1},
        {Loss::Square, Activation::Sigmoid, 1}, {Loss::Abs, Activation::Tanh, 1},
        {Loss::BCE, Activation::Sigmoid, 1},    {Loss::SoftmaxCE, Activation::Softmax, 3}};
    // {5}: one hidden layer (no skip possible); {4,4,4}: two skips; {3,5,5}: a skip after a
    // width change only.
    const std::vector<int> depths[] = {{5}, {4, 4, 4}, {3, 5, 5}};
    const Regularization regs[] = {Regularization::None, Regularization::L1, Regularization::L2};
    const Options options[] = {{"dropout", 0.4, false, false},
                               {"batchNorm", 0, true, false},
                               {"residual", 0, false, true},
                               {"all", 0.3, true, true}};
    Rng r(77);
    double worst64[4] = {0, 0, 0, 0}, worst32[4] = {0, 0, 0, 0};
    int combos = 0;
    for (int o = 0; o < 4; ++o)
        for (Activation h : hidden)
            for (const L& l : losses)
                for (const auto& d : depths)
                    for (Regularization reg : regs) {
                        NetSpec spec;
                        spec.n_inputs = 3;
                        spec.sizes = d;
                        spec.sizes.push_back(l.n_out);
                        spec.activations.assign(d.size(), h);
                        spec.activations.push_back(l.out);
                        spec.loss = l.loss;
                        spec.leaky_alpha = 0.1;
                        spec.dropout = options[o].dropout;
                        spec.batch_norm = options[o].bn;
                        spec.residual = options[o].residual;
                        auto p = random_params(spec, r);
                        auto b = make_batch(spec, 7, r);
                        b.mask_seed = 1000 + combos;
                        GradCheckResult res = grad_check(spec, p, b, reg, 0.03);
                        CAPTURE(std::string(options[o].name));
                        CAPTURE(std::string(name_of(h)));
                        CAPTURE(std::string(name_of(l.loss)));
                        CAPTURE(d.size());
                        CAPTURE(std::string(name_of(reg)));
                        CAPTURE(param_name(spec, res.worst_index));
                        CAPTURE(res.backprop[res.worst_index]);
                        CAPTURE(res.numeric[res.worst_index]);
                        CHECK(res.checked > res.skipped);
                        CHECK(res.max_rel_error < 1e-6);
                        worst64[o] = std::max(worst64[o], res.max_rel_error);
                        // float32: the bias before a batch norm has an exact gradient of 0
                        // (the mean subtraction cancels it); float32 leaves round-off of the
                        // cancelled sum there, so those entries are bounded in absolute terms.
                        std::vector<double> g32 = backprop_gradient_f32(spec, p, b, reg, 0.03),
                                            ref = res.numeric;
                        Network<double> layout(spec);
                        for (const LayerInfo& Ly : layout.layers())
                            for (int j = 0; Ly.bn && j < Ly.n_out; ++j) {
                                CHECK(std::fabs(g32[Ly.b_off + j]) < 1e-4);
                                ref[Ly.b_off + j] = NAN;
                            }
                        worst32[o] = std::max(worst32[o], max_rel_error(g32, ref));
                        ++combos;
                    }
    for (int o = 0; o < 4; ++o) {
        MESSAGE(std::string(options[o].name) << ": float64 worst relative error " << worst64[o]
                                             << ", float32 backprop vs float64 FD " << worst32[o]);
        // float32 sanity bound (float64 above is the correctness check): batch norm's backward
        // subtracts means of du, a cancellation that costs float32 a few more bits.
        CHECK(worst32[o] < (options[o].bn ? 5e-3 : 1e-3));
    }
    CHECK(combos == 4 * 5 * 6 * 3 * 3);
}

TEST_CASE("gradient check: batch norm in evaluation mode (running statistics)") {
    NetSpec spec;
    spec.n_inputs = 2;
    spec.sizes = {4, 4, 1};
    spec.activations = {Activation::Tanh, Activation::Sigmoid, Activation::Tanh};
    spec.batch_norm = true;
    spec.residual = true;
    spec.dropout = 0.5; // off in evaluation: the check must still pass without a mask
    Rng r(5);
    auto p = random_params(spec, r);
    auto b = make_batch(spec, 6, r);
    b.pass = Pass::Eval;
    for (int k = 0; k < 8; ++k) {
        b.bn_mean.push_back(r.uniform(-1, 1));
        b.bn_var.push_back(r.uniform(0.2, 3));
    }
    GradCheckResult res = grad_check(spec, p, b, Regularization::L2, 0.01);
    CAPTURE(param_name(spec, res.worst_index));
    CHECK(res.checked == p.size());
    CHECK(res.max_rel_error < 1e-7);
    MESSAGE("batch norm, evaluation mode: float64 worst relative error " << res.max_rel_error);
}

TEST_CASE("gradient check: per-layer activations mixed in one network") {
    NetSpec spec;
    spec.n_inputs = 2;
    spec.sizes = {4, 4, 3, 3, 3, 1};
    spec.activations = {Activation::ReLU,   Activation::Tanh,      Activation::Sigmoid,
                        Activation::Linear, Activation::LeakyReLU, Activation::Tanh};
    spec.leaky_alpha = 0.2;
    Rng r(11);
    double worst = 0;
    for (int variant = 0; variant < 4; ++variant) {
        spec.batch_norm = variant & 1;
        spec.residual = variant & 2;
        auto p = random_params(spec, r);
        auto b = make_batch(spec, 9, r);
        GradCheckResult res = grad_check(spec, p, b, Regularization::L1, 0.01);
        CAPTURE(variant);
        CAPTURE(param_name(spec, res.worst_index));
        CHECK(res.checked > res.skipped);
        CHECK(res.max_rel_error < 1e-6);
        worst = std::max(worst, res.max_rel_error);
    }
    MESSAGE("mixed per-layer activations: float64 worst relative error " << worst);
    // and reachable from the hash: layerActivations sets each hidden layer
    ParseResult pr = parse_hash("networkShape=4,3,2&layerActivations=relu,sigmoid&activation=tanh");
    REQUIRE(pr.errors.empty());
    ModelSpec m;
    REQUIRE(build_model_spec(pr.config, m) == "");
    CHECK(m.net.activations == std::vector<Activation>{Activation::ReLU, Activation::Sigmoid,
                                                       Activation::Tanh, Activation::Tanh});
}

TEST_CASE("the live gradient check passes with dropout, batch norm and residual on") {
    for (const char* hash :
         {"networkShape=5,5,5&dropout=0.3&batchNorm=true&residual=true&seed=g1&batchSize=10",
          "networkShape=4,4&activation=relu&batchNorm=true&dataset=blobs3&seed=g2&batchSize=16",
          "networkShape=6,6&layerActivations=sigmoid,leakyrelu&residual=true&dropout=0.2&"
          "problem=regression&seed=g3"}) {
        ParseResult pr = parse_hash(hash);
        REQUIRE(pr.errors.empty());
        std::string err;
        auto s = Session::create(pr.config, err);
        REQUIRE_MESSAGE(s, err);
        s->train_epochs(2);
        double e = 0;
        std::string where;
        std::size_t checked = 0, skipped = 0;
        REQUIRE(s->grad_check(e, where, checked, skipped) == "");
        CAPTURE(hash);
        CAPTURE(where);
        CHECK(checked > skipped);
        CHECK(e < 2e-3); // float32 backprop against float64 differences
    }
}

TEST_CASE("param_name names batch-norm parameters after every weight and bias") {
    NetSpec spec;
    spec.n_inputs = 2;
    spec.sizes = {3, 1};
    spec.activations = {Activation::Tanh, Activation::Tanh};
    spec.batch_norm = true;
    // W0 6, b0 3, W1 3, b1 1 = 13, then gamma0 3, beta0 3
    CHECK(param_name(spec, 12) == "b[1][0]");
    CHECK(param_name(spec, 13) == "gamma[0][0]");
    CHECK(param_name(spec, 17) == "beta[0][1]");
    CHECK(param_name(spec, 19) == "?");
}
