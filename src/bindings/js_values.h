// js_values.h: engine values as JS values for the wasm API (embind.cpp registers the functions):
// config issues, the typed config, parseHash's answer and the engine's catalog. Uses only
// <emscripten/val.h>; embind.cpp remains the one file that includes <emscripten/bind.h>.
#pragma once
#include "config/config_codec.h"
#include "config/config_keys.h"
#include "config/config_schema.h"
#include "data/features.h"
#include "js_args.h"
#include "session/catalog.h"
#include "session/model_spec.h"
#include "session/variants.h"
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace bp {
using emscripten::val;

inline val issues_to_js(const std::vector<ConfigIssue>& v) {
    val a = val::array();
    for (std::size_t k = 0; k < v.size(); ++k) {
        val o = val::object();
        o.set("key", v[k].key);
        o.set("value", v[k].value);
        o.set("message", v[k].message);
        if (!v[k].msg.empty()) { // always, for the engine's own issues
            val m = message_js(v[k].msg);
            o.set("code", m["code"]);
            o.set("args", m["args"]);
        }
        a.set(k, o);
    }
    return a;
}

inline val strings_to_js(const std::vector<std::string>& v) {
    val a = val::array();
    for (std::size_t k = 0; k < v.size(); ++k) a.set(k, v[k]);
    return a;
}

inline val value_to_js(const schema::Value& v) {
    using T = schema::Value::Type;
    switch (v.type) {
    case T::Bool:
        return val(v.flag);
    case T::Number:
        return val(v.number);
    case T::Text:
        return val(v.text);
    case T::Numbers: {
        val a = val::array();
        for (std::size_t k = 0; k < v.numbers.size(); ++k) a.set(k, v.numbers[k]);
        return a;
    }
    case T::Texts:
        return strings_to_js(v.texts);
    default:
        return val::null();
    }
}

// The typed UI state: every key of the table (config_schema.h) by its hash name, enums as their
// names; the points as their count, and the number of classes.
inline val config_to_js(const Config& c) {
    val o = val::object();
    for (const schema::Key& k : schema::keys()) {
        schema::Value v = schema::value_of(k, c);
        if (v.type != schema::Value::Type::Absent) o.set(k.name, value_to_js(v));
    }
    o.set("pointCount", (double)c.points.size()); // points the hash carries
    o.set("numClasses", num_classes(c));
    o.set("lossInForce", std::string(name_of(loss_in_force(c)))); // loss=auto resolved
    o.set("outputInForce", std::string(name_of(output_in_force(c))));
    return o;
}

// The names of an enum's values, in the table's order.
template <class E, std::size_t N> val names_js(const E (&list)[N]) {
    val a = val::array();
    for (std::size_t k = 0; k < N; ++k) a.set(k, std::string(name_of(list[k])));
    return a;
}

// catalog() -> what the engine offers (session/catalog.h), for the page's menus: {datasets:
// [{key, problem, classes, label, columns}], features: [{key, label}], kinds:
// {binary|multiclass|regression: {losses, outputs, autoLoss, autoOutput}}, liveKeys (the keys
// setTraining applies to a running session), the values of the activation, optimizer, init,
// regularization and speed menus, optimizerKeys: {optimizer: [the keys it reads]}, and messages:
// {code: English template} (message_table.h: what the page's translations must cover)}.
inline val catalog_js() {
    using namespace config_keys;
    const Catalog c = make_catalog();
    val o = val::object(), ds = val::array(), fs = val::array(), ks = val::object();
    for (std::size_t k = 0; k < c.datasets.size(); ++k) {
        val d = val::object();
        d.set("key", std::string(name_of(c.datasets[k].kind)));
        d.set("problem", std::string(name_of(c.datasets[k].problem)));
        d.set("classes", c.datasets[k].classes);
        d.set("label", c.datasets[k].label);
        d.set("columns", c.datasets[k].columns);
        ds.set(k, d);
    }
    for (std::size_t k = 0; k < c.features.size(); ++k) {
        val f = val::object();
        f.set("key", std::string(feature_key((Feature)c.features[k])));
        f.set("label", std::string(feature_label((Feature)c.features[k])));
        fs.set(k, f);
    }
    for (const CatalogKind& k : c.kinds) {
        val v = val::object(), losses = val::array();
        for (std::size_t i = 0; i < k.losses.size(); ++i)
            losses.set(i, std::string(name_of(k.losses[i])));
        v.set("losses", losses);
        v.set("outputs", strings_to_js(k.outputs));
        v.set("autoLoss", std::string(name_of(k.auto_loss)));
        v.set("autoOutput", k.auto_output);
        ks.set(k.name, v);
    }
    o.set("datasets", ds);
    o.set("features", fs);
    o.set("kinds", ks);
    o.set("liveKeys", strings_to_js(c.live_keys));
    o.set("activation", names_js(kHiddenActivations));
    o.set("optimizer", names_js(kOptimizers));
    o.set("init", names_js(kInits));
    o.set("regularization", names_js(kRegularizations));
    o.set("speed", names_js(kSpeeds));
    val reads = val::object(); // optimizer -> the keys it reads
    for (const OptimizerKeys& ok : kOptimizerKeys) {
        val a = val::array();
        for (int i = 0; i < 3 && ok.keys[i]; ++i) a.set(i, std::string(ok.keys[i]));
        reads.set(std::string(name_of(ok.optimizer)), a);
    }
    o.set("optimizerKeys", reads);
    val cmp = val::array(); // what a compare or a sweep may vary, and their bounds
    for (std::size_t i = 0; i < std::size(kComparableKeys); ++i)
        cmp.set(i, std::string(kComparableKeys[i]));
    o.set("comparableKeys", cmp);
    o.set("maxCompareVariants", kMaxCompareVariants);
    o.set("maxSweepRuns", kMaxSweepRuns);
    o.set("maxAxisValues", (int)kMaxAxisValues);
    o.set("maxSweepMultiplyAdds", kMaxSweepMultiplyAdds);
    val messages = val::object();
    for (const MessageInfo* m = message_table_begin(); m != message_table_end(); ++m)
        messages.set(m->name, std::string(m->text));
    o.set("messages", messages);
    return o;
}

// datasetPreview(hash) -> {ok, error, points: Float32Array [x1, x2, label]...}: the training points
// of the hash's generated dataset, for the dataset picker's thumbnails (no network is built).
inline val dataset_preview_js(const std::string& hash) {
    const ParseResult pr = parse_hash(hash);
    if (!pr.errors.empty()) return result(pr.errors.front().msg);
    const std::vector<Point> pts = dataset_preview(pr.config);
    std::vector<float> flat;
    for (const Point& p : pts) flat.insert(flat.end(), {p.x1, p.x2, p.label});
    val r = result("");
    r.set("points", f32_copy(flat));
    return r;
}

// variantPlan(hash, sweep) -> {ok, error, axes: [{key, values}], runs: [{label, hash, cell,
// multiplyAdds, params, sameInit}], epochs, target, totalMultiplyAdds}: what the hash's compare
// (sweep false) or sweep runs (session/variants.h); the page's worker pool trains the hashes.
inline val variant_plan_js(const std::string& hash, bool sweep) {
    const ParseResult pr = parse_hash(hash);
    if (!pr.errors.empty()) return result(pr.errors.front().msg);
    const VariantPlan p = plan_variants(pr.config, sweep);
    val r = result(p.error), axes = val::array(), runs = val::array();
    for (std::size_t a = 0; a < p.axes.size(); ++a) {
        val x = val::object();
        x.set("key", p.axes[a].key);
        x.set("values", strings_to_js(p.axes[a].values));
        axes.set(a, x);
    }
    for (std::size_t i = 0; i < p.runs.size(); ++i) {
        const VariantRun& v = p.runs[i];
        val x = val::object(), cell = val::array();
        for (std::size_t a = 0; a < v.cell.size(); ++a) cell.set(a, v.cell[a]);
        x.set("label", v.label);
        x.set("hash", v.hash);
        x.set("cell", cell);
        x.set("multiplyAdds", v.multiply_adds);
        x.set("params", (double)v.params);
        x.set("sameInit", v.same_init);
        runs.set(i, x);
    }
    r.set("axes", axes);
    r.set("runs", runs);
    r.set("epochs", p.epochs);
    r.set("target", pr.config.sweep_target);
    r.set("totalMultiplyAdds", p.total_multiply_adds);
    return r;
}

// parseHash(hash) -> {config, hash (canonical), errors: [{key, value, message}], unknownKeys}
inline val parse_hash_js(const std::string& hash) {
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

} // namespace bp
