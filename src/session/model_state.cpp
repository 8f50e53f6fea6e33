// model_state.cpp: see model_state.h. Buffers are written as base64 of their float32 bytes (exact,
// and under half the size of decimal text), the beta powers with %.17g (a double that reads back
// to the same bits).
#include "model_state.h"
#include "../config/config.h"
#include "base64.h"
#include "model_fields.h"
#include <cmath>
#include <cstdio>
#include <cstring>

namespace bp {
namespace {

using Kind = JsonValue::Kind;

bool uses_m(Optimizer k) {
    return k == Optimizer::Momentum || k == Optimizer::Nesterov || k == Optimizer::Adam;
}
bool uses_v(Optimizer k) {
    return k == Optimizer::RMSProp || k == Optimizer::Adam;
}

std::string exact_double(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// A member of "state" as its error names it: "\"step\"".
std::string quoted(const char* key) {
    return std::string("\"") + key + "\"";
}

// A number in [lo, hi] (beta powers); no message or an error naming the member (the caller adds
// "state: ").
Message read_number(const JsonValue& obj, const char* key, double lo, double hi, double& out) {
    const JsonValue* v = obj.get(key);
    if (!v) return {Msg::ModelMissing, {{"what", quoted(key)}}};
    if (!v->is(Kind::Number) || !(v->number >= lo && v->number <= hi))
        return {Msg::ModelNumberIn,
                {{"what", quoted(key)}, {"lo", short_number(lo)}, {"hi", short_number(hi)}}};
    out = v->number;
    return {};
}

Message read_stream(const JsonValue* v, Rng::State& out) {
    if (!v) return {Msg::ModelMissing, {{"what", quoted("dropoutStream")}}};
    if (!v->is(Kind::Array) || v->items.size() != 4) return Msg::ModelDropoutStream;
    for (int k = 0; k < 4; ++k) {
        const JsonValue& x = v->items[(std::size_t)k];
        if (!x.is(Kind::Number) || !(x.number >= 0 && x.number <= 4294967295.0) ||
            x.number != std::floor(x.number))
            return Msg::ModelDropoutStream;
        out.s[k] = (uint32_t)x.number;
    }
    return {};
}

// Float32 buffers travel as base64 of their little-endian bytes (exact, 5.3 characters a number).
std::string float_bits(const float* v, std::size_t n) {
    std::vector<uint8_t> b(4 * n);
    for (std::size_t k = 0; k < n; ++k) {
        uint32_t u;
        std::memcpy(&u, &v[k], 4);
        for (int j = 0; j < 4; ++j) b[4 * k + j] = (uint8_t)(u >> (8 * j));
    }
    return "\"" + base64_encode(b.data(), b.size()) + "\"";
}

Message read_float_bits(const JsonValue* v, std::size_t n, const std::string& what, float* out) {
    if (!v) return {Msg::ModelMissing, {{"what", what}}};
    std::vector<uint8_t> b;
    if (!v->is(Kind::String) || !base64_decode(v->text, b))
        return {Msg::ModelBase64, {{"what", what}}};
    if (b.size() != 4 * n)
        return {Msg::ModelHolds, {{"what", what}, {"n", b.size() / 4}, {"want", n}}};
    for (std::size_t k = 0; k < n; ++k) {
        uint32_t u = 0;
        for (int j = 0; j < 4; ++j) u |= (uint32_t)b[4 * k + j] << (8 * j);
        std::memcpy(&out[k], &u, 4);
        if (!std::isfinite(out[k]))
            return {Msg::ModelNotFinite, {{"what", what + "[" + std::to_string(k) + "]"}}};
    }
    return {};
}

// Dead weights: a base64 bit mask, bit k % 8 (lowest first) of byte k / 8 for parameter k. Errors
// name the member; the caller adds "state: ".
Message read_dead(const JsonValue* v, const std::vector<uint8_t>& is_weight,
                  std::vector<uint8_t>& dead) {
    if (!v) return {};
    std::vector<uint8_t> b;
    if (!v->is(Kind::String) || !base64_decode(v->text, b) || b.size() != (dead.size() + 7) / 8)
        return {Msg::ModelDeadMask, {{"bytes", (dead.size() + 7) / 8}}};
    for (std::size_t k = 0; k < 8 * b.size(); ++k) {
        if (!(b[k / 8] >> (k % 8) & 1)) continue;
        if (k >= dead.size() || !is_weight[k]) return {Msg::ModelDeadNotWeight, {{"k", k}}};
        dead[k] = 1;
    }
    return {};
}

} // namespace

void append_state_json(const Session& s, std::string& o) {
    const TrainingState t = s.training_state();
    const Optimizer kind = s.config().optimizer;
    const std::size_t n = t.opt.m.size();
    o += ",\n  \"state\": {\"optimizer\": \"" + std::string(name_of(kind)) + "\", ";
    if (kind == Optimizer::Adam)
        o += "\"step\": " + std::to_string(t.opt.t) +
             ", \"beta1Power\": " + exact_double(t.opt.b1t) +
             ", \"beta2Power\": " + exact_double(t.opt.b2t) + ",\n    ";
    o += "\"position\": " + std::to_string(t.position) +
         ", \"carriedSamples\": " + std::to_string(t.carried) + ", \"dropoutStream\": [";
    for (int k = 0; k < 4; ++k) o += (k ? ", " : "") + std::to_string(t.dropout.s[k]);
    o += "]";
    if (uses_m(kind)) o += ",\n    \"m\": " + float_bits(t.opt.m.data(), n);
    if (uses_v(kind)) o += ",\n    \"v\": " + float_bits(t.opt.v.data(), n);
    if (t.carried > 0) o += ",\n    \"carriedGradients\": " + float_bits(t.carried_sum.data(), n);
    std::vector<uint8_t> mask((n + 7) / 8, 0);
    bool any = false;
    for (std::size_t k = 0; k < n; ++k)
        if (t.dead[k]) mask[k / 8] |= (uint8_t)(1u << (k % 8)), any = true;
    if (any) o += ",\n    \"deadWeights\": \"" + base64_encode(mask.data(), mask.size()) + "\"";
    o += "}";
}

Message read_state_json(const JsonValue& doc, Session& s) {
    const JsonValue* st = doc.get("state");
    if (!st) return {};
    if (!st->is(Kind::Object))
        return {Msg::ModelNotObject, {{"what", quoted("state")}, {"kind", json_kind(st->kind)}}};
    // the members of "state" that name themselves by key read "state: <why>"
    auto in_state = [](const Message& why) {
        return why.empty() ? why : Message(Msg::ModelState, {{"why", why}});
    };
    TrainingState t = s.training_state(); // the fresh state set_state left
    const Optimizer kind = s.config().optimizer;
    const std::size_t n = t.opt.m.size();
    const JsonValue* k = st->get("optimizer");
    if (!k || !k->is(Kind::String) || k->text != name_of(kind))
        return in_state({Msg::ModelAsConfig, {{"key", "optimizer"}, {"value", name_of(kind)}}});
    Message e;
    if (uses_m(kind)) e = read_float_bits(st->get("m"), n, "state.m", t.opt.m.data());
    if (e.empty() && uses_v(kind)) e = read_float_bits(st->get("v"), n, "state.v", t.opt.v.data());
    if (!e.empty()) return e;
    for (std::size_t j = 0; j < n; ++j)
        if (t.opt.v[j] < 0)
            return {Msg::ModelNegativeV,
                    {{"what", "state.v[" + std::to_string(j) + "]"},
                     {"value", short_number(t.opt.v[j])}}};
    if (kind == Optimizer::Adam) {
        e = read_int(*st, "step", t.opt.t);
        if (e.empty() && t.opt.t < 0) e = {Msg::ModelNegative, {{"what", quoted("step")}}};
        if (e.empty()) e = read_number(*st, "beta1Power", 0, 1, t.opt.b1t);
        if (e.empty()) e = read_number(*st, "beta2Power", 0, 1, t.opt.b2t);
        if (!e.empty()) return in_state(e);
    }
    long position = 0, carried = 0;
    e = read_int(*st, "position", position);
    if (e.empty()) e = read_int(*st, "carriedSamples", carried);
    if (!e.empty()) return in_state(e);
    t.position = (int)position;
    t.carried = (int)carried;
    if (carried > 0) {
        t.carried_sum.assign(n, 0.0f);
        e = read_float_bits(st->get("carriedGradients"), n, "state.carriedGradients",
                            t.carried_sum.data());
        if (!e.empty()) return e;
    }
    e = read_stream(st->get("dropoutStream"), t.dropout);
    if (e.empty()) e = read_dead(st->get("deadWeights"), s.network().is_weight, t.dead);
    if (e.empty()) e = s.set_training_state(t);
    return in_state(e);
}

} // namespace bp
