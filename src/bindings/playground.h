// playground.h: the WebAssembly API's one class, Playground: what each call does with the loaded
// session and how its answer is shaped (embind.cpp names it and its methods for JavaScript; the
// conventions are in embind.cpp's opening comment). Only <emscripten/val.h> here: embind.cpp stays
// the only file that includes <emscripten/bind.h>.
#pragma once
#include "config/config_codec.h"
#include "config/config_schema.h"
#include "js_args.h"
#include "js_values.h"
#include "landscape_js.h"
#include "model_api.h"
#include "session/model_io.h"
#include "session/session.h"
#include "session_js.h"
#include <emscripten/val.h>
#include <memory>

namespace bp {

using emscripten::typed_memory_view;

class Playground {
  public:
    // Builds a session from a hash. On any error the previous session (if any) stays loaded.
    // Returns {ok, error, errors: [...key issues], unknownKeys: [...], hash}.
    val load(const std::string& hash) {
        ParseResult pr = parse_hash(hash);
        Message err;
        std::unique_ptr<Session> s = Session::create(pr.config, err);
        return loaded_result(pr, std::move(s), err);
    }
    // load() for a page's first load: a refused link builds the nearest session it allows
    // (Session::create_nearest) and the result adds dropped: [{key, value, message}].
    val load_nearest(const std::string& hash) {
        ParseResult pr;
        std::vector<ConfigIssue> dropped;
        Message err;
        std::unique_ptr<Session> s = Session::create_nearest(hash, pr, dropped, err);
        val r = loaded_result(pr, std::move(s), err);
        r.set("dropped", issues_to_js(dropped));
        return r;
    }
    // The shared tail of load and load_nearest: installs s (if built) and reports; pointsError
    // (when the user's data could not follow) is a message ({code, args, text}: js_args.h).
    val loaded_result(const ParseResult& pr, std::unique_ptr<Session> s, const Message& err) {
        val r = result(err);
        r.set("errors", issues_to_js(pr.errors));
        r.set("unknownKeys", strings_to_js(pr.unknown_keys));
        if (s) {
            // A custom dataset too big for the hash keeps the user's points across a reload
            // (networkShape, features...): the hash alone cannot bring them back.
            if (s_) {
                const Message carry = carry_user_data(*s, *s_);
                if (!carry.empty())
                    r.set("pointsError", message_js({Msg::ImportNotKept, {{"why", carry}}}));
            }
            s_ = std::move(s);
            r.set("hash", to_hash(s_->config()));
            r.set("pointsInHash", s_->points_in_hash());
            r.set("namesInHash", s_->names_in_hash());
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
        return progress_js(*s_);
    }
    // Trains n batches (each up to the next weight update or the end of the epoch).
    val train_batches(double batches) {
        if (!s_) return result(kNoSession);
        int n = 0;
        if (!int_arg(batches, 0, 10000000, n))
            return result(bad_int("batches", batches, 0, 10000000));
        const long samples = s_->train_batches(n);
        val r = progress_js(*s_);
        r.set("samples", (double)samples);
        return r;
    }
    // {epoch, updates, position, trainLoss, testLoss, trainAccuracy, testAccuracy, diverged,
    //  confusion: {k, train, test} (K x K counts, row = true class; absent for regression)}
    val metrics() {
        if (!s_) return val::null();
        return metrics_js(*s_, s_->metrics(), s_->network());
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
        val r = metrics_js(*s_, m, *s_->metrics_slices_network());
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
        return trace_js(*s_, t);
    }
    val trace_point(double x1, double x2, double label) {
        if (!s_) return result(kNoSession);
        if (!float_arg(x1) || !float_arg(x2) || !float_arg(label))
            return result("a traced point needs finite coordinates and label within float range");
        SampleTrace t;
        std::string err = s_->trace_point((float)x1, (float)x2, (float)label, t);
        if (!err.empty()) return result(err);
        return trace_js(*s_, t);
    }
    // {ok, error, maxRelError, where, checked, skipped}: float backprop vs float64 differences.
    val grad_check() { return s_ ? grad_check_js(*s_) : result(kNoSession); }
    // [{gradNorm, inactive, stuck}] per layer (stuck: LayerHealth::stuck_fraction)
    val health() { return s_ ? health_js(*s_) : val::array(); }
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
    // The network's inputs in order: the active features ({key, label}), or for column data
    // (Iris) the columns ({key: name, label: name, column: true}).
    val features() const {
        val a = val::array();
        if (!s_) return a;
        const auto& cols = s_->columns();
        for (std::size_t k = 0; k < cols.size(); ++k) {
            val o = val::object();
            o.set("key", cols[k]);
            o.set("label", cols[k]);
            o.set("column", true);
            a.set(k, o);
        }
        if (!cols.empty()) return a;
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
    val set_points(val flat) { return s_ ? set_points_js(*s_, flat) : result(kNoSession); }
    // Column data: {names, axisX, axisY, values} (the plot's slice: every column's value off
    // the two axes; session.h); null for plane data.
    val slice() const {
        if (!s_ || s_->columns().empty()) return val::null();
        val o = val::object();
        o.set("names", strings_to_js(s_->columns()));
        o.set("axisX", s_->axis_x());
        o.set("axisY", s_->axis_y());
        val v = val::array();
        for (std::size_t k = 0; k < s_->slice().size(); ++k) v.set(k, s_->slice()[k]);
        o.set("values", v);
        return o;
    }
    // The plot's two columns (0-based): {ok, error}; on error the old stay.
    val set_axes(double x, double y) {
        if (!s_) return result(kNoSession);
        int ax = 0, ay = 0;
        if (!int_arg(x, -kIdx, kIdx, ax) || !int_arg(y, -kIdx, kIdx, ay))
            return result("the plot's axes are two column numbers");
        return result(s_->set_axes(ax, ay));
    }
    // New slice values (an array, one number per column): {ok, error}; on error the old stay.
    val set_slice(val values) {
        if (!s_) return result(kNoSession);
        std::vector<float> v;
        const unsigned n = values.isArray() ? values["length"].as<unsigned>() : 0;
        if (n > 64) return result("the slice takes one value per column (at most 64)");
        for (unsigned k = 0; k < n; ++k) v.push_back((float)values[k].as<double>());
        return result(s_->set_slice(v));
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
        if (!pr.errors.empty()) return result(pr.errors.front().msg);
        val r = result(s_->set_training(pr.config));
        r.set("hash", to_hash(s_->config()));
        return r;
    }
    // The header and first rows of a CSV text, for the import dialog's column picker.
    static val csv_preview(const std::string& text, double max_rows) {
        return csv_preview_js(text, max_rows);
    }
    // User data from CSV text: columns (0-based) for x1, x2 and the label (session_js.h).
    val load_csv(const std::string& text, double x1, double x2, double label) {
        val cols = val::array();
        cols.set(0, x1);
        cols.set(1, x2);
        return s_ ? load_csv_js(s_, text, cols, label) : result(kNoSession);
    }
    // The same with 2 to 64 input columns (an array of 0-based indices): 3 or more are column
    // data (the network's inputs are those columns; the plot shows two of them).
    val load_csv_columns(const std::string& text, val cols, double label) {
        return s_ ? load_csv_js(s_, text, cols, label) : result(kNoSession);
    }

    // --- model export / import (session/model_io.h, session/export_code.h) ---
    // The model as JSON (config hash + weights + batch-norm statistics); "" without a session.
    std::string model_json() const { return s_ ? model_to_json(*s_) : std::string(); }
    // Replaces the session with a saved model: {ok, error, code, args, hash} (the error a coded
    // message, "model JSON: <why>"). On error the old one stays.
    val load_model_json(const std::string& text) {
        Message err;
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

    // --- the loss landscape (session.h; landscape_js.h) ---
    // A plane centred on the current weights: directions "random" | "pca", n x n, span (0: the
    // engine's choice). {ok, error, directions, n, span, path}.
    val landscape_begin(const std::string& dirs, double n, double span) {
        return s_ ? landscape_begin_js(*s_, dirs, n, span) : result(kNoSession);
    }
    // Rows [r0, r1) of the plane: {ok, error, loss} (a view of n * n floats; other rows keep
    // what earlier calls left).
    val landscape_rows(double r0, double r1) {
        return s_ ? landscape_rows_js(*s_, r0, r1, plane_) : result(kNoSession);
    }
    // This network's recorded weights, and where another's lie on the plane (landscape_js.h).
    val trajectory() { return s_ ? trajectory_js(*s_) : result(kNoSession); }
    val landscape_project(val snaps, double count, const std::string& layout) {
        return s_ ? landscape_project_js(*s_, snaps, count, layout) : result(kNoSession);
    }
    // The weights move to the plane's point (alpha, beta): {ok, error}.
    val landscape_move(double alpha, double beta) {
        return s_ ? landscape_move_js(*s_, alpha, beta) : result(kNoSession);
    }
    // The loss along parameter k: {ok, error, w, loss}; point null or [x1, x2, label].
    val loss_line(double k, double half_width, double n, val point) {
        return s_ ? loss_line_js(*s_, k, half_width, n, point) : result(kNoSession);
    }
    double trajectory_count() const { return s_ ? (double)s_->trajectory_count() : 0; }

  private:
    std::unique_ptr<Session> s_;
    std::vector<float> grid_;
    std::vector<float> plane_;
};

} // namespace bp
