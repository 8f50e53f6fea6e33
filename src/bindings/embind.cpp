// embind.cpp: the WebAssembly API, and the only file that includes <emscripten/bind.h>.
// Coarse by design (docs/ARCHITECTURE.md, engine rules): one call trains n epochs or n batches, one
// call fills every neuron's grid; bulk data crosses as Float32Array views over wasm memory (zero
// copy; a view is valid until the next call that may grow memory: take it again after every call).
// Errors never abort: every call that can fail returns an {ok, error, ...} object (one convention;
// web/engine.js turns a refusal into a thrown Error), and a Playground with no loaded session
// answers every call with "no network is loaded". JS owns each
// Playground and must call .delete() on it (web/engine.js does, in dispose()).
#include "config/config_codec.h"
#include "config/config_schema.h"
#include "data/csv.h"
#include "data/features.h"
#include "engine/activation.h"
#include "engine/optimizer.h"
#include "js_values.h"
#include "model_api.h"
#include "session/model_io.h"
#include "session/session.h"
#include <cmath>
#include <cstdio>
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <memory>

using namespace emscripten;
using namespace bp;

namespace {

val result(const std::string& error) {
    val r = val::object();
    r.set("ok", error.empty());
    r.set("error", error);
    return r;
}

const char* kNoSession = "no network is loaded: call load() with a config first";

// Argument validation. Counts and indices cross as double, not int: Embind's int conversion
// (no ASSERTIONS build) wraps and coerces silently (2**32 -> 0, "a" -> 0, 1e10 -> 1410065408),
// while a double keeps what JS passed (a non-number arrives as NaN) so it can be refused.
bool int_arg(double v, int lo, int hi, int& out) {
    if (!(v >= lo && v <= hi) || v != std::floor(v)) return false; // NaN fails the first test
    out = (int)v;
    return true;
}
constexpr int kIdx = 1 << 30; // indices pass through in +-kIdx; the session checks them exactly
std::string bad_int(const char* what, double v, int lo, int hi) {
    char got[40] = "NaN or not a number";
    if (!std::isnan(v)) std::snprintf(got, sizeof got, "%.17g", v);
    return std::string(what) + " must be an integer in " + std::to_string(lo) + ".." +
           std::to_string(hi) + " (got " + got + ")";
}
// A weight, bias or traced coordinate must fit a float: (float)1e308 is Infinity in wasm
// (and undefined behaviour in C++), which would put a non-finite value into the network.
bool float_arg(double v) {
    return std::fabs(v) <= 3.4028234663852886e38; // FLT_MAX; false for NaN and +-Infinity
}

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
        return loaded_result(pr, std::move(s), err);
    }
    // load() for a page's first load: a refused link builds the nearest session it allows
    // (Session::create_nearest) and the result adds dropped: [{key, value, message}].
    val load_nearest(const std::string& hash) {
        ParseResult pr;
        std::vector<ConfigIssue> dropped;
        std::string err;
        std::unique_ptr<Session> s = Session::create_nearest(hash, pr, dropped, err);
        val r = loaded_result(pr, std::move(s), err);
        r.set("dropped", issues_to_js(dropped));
        return r;
    }
    // The shared tail of load and load_nearest: installs s (if built) and reports.
    val loaded_result(const ParseResult& pr, std::unique_ptr<Session> s, const std::string& err) {
        val r = result(err);
        r.set("errors", issues_to_js(pr.errors));
        r.set("unknownKeys", strings_to_js(pr.unknown_keys));
        if (s) {
            // A custom dataset too big for the hash keeps the user's points across a reload
            // (networkShape, features...): the hash alone cannot bring them back.
            if (s_ && active_dataset(s->config()) == DatasetKind::Custom &&
                s->config().points.empty() && !s_->custom_points().empty()) {
                std::string carry = s->set_points(s_->custom_points());
                if (!carry.empty()) r.set("pointsError", "your points were not kept: " + carry);
            }
            s_ = std::move(s);
            r.set("hash", to_hash(s_->config()));
            r.set("pointsInHash", s_->points_in_hash());
        }
        return r;
    }
    bool loaded() const { return (bool)s_; }
    std::string hash() const { return s_ ? to_hash(s_->config()) : std::string(); }
    val config() const { return s_ ? config_to_js(s_->config()) : val::null(); }

    // Trains n epochs (n in 0..100000). Returns {ok, error, epoch, updates}.
    val train_epochs(double epochs) {
        if (!s_) return result(kNoSession);
        int n = 0;
        if (!int_arg(epochs, 0, 100000, n)) return result(bad_int("epochs", epochs, 0, 100000));
        s_->train_epochs(n);
        return progress();
    }
    // Trains n batches (each up to the next weight update or the end of the epoch).
    val train_batches(double batches) {
        if (!s_) return result(kNoSession);
        int n = 0;
        if (!int_arg(batches, 0, 10000000, n))
            return result(bad_int("batches", batches, 0, 10000000));
        long samples = 0;
        for (int k = 0; k < n; ++k) samples += s_->train_batch();
        val r = progress();
        r.set("samples", (double)samples);
        return r;
    }
    static val counts(const std::vector<long>& v) {
        val a = val::array();
        for (std::size_t i = 0; i < v.size(); ++i) a.set(i, (double)v[i]);
        return a;
    }
    // {epoch, updates, position, trainLoss, testLoss, trainAccuracy, testAccuracy, diverged,
    //  confusion: {k, train, test} (K x K counts, row = true class; absent for regression)}
    val metrics() {
        if (!s_) return val::null();
        return metrics_val(s_->metrics(), s_->network());
    }
    // The loss pass in slices (Session::metrics_slices_*): metricsSliceBegin() copies the
    // weights; metricsSlice(n) evaluates about n more points and returns null until the pass is
    // done, then metrics() of the copy, with lossEpoch / lossUpdates naming the copy's moment.
    void metricsSliceBegin() {
        if (s_) s_->metrics_slices_begin();
    }
    val metricsSlice(double max_points) {
        if (!s_ || !(max_points >= 1)) return val::null();
        Metrics m;
        const int n = max_points > 1e9 ? 1000000000 : (int)max_points;
        if (!s_->metrics_slices_step(n, m)) return val::null();
        val r = metrics_val(m, *s_->metrics_slices_network());
        r.set("lossEpoch", (double)s_->metrics_slices_epoch());
        r.set("lossUpdates", (double)s_->metrics_slices_updates());
        return r;
    }

    // One sample through the net (test set or training set, by index): every z, a, delta = dL/dz,
    // dL/dparam, the regularization term and one optimizer update with that gradient alone.
    val trace(bool test, double point) {
        if (!s_) return result(kNoSession);
        int index = 0;
        if (!int_arg(point, -kIdx, kIdx, index))
            return result(bad_int("point", point, -kIdx, kIdx));
        SampleTrace t;
        std::string err = s_->trace(test, index, t);
        if (!err.empty()) return result(err);
        return with_dadz(trace_to_js(t), t);
    }
    val trace_point(double x1, double x2, double label) {
        if (!s_) return result(kNoSession);
        if (!float_arg(x1) || !float_arg(x2) || !float_arg(label))
            return result("a traced point needs finite coordinates and label within float range");
        SampleTrace t;
        std::string err = s_->trace_point((float)x1, (float)x2, (float)label, t);
        if (!err.empty()) return result(err);
        return with_dadz(trace_to_js(t), t);
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
    // [{gradNorm, inactive, stuck}] per layer (stuck: LayerHealth::stuck_fraction)
    val health() {
        val a = val::array();
        if (!s_) return a;
        std::vector<LayerHealth> h = s_->health();
        for (std::size_t l = 0; l < h.size(); ++l) {
            val o = val::object();
            o.set("gradNorm", h[l].grad_norm);
            o.set("inactive", h[l].inactive_fraction);
            o.set("stuck", h[l].stuck_fraction);
            a.set(l, o);
        }
        return a;
    }

    int grid_rows() const { return s_ ? (int)s_->grid_rows() : 0; }
    // Every feature and neuron on an N x N grid: {ok, error, grid}, grid a Float32Array view of
    // gridRows() * N * N floats.
    val eval_grid(double side) { return eval_grid_rows(side, 0, side); }
    // Rows [r0, r1) of every image only, into the same buffer (the other rows keep what the last
    // calls left there; zeros after a change of N or of the network's size).
    val eval_grid_rows(double side, double r0, double r1) {
        if (!s_) return result(kNoSession);
        int N = 0, a = 0, b = 0;
        if (!int_arg(side, 2, kMaxGridSide, N))
            return result("grid size must be in 2.." + std::to_string(kMaxGridSide));
        if (!int_arg(r0, 0, N, a) || !int_arg(r1, a, N, b))
            return result("grid rows must satisfy 0 <= r0 <= r1 <= " + std::to_string(N));
        const std::size_t n = s_->grid_rows() * (std::size_t)N * N;
        if (n > kMaxGridFloats) return result("grid too large for this network");
        if (grid_.size() != n) grid_.assign(n, 0.0f);
        const std::string err = s_->eval_grid_rows(N, a, b, grid_.data());
        val r = result(err);
        if (err.empty()) r.set("grid", val(typed_memory_view(n, grid_.data())));
        return r;
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
            o.set("batchNorm", ls[l].bn); // gamma, beta at gammaOff, betaOff (after all W, b)
            o.set("gammaOff", (double)ls[l].g_off);
            o.set("betaOff", (double)ls[l].beta_off);
            o.set("residual", ls[l].skip); // a += previous layer's a
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

    val set_weight(double layer, double to, double from, double v) {
        if (!s_) return result(kNoSession);
        int l = 0, t = 0, f = 0;
        if (!int_arg(layer, -kIdx, kIdx, l) || !int_arg(to, -kIdx, kIdx, t) ||
            !int_arg(from, -kIdx, kIdx, f))
            return result("weight indices must be integers (layer, to, from)");
        if (!float_arg(v))
            return result("a weight must be a finite number within float range (3.4e38)");
        return result(s_->set_weight(l, t, f, v)); // range of l, t, f checked there, with the sizes
    }
    val set_bias(double layer, double neuron, double v) {
        if (!s_) return result(kNoSession);
        int l = 0, j = 0;
        if (!int_arg(layer, -kIdx, kIdx, l) || !int_arg(neuron, -kIdx, kIdx, j))
            return result("bias indices must be integers (layer, neuron)");
        if (!float_arg(v))
            return result("a bias must be a finite number within float range (3.4e38)");
        return result(s_->set_bias(l, j, v));
    }
    val reset() {
        if (!s_) return result(kNoSession);
        s_->reset();
        return result("");
    }
    val regenerate(const std::string& seed) {
        if (!s_) return result(kNoSession);
        if (seed.size() > 64) return result("seed is longer than 64 characters");
        s_->regenerate(seed);
        return result("");
    }
    // Replaces the data with the user's points: a flat array x1, x2, label, ... (at most
    // kCsvMaxRows points). {ok, error, hash, pointsInHash}; on error the old data stays.
    val set_points(val flat) {
        if (!s_) return result(kNoSession);
        if (!flat.instanceof (val::global("Array")) && !flat["BYTES_PER_ELEMENT"].as<bool>())
            return result("setPoints takes an array of numbers x1, x2, label, ...");
        const double len = flat["length"].as<double>();
        if (!(len >= 0 && len <= 3.0 * kCsvMaxRows) || std::fmod(len, 3) != 0)
            return result("setPoints takes x1, x2, label triples (at most " +
                          std::to_string(kCsvMaxRows) + " points); got " +
                          std::to_string((long long)len) + " numbers");
        std::vector<double> v = vecFromJSArray<double>(flat);
        std::vector<Point> pts(v.size() / 3);
        for (std::size_t k = 0; k < pts.size(); ++k)
            pts[k] = {(float)v[3 * k], (float)v[3 * k + 1], (float)v[3 * k + 2]};
        return points_result(s_->set_points(pts));
    }
    val points_result(const std::string& err) {
        val r = result(err);
        if (err.empty()) {
            r.set("hash", to_hash(s_->config()));
            r.set("pointsInHash", s_->points_in_hash());
        }
        return r;
    }
    // The user's points in the order given (x1, x2, label flat); empty for a generated dataset.
    val custom_points() const {
        if (!s_) return val::null();
        const auto& pts = s_->custom_points();
        return val(typed_memory_view(pts.size() * 3, (const float*)pts.data()));
    }
    // The live keys (config_schema.h) from a hash: {ok, error, hash}; weights, data and epoch
    // stay.
    val set_training(const std::string& hash) {
        if (!s_) return result(kNoSession);
        ParseResult pr = parse_hash(hash);
        if (!pr.errors.empty()) return result(pr.errors.front().message);
        val r = result(s_->set_training(pr.config));
        r.set("hash", to_hash(s_->config()));
        return r;
    }
    // The header and first rows of a CSV text, for the import dialog's column picker:
    // {ok, error, hasHeader, columns, rows, numeric}.
    static val csv_preview_js(const std::string& text, double max_rows) {
        int n = 0;
        if (!int_arg(max_rows, 0, 1000, n))
            return result("preview rows must be an integer 0..1000");
        CsvTable t = csv_preview(text, (std::size_t)n);
        val r = result(t.ok ? "" : t.error);
        r.set("hasHeader", t.has_header);
        r.set("columns", strings_to_js(t.columns));
        val rows = val::array();
        for (std::size_t i = 0; i < t.rows.size(); ++i) rows.set(i, strings_to_js(t.rows[i]));
        r.set("rows", rows);
        val numeric = val::array();
        for (std::size_t i = 0; i < t.numeric.size(); ++i) numeric.set(i, (bool)t.numeric[i]);
        r.set("numeric", numeric);
        return r;
    }
    // User data from CSV text: columns (0-based) for x1, x2 and the label.
    val load_csv(const std::string& text, double x1, double x2, double label) {
        if (!s_) return result(kNoSession);
        int cx1 = 0, cx2 = 0, clabel = 0;
        if (!int_arg(x1, -kIdx, kIdx, cx1) || !int_arg(x2, -kIdx, kIdx, cx2) ||
            !int_arg(label, -kIdx, kIdx, clabel))
            return result("CSV column indices must be integers from 0");
        CsvParseResult r = parse_csv_points(text, cx1, cx2, clabel);
        if (!r.ok) return result(r.error);
        return points_result(s_->set_points(r.points));
    }

    // --- model export / import (session/model_io.h, session/export_code.h) ---
    // The model as JSON (config hash + weights + batch-norm statistics); "" without a session.
    std::string model_json() const { return s_ ? model_to_json(*s_) : std::string(); }
    // Replaces the session with a saved model: {ok, error, hash}. On error the old one stays.
    val load_model_json(const std::string& text) {
        std::string err;
        std::unique_ptr<Session> s = model_from_json(text, err);
        val r = result(err);
        if (s) {
            s_ = std::move(s);
            r.set("hash", to_hash(s_->config()));
        }
        return r;
    }
    // format "json" | "pytorch" | "keras": {ok, error, text, points: [[x1, x2]...],
    // predictions: [[out...]...]} (the engine's outputs at the points the script prints, so the
    // page can show them side by side with what the script will print).
    val export_code(const std::string& format) {
        return s_ ? export_code_js(*s_, format) : result(kNoSession);
    }

  private:
    val metrics_val(const Metrics& m, const Network<float>& net) {
        val r = progress();
        r.set("trainLoss", m.train_loss);
        r.set("testLoss", m.test_loss);
        r.set("trainAccuracy", m.train_accuracy);
        r.set("testAccuracy", m.test_accuracy);
        r.set("diverged", s_->diverged());
        if (!m.test_confusion.empty()) {
            val conf = val::object();
            conf.set("k", s_->model().num_classes);
            conf.set("train", counts(m.train_confusion));
            conf.set("test", counts(m.test_confusion));
            r.set("confusion", conf);
        }
        // rate * sum R(w): the regularization part of the objective, for the page's hints
        const Config& c = s_->config();
        double pen = 0;
        for (std::size_t k = 0; k < net.params.size(); ++k)
            if (net.is_weight[k]) pen += reg_penalty(c.regularization, (double)net.params[k]);
        r.set("regLoss", c.regularization_rate * pen);
        return r;
    }

    // f'(u) per neuron (the engine's derivative, from the activation's own output h: a differs from
    // h where a residual skip adds the previous layer), for the chain-rule panel;
    // softmax outputs have no single f'(z) (their delta comes fused with the loss): NaN there.
    val with_dadz(val r, const SampleTrace& t) const {
        std::vector<float> d;
        const float alpha = (float)s_->config().leaky_alpha;
        std::size_t row = 0;
        for (const LayerInfo& L : s_->network().layers())
            for (int j = 0; j < L.n_out; ++j, ++row)
                d.push_back(L.act == Activation::Softmax ? NAN : act_deriv(L.act, t.h[row], alpha));
        r.set("dadz", f32_copy(d));
        return r;
    }
    static val trace_to_js(const SampleTrace& t) {
        val r = result("");
        r.set("input", f32_copy(t.input));
        r.set("target", f32_copy(t.target));
        r.set("z", f32_copy(t.z));
        r.set("a", f32_copy(t.a));
        r.set("delta", f32_copy(t.delta));
        r.set("u", f32_copy(t.u)); // activation input: BN(z) with batch norm, else z
        r.set("h", f32_copy(t.h)); // activation output f(u); a = h + skip where residual
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
    function("catalog", &catalog_js);
    function("csvPreview", &Playground::csv_preview_js);
    class_<Playground>("Playground")
        .constructor<>()
        .function("load", &Playground::load)
        .function("loadNearest", &Playground::load_nearest)
        .function("loaded", &Playground::loaded)
        .function("hash", &Playground::hash)
        .function("config", &Playground::config)
        .function("trainEpochs", &Playground::train_epochs)
        .function("trainBatches", &Playground::train_batches)
        .function("metrics", &Playground::metrics)
        .function("gridRows", &Playground::grid_rows)
        .function("evalGrid", &Playground::eval_grid)
        .function("evalGridRows", &Playground::eval_grid_rows)
        .function("metricsSliceBegin", &Playground::metricsSliceBegin)
        .function("metricsSlice", &Playground::metricsSlice)
        .function("params", &Playground::params)
        .function("points", &Playground::points)
        .function("layers", &Playground::layers)
        .function("features", &Playground::features)
        .function("setWeight", &Playground::set_weight)
        .function("setBias", &Playground::set_bias)
        .function("reset", &Playground::reset)
        .function("regenerate", &Playground::regenerate)
        .function("loadCsv", &Playground::load_csv)
        .function("setPoints", &Playground::set_points)
        .function("customPoints", &Playground::custom_points)
        .function("setTraining", &Playground::set_training)
        .function("trace", &Playground::trace)
        .function("tracePoint", &Playground::trace_point)
        .function("gradCheck", &Playground::grad_check)
        .function("health", &Playground::health)
        .function("modelJson", &Playground::model_json)
        .function("loadModelJson", &Playground::load_model_json)
        .function("exportCode", &Playground::export_code);
}
