// test_arch.cpp: what the architecture options mean (engine/network.h), checked by hand-computed
// values: inverted dropout (training only, seeded, masks of 0 and 1/(1-p)), batch norm (batch
// statistics in training, running statistics at evaluation, the running update), residual skips
// (which layers get one, what they add); their hash keys; and the session's use of them
// (reproducible, evaluation-mode metrics/trace/health that leave training untouched).
#include "config/config_codec.h"
#include "engine/rng.h"
#include "session/session.h"
#include "session_from_hash.h"
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>

using namespace bp;

namespace {

using bp_test::make;

NetSpec spec_of(std::vector<int> sizes, Activation act) {
    NetSpec s;
    s.n_inputs = 2;
    s.sizes = sizes;
    s.activations.assign(sizes.size(), act);
    return s;
}

// x [2][8] with 8 samples, deterministic values
std::vector<double> inputs8() {
    std::vector<double> x(16);
    for (int k = 0; k < 16; ++k) x[k] = std::sin(1.7 * k + 0.3) * 2;
    return x;
}

void fill_params(Network<double>& net, uint64_t seed) {
    Rng r(seed); // every weight and bias (batch-norm parameters keep gamma 1, beta 0)
    const LayerInfo& out = net.layers().back();
    for (std::size_t k = 0; k < out.b_off + out.n_out; ++k) net.params[k] = r.uniform(-1, 1);
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * 4) == 0);
}

} // namespace

TEST_CASE("dropout: masks of 0 and 1/(1-p) in training, seeded; off at evaluation") {
    NetSpec spec = spec_of({6, 6, 1}, Activation::Tanh);
    spec.dropout = 0.25;
    Network<double> net(spec), plain(spec_of({6, 6, 1}, Activation::Tanh));
    fill_params(net, 3);
    std::copy(net.params.begin(), net.params.end(), plain.params.begin());
    net.reserve(8);
    plain.reserve(8);
    auto x = inputs8();
    Rng r1(42);
    net.draw_dropout(r1, 8);
    net.forward(x.data(), 8, 8, Pass::Train);
    plain.forward(x.data(), 8, 8, Pass::Train);
    const int cap = net.capacity();
    int kept = 0, dropped = 0;
    for (int j = 0; j < 6; ++j)
        for (int s = 0; s < 8; ++s) {
            const double h = net.act_out(0)[j * cap + s], a = net.a(0)[j * cap + s];
            CHECK(h == plain.a(0)[j * cap + s]); // layer 0 sees the same input
            if (a == 0 && h != 0) {
                ++dropped;
            } else {
                CHECK(a == h * (1.0 / 0.75)); // inverted dropout: kept units scaled up
                ++kept;
            }
        }
    CHECK(kept + dropped == 48);
    CHECK(dropped > 4); // p = 0.25 of 48
    CHECK(dropped < 20);
    // The mask comes from the stream: the same seed gives the same mask, another seed another.
    std::vector<double> a1(net.a(1), net.a(1) + 6 * cap);
    Rng r2(42), r3(43);
    net.draw_dropout(r2, 8);
    net.forward(x.data(), 8, 8, Pass::Train);
    CHECK(std::vector<double>(net.a(1), net.a(1) + 6 * cap) == a1);
    net.draw_dropout(r3, 8);
    net.forward(x.data(), 8, 8, Pass::Train);
    CHECK(std::vector<double>(net.a(1), net.a(1) + 6 * cap) != a1);
    // Evaluation: no mask at all, whatever was drawn: the plain network's outputs exactly.
    net.forward(x.data(), 8, 8, Pass::Eval);
    plain.forward(x.data(), 8, 8, Pass::Eval);
    for (int s = 0; s < 8; ++s) CHECK(net.a(2)[s] == plain.a(2)[s]);
    std::vector<double> grid(13 * 8);
    net.forward_into(x.data(), 8, 8, grid.data(), 8);
    for (int s = 0; s < 8; ++s) CHECK(grid[12 * 8 + s] == plain.a(2)[s]);
}

TEST_CASE("batch norm: batch statistics in training, running statistics at evaluation") {
    NetSpec spec = spec_of({3, 1}, Activation::Linear);
    spec.batch_norm = true;
    Network<double> net(spec);
    fill_params(net, 9);
    const LayerInfo& L = net.layers()[0];
    REQUIRE(L.bn);
    CHECK(L.g_off == 13); // after every weight and bias: W0 6, b0 3, W1 3, b1 1
    CHECK(L.beta_off == 16);
    CHECK(net.params.size() == 19);
    CHECK(net.params[L.g_off] == 1.0); // initial gamma 1, beta 0
    CHECK(net.params[L.beta_off] == 0.0);
    CHECK(!net.is_weight[L.g_off]); // not regularized
    net.params[L.g_off + 1] = 2.0;  // gamma_1
    net.params[L.beta_off + 1] = 0.5;
    net.reserve(8);
    auto x = inputs8();
    net.forward(x.data(), 8, 8, Pass::Train);
    const int cap = net.capacity();
    for (int j = 0; j < 3; ++j) {
        double m = 0, v = 0;
        for (int s = 0; s < 8; ++s) m += net.z(0)[j * cap + s] / 8;
        for (int s = 0; s < 8; ++s) v += std::pow(net.z(0)[j * cap + s] - m, 2) / 8;
        const double g = j == 1 ? 2.0 : 1.0, be = j == 1 ? 0.5 : 0.0;
        double um = 0, uv = 0;
        for (int s = 0; s < 8; ++s) {
            const double u = net.pre_act(0)[j * cap + s];
            CHECK(u == doctest::Approx(g * (net.z(0)[j * cap + s] - m) / std::sqrt(v + 1e-5) + be)
                           .epsilon(1e-12));
            um += u / 8;
        }
        for (int s = 0; s < 8; ++s) uv += std::pow(net.pre_act(0)[j * cap + s] - um, 2) / 8;
        CHECK(um == doctest::Approx(be).epsilon(1e-12)); // normalised over the batch
        CHECK(uv == doctest::Approx(g * g * v / (v + 1e-5)).epsilon(1e-10));
        // running statistics moved once from (0, 1): 0.9 old + 0.1 batch
        CHECK(net.bn_mean[j] == doctest::Approx(0.1 * m).epsilon(1e-12));
        CHECK(net.bn_var[j] == doctest::Approx(0.9 + 0.1 * v).epsilon(1e-12));
    }
    // Evaluation uses the running statistics: set them far from the batch's and compare.
    const double rm[3] = {3.0, -1.0, 0.25}, rv[3] = {4.0, 0.5, 9.0};
    for (int j = 0; j < 3; ++j) {
        net.bn_mean[j] = rm[j];
        net.bn_var[j] = rv[j];
    }
    std::vector<double> train_out(net.a(1), net.a(1) + 8);
    net.forward(x.data(), 8, 8, Pass::Eval);
    double out_diff = 0;
    for (int s = 0; s < 8; ++s) {
        double o = net.params[12]; // b1
        for (int j = 0; j < 3; ++j) {
            const double g = j == 1 ? 2.0 : 1.0, be = j == 1 ? 0.5 : 0.0;
            const double u = g * (net.z(0)[j * cap + s] - rm[j]) / std::sqrt(rv[j] + 1e-5) + be;
            CHECK(net.pre_act(0)[j * cap + s] == doctest::Approx(u).epsilon(1e-12));
            o += net.params[9 + j] * u;
        }
        CHECK(net.a(1)[s] == doctest::Approx(o).epsilon(1e-12));
        out_diff = std::max(out_diff, std::fabs(net.a(1)[s] - train_out[s]));
    }
    CHECK(out_diff > 0.1);          // the two modes really differ here
    CHECK(net.bn_mean[0] == rm[0]); // evaluation never moves the running statistics
    // The grid is the evaluation pass, bit for bit.
    std::vector<double> grid(4 * 8);
    net.forward_into(x.data(), 8, 8, grid.data(), 8);
    for (int s = 0; s < 8; ++s) CHECK(grid[3 * 8 + s] == net.a(1)[s]);
}

TEST_CASE("residual: skips between equal-width hidden layers only, adding a_{l-1}") {
    NetSpec spec = spec_of({2, 4, 4, 3, 3, 3}, Activation::Tanh);
    spec.residual = true;
    Network<double> net(spec);
    const bool expect[] = {false, false, true,
                           false, true,  false}; // 2 in, layer 0 never; output never
    for (int l = 0; l < 6; ++l) CHECK(net.layers()[l].skip == expect[l]);
    // With layer 2's weights and biases 0, tanh(0) = 0 and the skip passes a_1 through.
    fill_params(net, 5);
    const LayerInfo& L2 = net.layers()[2];
    std::fill(net.params.begin() + L2.w_off, net.params.begin() + L2.b_off + L2.n_out, 0.0);
    net.reserve(8);
    auto x = inputs8();
    net.forward(x.data(), 8, 8, Pass::Train);
    const int cap = net.capacity();
    for (int k = 0; k < 4 * cap; ++k) CHECK(net.a(2)[k] == net.a(1)[k]);
    for (int k = 0; k < 3 * cap; ++k)
        CHECK(net.a(4)[k] == doctest::Approx(std::tanh(net.z(4)[k]) + net.a(3)[k]).epsilon(1e-14));
}

TEST_CASE("architecture keys: parse, defaults not written, bad values reported") {
    ParseResult pr = parse_hash("dropout=0.35&batchNorm=true&residual=true");
    CHECK(pr.errors.empty());
    CHECK(pr.config.dropout == 0.35);
    CHECK(pr.config.batch_norm);
    CHECK(pr.config.residual);
    const std::string h = to_hash(pr.config);
    CHECK(h.find("&dropout=0.35") != std::string::npos);
    CHECK(h.find("&batchNorm=true") != std::string::npos);
    CHECK(h.find("&residual=true") != std::string::npos);
    ParseResult back = parse_hash(h);
    CHECK(back.config.dropout == 0.35);
    CHECK((back.config.batch_norm && back.config.residual));
    const std::string plain =
        to_hash(parse_hash("dropout=0&batchNorm=false&residual=false").config);
    CHECK(plain.find("dropout") == std::string::npos);
    CHECK(plain.find("batchNorm") == std::string::npos);
    CHECK(plain.find("residual") == std::string::npos);
    struct Bad {
        const char* hash;
        const char* message;
    } bad[] = {
        {"dropout=0.95", "dropout: '0.95' is out of range; allowed: a number in [0, 0.9]"},
        {"dropout=-0.1", "dropout: '-0.1' is out of range; allowed: a number in [0, 0.9]"},
        {"dropout=abc", "dropout: 'abc' is not a decimal number; allowed: a number in [0, 0.9]"},
        {"batchNorm=yes", "batchNorm: 'yes' is not a boolean; allowed: true or false"},
        {"residual=", "residual: '' is not a boolean; allowed: true or false"},
    };
    for (const Bad& b : bad) {
        ParseResult r = parse_hash(std::string(b.hash) + "&networkShape=3");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].message == b.message);
        CHECK(r.config.network_shape == std::vector<int>{3}); // the rest still loads
        CHECK((r.config.dropout == 0 && !r.config.batch_norm && !r.config.residual));
    }
    ParseResult one = parse_hash("batchNorm=true&batchSize=1");
    REQUIRE(check_consistency(one.config).size() == 1);
    CHECK(check_consistency(one.config)[0].message ==
          "batchNorm: 'true' needs batches of at least 2 samples, but batchSize is 1; allowed: "
          "batchSize >= 2 with batchNorm=true");
    CHECK(check_consistency(parse_hash("batchNorm=true&batchSize=2").config).empty());
    Config c;
    c.dropout = 0.91; // built by hand: check_consistency re-checks the range
    REQUIRE(!check_consistency(c).empty());
    CHECK(check_consistency(c)[0].key == "dropout");
}

TEST_CASE("session with dropout + batch norm + residual: reproducible, probes leave it alone") {
    const std::string hash = "networkShape=5,5,5&dropout=0.2&batchNorm=true&residual=true&"
                             "activation=relu&batchSize=8&dataset=xor&seed=arch";
    auto a = make(hash), b = make(hash);
    a->train_epochs(3);
    // b: the same training with every evaluation-mode probe in between
    b->train_epochs(1);
    SampleTrace t;
    REQUIRE(b->trace(false, 3, t) == "");
    b->health();
    (void)b->metrics();
    double e;
    std::string where;
    std::size_t checked, skipped;
    REQUIRE(b->grad_check(e, where, checked, skipped) == "");
    std::vector<float> grid(b->grid_rows() * 16);
    REQUIRE(b->eval_grid(4, grid.data()) == "");
    b->train_epochs(2);
    auto pa = std::vector<float>(a->network().params.begin(), a->network().params.end());
    auto pb = std::vector<float>(b->network().params.begin(), b->network().params.end());
    CHECK(same_bits(pa, pb));
    CHECK(same_bits(a->network().bn_mean, b->network().bn_mean));
    CHECK(same_bits(a->network().bn_var, b->network().bn_var));
    // Metrics are evaluation-mode: asking twice gives the same numbers, no mask involved.
    const double l1 = a->metrics().test_loss;
    SampleTrace t2;
    REQUIRE(a->trace(true, 0, t2) == "");
    CHECK(a->metrics().test_loss == l1);
    // reset() restarts the dropout stream: retraining gives the same weights again
    a->reset();
    a->train_epochs(3);
    auto pr = std::vector<float>(a->network().params.begin(), a->network().params.end());
    CHECK(same_bits(pr, pa));
    // the trace exposes u (BN output) and h = f(u); a = h + a_{l-1} where a skip exists
    const int row = 5 + 2; // layer 1 (skip from layer 0), neuron 2
    CHECK(t.a[row] == t.h[row] + t.a[2]);
    CHECK(t.h[row] == std::max(0.0f, t.u[row]));
}

TEST_CASE("dropout changes training (the mask is applied), batch norm changes the layout") {
    auto plain = make("networkShape=6&seed=d&batchSize=5");
    auto drop = make("networkShape=6&seed=d&batchSize=5&dropout=0.5");
    auto bn = make("networkShape=6&seed=d&batchSize=5&batchNorm=true");
    // same initial weights: the init stream does not depend on the options
    for (std::size_t k = 0; k < plain->network().params.size(); ++k) {
        CHECK(plain->network().params[k] == drop->network().params[k]);
        CHECK(plain->network().params[k] == bn->network().params[k]);
    }
    CHECK(bn->network().params.size() == plain->network().params.size() + 12);
    plain->train_epochs(1);
    drop->train_epochs(1);
    bool differ = false;
    for (std::size_t k = 0; k < plain->network().params.size(); ++k)
        differ = differ || plain->network().params[k] != drop->network().params[k];
    CHECK(differ);
    // the worked example stays the plain network whatever the hash says
    auto w = make("preset=worked-example&dropout=0.5&batchNorm=true&residual=true");
    CHECK(w->network().params.size() == 13);
    CHECK(w->config().dropout == 0);
}
