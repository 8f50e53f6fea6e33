// session_js.h: a session's answers as JS values for the wasm API (embind.cpp's Playground
// delegates to these): progress and metrics, a traced sample, gradient health and the gradient
// check, the user's points and CSV data. Uses only <emscripten/val.h>; embind.cpp remains the one
// file that includes <emscripten/bind.h>.
#pragma once
#include "data/csv.h"
#include "engine/activation.h"
#include "engine/optimizer.h"
#include "js_args.h"
#include "js_values.h"
#include "session/session.h"
#include "session/user_data.h"
#include <cmath>
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace bp {

// {ok, epoch, updates, position}: where training stands.
inline val progress_js(const Session& s) {
    val r = result("");
    r.set("epoch", (double)s.epoch());
    r.set("updates", (double)s.updates());
    r.set("position", s.position());
    return r;
}

inline val counts_js(const std::vector<long>& v) {
    val a = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) a.set(i, (double)v[i]);
    return a;
}

// {epoch, updates, position, trainLoss, testLoss, trainAccuracy, testAccuracy, diverged, regLoss,
//  confusion: {k, train, test, names?} (K x K counts, row = true class; names: the data's class
//  names, as Iris's species, when it has them; absent for regression)} of the
// network `net` (the session's, or the copy a sliced loss pass evaluated).
inline val metrics_js(const Session& s, const Metrics& m, const Network<float>& net) {
    val r = progress_js(s);
    r.set("trainLoss", m.train_loss);
    r.set("testLoss", m.test_loss);
    r.set("trainAccuracy", m.train_accuracy);
    r.set("testAccuracy", m.test_accuracy);
    r.set("diverged", s.diverged());
    if (!m.test_confusion.empty()) {
        val conf = val::object();
        conf.set("k", s.model().num_classes);
        conf.set("train", counts_js(m.train_confusion));
        conf.set("test", counts_js(m.test_confusion));
        if (!s.data().class_names.empty()) conf.set("names", strings_to_js(s.data().class_names));
        r.set("confusion", conf);
    }
    // rate * sum R(w): the regularization part of the objective, for the page's hints
    const Config& c = s.config();
    double pen = 0;
    for (std::size_t k = 0; k < net.params.size(); ++k)
        if (net.is_weight[k]) pen += reg_penalty(c.regularization, (double)net.params[k]);
    r.set("regLoss", c.regularization_rate * pen);
    return r;
}

// One traced sample: every z, a, delta, gradient, the optimizer step, and dadz: f'(u) per neuron
// (the engine's derivative, from the activation's own output h: a differs from h where a residual
// skip adds the previous layer), for the chain-rule panel; softmax outputs have no single f'(z)
// (their delta comes fused with the loss): NaN there.
inline val trace_js(const Session& s, const SampleTrace& t) {
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
    std::vector<float> d;
    const float alpha = (float)s.config().leaky_alpha;
    std::size_t row = 0;
    for (const LayerInfo& L : s.network().layers())
        for (int j = 0; j < L.n_out; ++j, ++row)
            d.push_back(L.act == Activation::Softmax ? NAN : act_deriv(L.act, t.h[row], alpha));
    r.set("dadz", f32_copy(d));
    return r;
}

// [{gradNorm, inactive, stuck}] per layer (stuck: LayerHealth::stuck_fraction)
inline val health_js(Session& s) {
    val a = val::array();
    std::vector<LayerHealth> h = s.health();
    for (std::size_t l = 0; l < h.size(); ++l) {
        val o = val::object();
        o.set("gradNorm", h[l].grad_norm);
        o.set("inactive", h[l].inactive_fraction);
        o.set("stuck", h[l].stuck_fraction);
        a.set(l, o);
    }
    return a;
}

// {ok, error, maxRelError, where, checked, skipped}: float backprop vs float64 differences.
inline val grad_check_js(Session& s) {
    double e = 0;
    std::string where;
    std::size_t checked = 0, skipped = 0;
    std::string err = s.grad_check(e, where, checked, skipped);
    val r = result(err);
    r.set("maxRelError", e);
    r.set("where", where);
    r.set("checked", (double)checked);
    r.set("skipped", (double)skipped);
    return r;
}

// {ok, error, hash, pointsInHash} after the data changed (or was refused: the old data stays).
inline val points_result_js(const Session& s, const Message& err) {
    val r = result(err);
    if (err.empty()) {
        r.set("hash", to_hash(s.config()));
        r.set("pointsInHash", s.points_in_hash());
    }
    return r;
}

// The user's points from a flat array x1, x2, label, ... (at most kCsvMaxRows points).
inline val set_points_js(Session& s, val flat) {
    if (!flat.instanceof (val::global("Array")) && !flat["BYTES_PER_ELEMENT"].as<bool>())
        return result("setPoints takes an array of numbers x1, x2, label, ...");
    const double len = flat["length"].as<double>();
    if (!(len >= 0 && len <= 3.0 * kCsvMaxRows) || std::fmod(len, 3) != 0)
        return result("setPoints takes x1, x2, label triples (at most " +
                      std::to_string(kCsvMaxRows) + " points); got " +
                      std::to_string((long long)len) + " numbers");
    std::vector<double> v = emscripten::vecFromJSArray<double>(flat);
    std::vector<Point> pts(v.size() / 3);
    for (std::size_t k = 0; k < pts.size(); ++k)
        pts[k] = {(float)v[3 * k], (float)v[3 * k + 1], (float)v[3 * k + 2]};
    return points_result_js(s, s.set_points(pts));
}

// The header and first rows of a CSV text, for the import dialog's column picker:
// {ok, error, hasHeader, columns, rows, numeric}.
inline val csv_preview_js(const std::string& text, double max_rows) {
    int n = 0;
    if (!int_arg(max_rows, 0, 1000, n)) return result("preview rows must be an integer 0..1000");
    CsvTable t = csv_preview(text, (std::size_t)n);
    val r = result(t.ok ? Message() : t.error);
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

// User data from CSV text: 2 to kMaxColumns input columns and the label column (0-based). The
// label may be numbers or class names (a formula-looking name is refused by the reader first).
// The engine picks the network the data needs (user_data.h), so s may become a new session.
// {ok, error, hash, pointsInHash, namesInHash, changed (what changed, a message {code, args,
// text}; null for nothing)}.
inline val load_csv_js(std::unique_ptr<Session>& s, const std::string& text, val cols,
                       double label) {
    std::vector<int> picked;
    int clabel = 0;
    const unsigned n = cols.isArray() ? cols["length"].as<unsigned>() : 0;
    if (n < 2 || n > (unsigned)kMaxColumns)
        return result("pick 2 to " + std::to_string(kMaxColumns) + " input columns");
    for (unsigned k = 0; k < n; ++k) {
        int c = 0;
        if (!int_arg(cols[k].as<double>(), -kIdx, kIdx, c) || !int_arg(label, -kIdx, kIdx, clabel))
            return result("CSV column indices must be integers from 0");
        picked.push_back(c);
    }
    CsvParseResult r = parse_csv_columns(text, picked, clabel, kCsvMaxRows, true);
    if (!r.ok) return result(r.error);
    UserData d;
    d.points = std::move(r.points);
    d.class_names = std::move(r.class_names);
    if (picked.size() > 2) {
        d.columns = std::move(r.columns);
        d.values = std::move(r.values);
    }
    Message changed;
    const Message err = import_data(s, d, changed); // may replace *s: read it after
    val out = points_result_js(*s, err);
    if (err.empty()) {
        out.set("namesInHash", s->names_in_hash());
        out.set("changed", changed.empty() ? val::null() : message_js(changed));
    }
    return out;
}

} // namespace bp
