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

// A number in [lo, hi] (beta powers); "" or an error naming the member.
std::string read_number(const JsonValue& obj, const char* key, double lo, double hi, double& out) {
    const JsonValue* v = obj.get(key);
    if (!v) return std::string("state: \"") + key + "\" is missing";
    if (!v->is(Kind::Number) || !(v->number >= lo && v->number <= hi))
        return std::string("state: \"") + key + "\" must be a number in [" + short_number(lo) +
               ", " + short_number(hi) + "]";
    out = v->number;
    return "";
}

std::string read_stream(const JsonValue* v, Rng::State& out) {
    const std::string what = "state: \"dropoutStream\"";
    if (!v) return what + " is missing";
    if (!v->is(Kind::Array) || v->items.size() != 4)
        return what + " must be an array of 4 integers in [0, 4294967295]";
    for (int k = 0; k < 4; ++k) {
        const JsonValue& x = v->items[(std::size_t)k];
        if (!x.is(Kind::Number) || !(x.number >= 0 && x.number <= 4294967295.0) ||
            x.number != std::floor(x.number))
            return what + " must be an array of 4 integers in [0, 4294967295]";
        out.s[k] = (uint32_t)x.number;
    }
    return "";
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

std::string read_float_bits(const JsonValue* v, std::size_t n, const std::string& what,
                            float* out) {
    if (!v) return what + " is missing";
    std::vector<uint8_t> b;
    if (!v->is(Kind::String) || !base64_decode(v->text, b))
        return what + " must be a base64 string (float32 little-endian bytes)";
    if (b.size() != 4 * n)
        return what + " holds " + std::to_string(b.size() / 4) + " numbers; the network needs " +
               std::to_string(n);
    for (std::size_t k = 0; k < n; ++k) {
        uint32_t u = 0;
        for (int j = 0; j < 4; ++j) u |= (uint32_t)b[4 * k + j] << (8 * j);
        std::memcpy(&out[k], &u, 4);
        if (!std::isfinite(out[k]))
            return what + "[" + std::to_string(k) + "] is not a finite float32 number";
    }
    return "";
}

// Dead weights: a base64 bit mask, bit k % 8 (lowest first) of byte k / 8 for parameter k.
std::string read_dead(const JsonValue* v, const std::vector<uint8_t>& is_weight,
                      std::vector<uint8_t>& dead) {
    if (!v) return "";
    const std::string what = "state: \"deadWeights\"";
    std::vector<uint8_t> b;
    if (!v->is(Kind::String) || !base64_decode(v->text, b) || b.size() != (dead.size() + 7) / 8)
        return what + " must be a base64 bit mask of " + std::to_string((dead.size() + 7) / 8) +
               " bytes";
    for (std::size_t k = 0; k < 8 * b.size(); ++k) {
        if (!(b[k / 8] >> (k % 8) & 1)) continue;
        if (k >= dead.size() || !is_weight[k])
            return what + " marks parameter " + std::to_string(k) +
                   ", which is not a weight; only weights can be dead";
        dead[k] = 1;
    }
    return "";
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

std::string read_state_json(const JsonValue& doc, Session& s) {
    const JsonValue* st = doc.get("state");
    if (!st) return "";
    if (!st->is(Kind::Object))
        return std::string("\"state\" is ") + json_kind_name(st->kind) + ", not an object";
    TrainingState t = s.training_state(); // the fresh state set_state left
    const Optimizer kind = s.config().optimizer;
    const std::size_t n = t.opt.m.size();
    const JsonValue* k = st->get("optimizer");
    if (!k || !k->is(Kind::String) || k->text != name_of(kind))
        return std::string("state: \"optimizer\" must be \"") + name_of(kind) +
               "\" as the config says";
    std::string e;
    if (uses_m(kind)) e = read_float_bits(st->get("m"), n, "state.m", t.opt.m.data());
    if (e.empty() && uses_v(kind)) e = read_float_bits(st->get("v"), n, "state.v", t.opt.v.data());
    if (!e.empty()) return e;
    for (std::size_t j = 0; j < n; ++j)
        if (t.opt.v[j] < 0)
            return "state.v[" + std::to_string(j) + "] = " + short_number(t.opt.v[j]) +
                   " is negative (a mean of squares)";
    if (kind == Optimizer::Adam) {
        e = read_int(*st, "step", "state: ", t.opt.t);
        if (e.empty() && t.opt.t < 0) e = "state: \"step\" cannot be negative";
        if (e.empty()) e = read_number(*st, "beta1Power", 0, 1, t.opt.b1t);
        if (e.empty()) e = read_number(*st, "beta2Power", 0, 1, t.opt.b2t);
        if (!e.empty()) return e;
    }
    long position = 0, carried = 0;
    e = read_int(*st, "position", "state: ", position);
    if (e.empty()) e = read_int(*st, "carriedSamples", "state: ", carried);
    if (!e.empty()) return e;
    t.position = (int)position;
    t.carried = (int)carried;
    if (carried > 0) {
        t.carried_sum.assign(n, 0.0f);
        e = read_float_bits(st->get("carriedGradients"), n, "state.carriedGradients",
                            t.carried_sum.data());
    }
    if (e.empty()) e = read_stream(st->get("dropoutStream"), t.dropout);
    if (e.empty()) e = read_dead(st->get("deadWeights"), s.network().is_weight, t.dead);
    if (!e.empty()) return e;
    e = s.set_training_state(t);
    return e.empty() ? "" : "state: " + e;
}

} // namespace bp
