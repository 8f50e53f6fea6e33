// model_io.cpp: model_to_json / model_from_json (format in model_io.h).
#include "model_io.h"
#include "../config/config_codec.h"
#include "../engine/batchnorm.h"
#include "float_text.h"
#include "json_reader.h"
#include "model_fields.h"
#include "model_limits.h"
#include "model_state.h"
#include <cmath>
#include <cstdio>
#include <limits>

namespace bp {
namespace {

constexpr const char* kFormat = "backprop-playground-model";
static_assert(kMaxModelJsonBytes <= kMaxJsonBytes, "the JSON reader must take the largest model");

std::string json_string(const std::string& s) {
    std::string o = "\"";
    for (char ch : s) {
        const unsigned char c = (unsigned char)ch;
        if (c == '"' || c == '\\') {
            o += '\\';
            o += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            o += buf;
        } else {
            o += ch;
        }
    }
    return o + "\"";
}

using Kind = JsonValue::Kind;

// Every member the reader looks at, at any depth; the rest are checked as JSON and not built.
// The second part: the members of "state" (model_state.h).
constexpr std::string_view kModelKeys[] = {
    "format", "version", "config", "inputs", "loss", "epoch", "updates", "layers", "nIn", "nOut",
    "activation", "residual", "W", "b", "batchNorm", "gamma", "beta", "runningMean", "runningVar",
    "eps",
    // state
    "state", "optimizer", "step", "beta1Power", "beta2Power", "position", "carriedSamples",
    "dropoutStream", "m", "v", "carriedGradients", "deadWeights"};

// Nothing or why the bytes are not a model file we read: over the bound, or UTF-16 (whose NUL
// bytes a JSON reader would only call "unexpected character"). A UTF-8 byte order mark is skipped,
// as the page's TextDecoder does, so a file the page takes the CLI takes too.
Message model_text_problem(std::string_view& text) {
    if (text.size() > kMaxModelJsonBytes)
        return {Msg::ModelTooLarge,
                {{"bytes", text.size()},
                 {"max", kMaxModelJsonBytes},
                 {"layers", kMaxHiddenLayers},
                 {"neurons", kMaxNeurons}}};
    const auto starts = [&text](std::string_view p) { return text.substr(0, p.size()) == p; };
    if (starts("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (starts("\xFF\xFE") || starts("\xFE\xFF") || starts(std::string_view("{\0", 2)) ||
        starts(std::string_view("\0{", 2)))
        return Msg::ModelUtf16;
    return {};
}

// Checks one layer object against the network built from the config and copies its numbers; the
// caller says which layer (model.layer).
Message read_layer(const JsonValue& J, const LayerInfo& L, std::vector<float>& p,
                   std::vector<float>& mean, std::vector<float>& var, std::size_t stat_off) {
    if (!J.is(Kind::Object)) return {Msg::ModelLayerNotObject, {{"kind", json_kind(J.kind)}}};
    long n_in = 0, n_out = 0;
    Message e = read_int(J, "nIn", n_in);
    if (e.empty()) e = read_int(J, "nOut", n_out);
    if (!e.empty()) return e;
    if (n_in != L.n_in || n_out != L.n_out)
        return {Msg::ModelLayerSize,
                {{"nIn", n_in}, {"nOut", n_out}, {"wantIn", L.n_in}, {"wantOut", L.n_out}}};
    const JsonValue* act = J.get("activation");
    if (!act || !act->is(Kind::String) || act->text != name_of(L.act))
        return {Msg::ModelAsConfig, {{"key", "activation"}, {"value", name_of(L.act)}}};
    const JsonValue* res = J.get("residual");
    if (res && (!res->is(Kind::Bool) || res->boolean != L.skip))
        return {Msg::ModelResidual, {{"value", L.skip ? "true" : "false"}}};
    const JsonValue* W = J.get("W");
    if (!W) return {Msg::ModelMissing, {{"what", "\"W\""}}};
    if (!W->is(Kind::Array) || W->items.size() != (std::size_t)L.n_out)
        return {Msg::ModelRows, {{"n", L.n_out}}};
    for (int j = 0; j < L.n_out; ++j) {
        e = read_floats(&W->items[j], L.n_in, "W[" + std::to_string(j) + "]",
                        p.data() + L.w_off + (std::size_t)j * L.n_in);
        if (!e.empty()) return e;
    }
    e = read_floats(J.get("b"), L.n_out, "b", p.data() + L.b_off);
    if (!e.empty()) return e;
    const JsonValue* bn = J.get("batchNorm");
    if (!L.bn) return bn ? Message(Msg::ModelBatchNormUnexpected) : Message();
    if (!bn || !bn->is(Kind::Object))
        return {Msg::ModelBatchNormMissing,
                {{"members", "{gamma, beta, runningMean, runningVar}"}}};
    e = read_floats(bn->get("gamma"), L.n_out, "batchNorm.gamma", p.data() + L.g_off);
    if (e.empty())
        e = read_floats(bn->get("beta"), L.n_out, "batchNorm.beta", p.data() + L.beta_off);
    if (e.empty())
        e = read_floats(bn->get("runningMean"), L.n_out, "batchNorm.runningMean", &mean[stat_off]);
    if (e.empty())
        e = read_floats(bn->get("runningVar"), L.n_out, "batchNorm.runningVar", &var[stat_off]);
    if (!e.empty()) return e;
    for (int j = 0; j < L.n_out; ++j)
        if (var[stat_off + j] < 0) return Msg::ModelNegativeVariance;
    return {};
}

} // namespace

std::string model_to_json(const Session& s) {
    const Network<float>& net = s.network();
    std::string o = "{\n  \"format\": \"" + std::string(kFormat) + "\",\n  \"version\": 1,\n";
    o += "  \"config\": " + json_string(to_hash(s.config())) + ",\n  \"inputs\": [";
    for (std::size_t k = 0; k < s.features().size(); ++k)
        o += (k ? ", \"" : "\"") + std::string(feature_key(s.features()[k])) + "\"";
    o += "],\n  \"loss\": \"" + std::string(name_of(net.spec().loss)) + "\",\n";
    o += "  \"epoch\": " + std::to_string(s.epoch()) +
         ",\n  \"updates\": " + std::to_string(s.updates()) + ",\n  \"layers\": [";
    std::size_t stat = 0;
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        const float* p = net.params.data();
        o += l ? ",\n    {" : "\n    {";
        o += "\"nIn\": " + std::to_string(L.n_in) + ", \"nOut\": " + std::to_string(L.n_out) +
             ", \"activation\": \"" + name_of(L.act) +
             "\", \"residual\": " + (L.skip ? "true" : "false") + ",\n     \"W\": [";
        for (int j = 0; j < L.n_out; ++j)
            o += (j ? ",\n           " : "") +
                 float_list(p + L.w_off + (std::size_t)j * L.n_in, L.n_in);
        o += "],\n     \"b\": " + float_list(p + L.b_off, L.n_out);
        if (L.bn) {
            o += ",\n     \"batchNorm\": {\"gamma\": " + float_list(p + L.g_off, L.n_out) +
                 ", \"beta\": " + float_list(p + L.beta_off, L.n_out) +
                 ",\n                   \"runningMean\": " +
                 float_list(net.bn_mean.data() + stat, L.n_out) +
                 ", \"runningVar\": " + float_list(net.bn_var.data() + stat, L.n_out) +
                 ", \"eps\": " + float_text((float)kBnEps) + "}";
        }
        if (L.hidden) stat += (std::size_t)L.n_out;
        o += "}";
    }
    o += "\n  ]";
    append_state_json(s, o);
    return o + "\n}\n";
}

std::unique_ptr<Session> model_from_json(std::string_view text, Message& error) {
    // Every error reads "model JSON: <why>" (model.json), the why a message of its own.
    auto fail = [&error](const Message& why) {
        error = {Msg::ModelJson, {{"why", why}}};
        return std::unique_ptr<Session>();
    };
    error = {};
    JsonValue doc;
    Message e = model_text_problem(text);
    if (!e.empty()) return fail(e);
    JsonKeep keep;
    keep.keys = kModelKeys;
    keep.num_keys = std::size(kModelKeys);
    keep.max_values = kMaxModelValues;
    e = json_read(text, doc, keep);
    if (!e.empty()) return fail(e);
    if (!doc.is(Kind::Object)) return fail(Msg::ModelTopLevel);
    const JsonValue* fmt = doc.get("format");
    if (!fmt || !fmt->is(Kind::String) || fmt->text != kFormat)
        return fail({Msg::ModelFormat, {{"format", kFormat}}});
    long version = 0;
    e = read_int(doc, "version", version);
    if (!e.empty()) return fail(e);
    if (version != 1) return fail({Msg::ModelVersion, {{"version", version}}});
    const JsonValue* cfg = doc.get("config");
    if (!cfg || !cfg->is(Kind::String)) return fail(Msg::ModelNoConfig);
    ParseResult pr = parse_hash(cfg->text);
    if (!pr.errors.empty()) return fail({Msg::ModelConfig, {{"why", pr.errors.front().msg}}});
    std::unique_ptr<Session> s = Session::create(pr.config, e);
    if (!s) return fail({Msg::ModelConfig, {{"why", e}}});
    const Network<float>& net = s->network();
    if (const JsonValue* in = doc.get("inputs")) {
        std::string want;
        for (Feature f : s->features())
            want += std::string(want.empty() ? "" : ",") + feature_key(f);
        std::string got;
        bool ok = in->is(Kind::Array);
        for (std::size_t k = 0; ok && k < in->items.size(); ++k) {
            ok = in->items[k].is(Kind::String);
            if (ok) got += (k ? "," : "") + in->items[k].text;
        }
        if (!ok || got != want) return fail({Msg::ModelInputs, {{"inputs", want}}});
    }
    const JsonValue* layers = doc.get("layers");
    if (!layers || !layers->is(Kind::Array)) return fail(Msg::ModelNoLayers);
    if (layers->items.size() != (std::size_t)net.num_layers())
        return fail(
            {Msg::ModelLayerCount, {{"n", layers->items.size()}, {"want", net.num_layers()}}});
    std::vector<float> p(net.params.begin(), net.params.end()), mean = net.bn_mean,
                                                                var = net.bn_var;
    std::size_t stat = 0;
    for (int l = 0; l < net.num_layers(); ++l) {
        const LayerInfo& L = net.layers()[l];
        e = read_layer(layers->items[l], L, p, mean, var, stat);
        if (!e.empty()) return fail({Msg::ModelLayer, {{"index", l}, {"why", e}}});
        if (L.hidden) stat += (std::size_t)L.n_out;
    }
    long epoch = 0, updates = 0; // informative: absent is fine, a bad value is reported
    if (doc.get("epoch")) e = read_int(doc, "epoch", epoch);
    if (e.empty() && doc.get("updates")) e = read_int(doc, "updates", updates);
    if (!e.empty()) return fail(e);
    if (epoch < 0 || updates < 0) return fail(Msg::ModelNegativeCounters);
    e = s->set_state(p, mean, var, epoch, updates);
    if (e.empty()) e = read_state_json(doc, *s);
    if (!e.empty()) return fail(e);
    return s;
}

std::unique_ptr<Session> model_from_json(std::string_view text, std::string& error) {
    Message m;
    std::unique_ptr<Session> s = model_from_json(text, m);
    error = m.text();
    return s;
}

} // namespace bp
