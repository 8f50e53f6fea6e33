// embind.cpp: the WebAssembly API, and the only file that includes <emscripten/bind.h>.
// Coarse by design (design principle 6): one call trains n epochs or n batches, one call fills
// every neuron's grid; bulk data crosses as Float32Array views over wasm memory (zero copy; a view
// is valid until the next call that may grow memory: take it again after every call). Errors never
// abort: every call that can fail returns an error string or a {ok, error} object, and a Playground
// with no loaded session answers every call with "no network is loaded". JS owns each Playground
// and must call .delete() on it (web/engine.js does, in dispose()).
#include "config/config_codec.h"
#include "data/csv.h"
#include "data/features.h"
#include "session/session.h"
#include <cmath>
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <memory>

using namespace emscripten;
using namespace bp;

namespace {

val issues_to_js(const std::vector<ConfigIssue>& v) {
    val a = val::array();
    for (std::size_t k = 0; k < v.size(); ++k) {
        val o = val::object();
        o.set("key", v[k].key);
        o.set("value", v[k].value);
        o.set("message", v[k].message);
        a.set(k, o);
    }
    return a;
}

val strings_to_js(const std::vector<std::string>& v) {
    val a = val::array();
    for (std::size_t k = 0; k < v.size(); ++k) a.set(k, v[k]);
    return a;
}

// The typed UI state: the config with the hash's key names, enums as their names.
val config_to_js(const Config& c) {
    val o = val::object();
    o.set("activation", std::string(name_of(c.activation)));
    o.set("regularization", std::string(name_of(c.regularization)));
    o.set("batchSize", c.batch_size);
    o.set("dataset", std::string(name_of(c.dataset)));
    o.set("regDataset", std::string(name_of(c.reg_dataset)));
    o.set("learningRate", c.learning_rate);
    o.set("regularizationRate", c.regularization_rate);
    o.set("noise", c.noise);
    val shape = val::array();
    for (std::size_t k = 0; k < c.network_shape.size(); ++k) shape.set(k, c.network_shape[k]);
    o.set("networkShape", shape);
    o.set("seed", c.seed);
    o.set("showTestData", c.show_test_data);
    o.set("discretize", c.discretize);
    o.set("percTrainData", c.perc_train_data);
    o.set("x", c.x);
    o.set("y", c.y);
    o.set("xSquared", c.x_squared);
    o.set("ySquared", c.y_squared);
    o.set("xTimesY", c.x_times_y);
    o.set("sinX", c.sin_x);
    o.set("sinY", c.sin_y);
    o.set("problem", std::string(name_of(c.problem)));
    o.set("initZero", c.init_zero);
    o.set("hideText", c.hide_text);
    o.set("tutorial", c.tutorial);
    o.set("hidden", strings_to_js(c.hidden));
    val la = val::array();
    for (std::size_t k = 0; k < c.layer_activations.size(); ++k)
        la.set(k, std::string(name_of(c.layer_activations[k])));
    o.set("layerActivations", la);
    o.set("outputActivation",
          c.output_activation ? val(std::string(name_of(*c.output_activation))) : val::null());
    o.set("loss", std::string(name_of(c.loss)));
    o.set("optimizer", std::string(name_of(c.optimizer)));
    o.set("momentum", c.momentum);
    o.set("beta1", c.beta1);
    o.set("beta2", c.beta2);
    o.set("rho", c.rho);
    o.set("epsilon", c.epsilon);
    o.set("init", std::string(name_of(c.init)));
    o.set("leakyAlpha", c.leaky_alpha);
    o.set("numClasses", num_classes(c));
    return o;
}

// parseHash(hash) -> {config, hash (canonical), errors: [{key, value, message}], unknownKeys}
val parse_hash_js(const std::string& hash) {
    ParseResult pr = parse_hash(hash);
    std::vector<ConfigIssue> all = pr.errors, cons = check_consistency(pr.config);
    all.insert(all.end(), cons.begin(), cons.end());
    val r = val::object();
    r.set("config", config_to_js(pr.config));
    r.set("hash", to_hash(pr.config));
    r.set("errors", issues_to_js(all));
    r.set("unknownKeys", strings_to_js(pr.unknown_keys));
    return r;
}

val result(const std::string& error) {
    val r = val::object();
    r.set("ok", error.empty());
    r.set("error", error);
    return r;
}

const char* kNoSession = "no network is loaded: call load() with a config first";

// A copy (not a view) for small per-call results that JS keeps.
val f32_copy(const std::vector<float>& v) {
    return val(typed_memory_view(v.size(), v.data())).call<val>("slice");
}

class Playground {
  public:
    // Builds a session from a hash. On any error the previous session (if any) stays loaded.
    // Returns {ok, error, errors: [...key issues], unknownKeys: [...], hash}.
    val load(const std::string& hash) {
        ParseResult pr = parse_hash(hash);
        std::string err;
        std::unique_ptr<Session> s = Session::create(pr.config, err);
        val r = result(err);
        r.set("errors", issues_to_js(pr.errors));
        r.set("unknownKeys", strings_to_js(pr.unknown_keys));
        if (s) {
            s_ = std::move(s);
            r.set("hash", to_hash(s_->config()));
        }
        return r;
    }
    bool loaded() const { return (bool)s_; }
    std::string hash() const { return s_ ? to_hash(s_->config()) : std::string(); }
    val config() const { return s_ ? config_to_js(s_->config()) : val::null(); }

    // Trains n epochs (n in 0..100000). Returns {ok, error, epoch, updates}.
    val train_epochs(int n) {
        if (!s_) return result(kNoSession);
        if (n < 0 || n > 100000) return result("epochs must be in 0..100000");
        s_->train_epochs(n);
        return progress();
    }
    // Trains n batches (each up to the next weight update or the end of the epoch).
    val train_batches(int n) {
        if (!s_) return result(kNoSession);
        if (n < 0 || n > 10000000) return result("batches must be in 0..10000000");
        long samples = 0;
        for (int k = 0; k < n; ++k) samples += s_->train_batch();
        val r = progress();
        r.set("samples", (double)samples);
        return r;
    }
    // {epoch, updates, position, trainLoss, testLoss, trainAccuracy, testAccuracy}
    val metrics() {
        if (!s_) return val::null();
        const Metrics& m = s_->metrics();
        val r = progress();
        r.set("trainLoss", m.train_loss);
        r.set("testLoss", m.test_loss);
        r.set("trainAccuracy", m.train_accuracy);
        r.set("testAccuracy", m.test_accuracy);
        r.set("diverged", s_->diverged());
        return r;
    }

    // One sample through the net (test set or training set, by index): every z, a, delta = dL/dz,
    // dL/dparam, the regularization term and one optimizer update with that gradient alone.
    val trace(bool test, int index) {
        if (!s_) return result(kNoSession);
        SampleTrace t;
        std::string err = s_->trace(test, index, t);
        if (!err.empty()) return result(err);
        return trace_to_js(t);
    }
    val trace_point(double x1, double x2, double label) {
        if (!s_) return result(kNoSession);
        SampleTrace t;
        std::string err = s_->trace_point((float)x1, (float)x2, (float)label, t);
        if (!err.empty()) return result(err);
        return trace_to_js(t);
    }
    // {ok, error, maxRelError, where, checked, skipped}: float backprop vs float64 differences.
    val grad_check() {
        if (!s_) return result(kNoSession);
        double e = 0;
        std::string where;
        std::size_t checked = 0, skipped = 0;
        std::string err = s_->grad_check(e, where, checked, skipped);
        val r = result(err);
        r.set("maxRelError", e);
        r.set("where", where);
        r.set("checked", (double)checked);
        r.set("skipped", (double)skipped);
        return r;
    }
    // [{gradNorm, inactive}] per layer
    val health() {
        val a = val::array();
        if (!s_) return a;
        std::vector<LayerHealth> h = s_->health();
        for (std::size_t l = 0; l < h.size(); ++l) {
            val o = val::object();
            o.set("gradNorm", h[l].grad_norm);
            o.set("inactive", h[l].inactive_fraction);
            a.set(l, o);
        }
        return a;
    }

    int grid_rows() const { return s_ ? (int)s_->grid_rows() : 0; }
    // Every feature and neuron on an N x N grid: a Float32Array view of gridRows() * N * N floats,
    // or a string error.
    val eval_grid(int N) {
        if (!s_) return val(std::string(kNoSession));
        if (N < 2 || N > kMaxGridSide) return val(std::string("grid size must be in 2..512"));
        const std::size_t n = s_->grid_rows() * (std::size_t)N * N;
        if (n > kMaxGridFloats) return val(std::string("grid too large for this network"));
        if (grid_.size() != n) grid_.assign(n, 0.0f);
        std::string err = s_->eval_grid(N, grid_.data());
        if (!err.empty()) return val(err);
        return val(typed_memory_view(n, grid_.data()));
    }

    // Views of the parameter buffer (layout in layers()) and of the data points [x1, x2, label]*n.
    val params() {
        if (!s_) return val::null();
        auto& p = s_->network().params;
        return val(typed_memory_view(p.size(), p.data()));
    }
    val points(bool test) {
        if (!s_) return val::null();
        const auto& pts = test ? s_->data().test : s_->data().train;
        static_assert(sizeof(Point) == 3 * sizeof(float), "Point is three packed floats");
        return val(typed_memory_view(pts.size() * 3, (const float*)pts.data()));
    }
    // [{nIn, nOut, wOff, bOff, activation}] ; features: [{key, label}]
    val layers() const {
        val a = val::array();
        if (!s_) return a;
        const auto& ls = s_->network().layers();
        for (std::size_t l = 0; l < ls.size(); ++l) {
            val o = val::object();
            o.set("nIn", ls[l].n_in);
            o.set("nOut", ls[l].n_out);
            o.set("wOff", (double)ls[l].w_off);
            o.set("bOff", (double)ls[l].b_off);
            o.set("activation", ls[l].act);
            a.set(l, o);
        }
        return a;
    }
    val features() const {
        val a = val::array();
        if (!s_) return a;
        const auto& fs = s_->features();
        for (std::size_t k = 0; k < fs.size(); ++k) {
            val o = val::object();
            o.set("key", std::string(feature_key(fs[k])));
            o.set("label", std::string(feature_label(fs[k])));
            a.set(k, o);
        }
        return a;
    }

    std::string set_weight(int layer, int to, int from, double v) {
        return s_ ? s_->set_weight(layer, to, from, v) : kNoSession;
    }
    std::string set_bias(int layer, int neuron, double v) {
        return s_ ? s_->set_bias(layer, neuron, v) : kNoSession;
    }
    std::string set_learning_rate(double lr) {
        if (!s_) return kNoSession;
        if (!(lr > 0 && lr <= 100)) return "learning rate must be in (0, 100]";
        s_->set_learning_rate(lr);
        return "";
    }
    std::string reset() {
        if (!s_) return kNoSession;
        s_->reset();
        return "";
    }
    std::string regenerate(const std::string& seed) {
        if (!s_) return kNoSession;
        if (seed.size() > 64) return "seed is longer than 64 characters";
        s_->regenerate(seed);
        return "";
    }
    // User data from CSV text: columns (0-based) for x1, x2 and the label.
    val load_csv(const std::string& text, int cx1, int cx2, int clabel) {
        if (!s_) return result(kNoSession);
        CsvParseResult r = parse_csv_points(text, cx1, cx2, clabel);
        if (!r.ok) return result(r.error);
        return result(s_->set_points(r.points));
    }

  private:
    static val trace_to_js(const SampleTrace& t) {
        val r = result("");
        r.set("input", f32_copy(t.input));
        r.set("target", f32_copy(t.target));
        r.set("z", f32_copy(t.z));
        r.set("a", f32_copy(t.a));
        r.set("delta", f32_copy(t.delta));
        r.set("loss", t.loss);
        r.set("grad", f32_copy(t.grad));
        r.set("regTerm", f32_copy(t.reg_term));
        r.set("paramsBefore", f32_copy(t.params_before));
        r.set("paramsAfter", f32_copy(t.params_after));
        r.set("mBefore", f32_copy(t.m_before));
        r.set("vBefore", f32_copy(t.v_before));
        r.set("mAfter", f32_copy(t.m_after));
        r.set("vAfter", f32_copy(t.v_after));
        r.set("tAfter", (double)t.t_after);
        r.set("biasCorrection1", t.bias_correction1);
        r.set("biasCorrection2", t.bias_correction2);
        return r;
    }
    val progress() {
        val r = result("");
        r.set("epoch", (double)s_->epoch());
        r.set("updates", (double)s_->updates());
        r.set("position", s_->position());
        return r;
    }
    std::unique_ptr<Session> s_;
    std::vector<float> grid_;
};

} // namespace

EMSCRIPTEN_BINDINGS(backprop_playground) {
    enum_<Activation>("Activation")
        .value("ReLU", Activation::ReLU)
        .value("Tanh", Activation::Tanh)
        .value("Sigmoid", Activation::Sigmoid)
        .value("Linear", Activation::Linear)
        .value("LeakyReLU", Activation::LeakyReLU)
        .value("Softmax", Activation::Softmax);
    function("parseHash", &parse_hash_js);
    class_<Playground>("Playground")
        .constructor<>()
        .function("load", &Playground::load)
        .function("loaded", &Playground::loaded)
        .function("hash", &Playground::hash)
        .function("config", &Playground::config)
        .function("trainEpochs", &Playground::train_epochs)
        .function("trainBatches", &Playground::train_batches)
        .function("metrics", &Playground::metrics)
        .function("gridRows", &Playground::grid_rows)
        .function("evalGrid", &Playground::eval_grid)
        .function("params", &Playground::params)
        .function("points", &Playground::points)
        .function("layers", &Playground::layers)
        .function("features", &Playground::features)
        .function("setWeight", &Playground::set_weight)
        .function("setBias", &Playground::set_bias)
        .function("setLearningRate", &Playground::set_learning_rate)
        .function("reset", &Playground::reset)
        .function("regenerate", &Playground::regenerate)
        .function("loadCsv", &Playground::load_csv)
        .function("trace", &Playground::trace)
        .function("tracePoint", &Playground::trace_point)
        .function("gradCheck", &Playground::grad_check)
        .function("health", &Playground::health);
}
