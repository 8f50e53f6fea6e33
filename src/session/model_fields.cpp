// model_fields.cpp: see model_fields.h.
#include "model_fields.h"
#include <cmath>
#include <cstdio>
#include <limits>

namespace bp {

using Kind = JsonValue::Kind;

std::string short_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

Message read_floats(const JsonValue* v, std::size_t n, const std::string& what, float* out) {
    if (!v) return {Msg::ModelMissing, {{"what", what}}};
    if (!v->is(Kind::Array))
        return {Msg::ModelNotArray, {{"what", what}, {"kind", json_kind(v->kind)}}};
    if (v->items.size() != n)
        return {Msg::ModelNumbers, {{"what", what}, {"n", v->items.size()}, {"want", n}}};
    for (std::size_t k = 0; k < n; ++k) {
        const JsonValue& x = v->items[k];
        const std::string at = what + "[" + std::to_string(k) + "]";
        if (!x.is(Kind::Number))
            return {Msg::ModelNotNumber, {{"what", at}, {"kind", json_kind(x.kind)}}};
        if (!(std::fabs(x.number) <= (double)std::numeric_limits<float>::max()))
            return {Msg::ModelNotFloat, {{"what", at}, {"value", short_number(x.number)}}};
        out[k] = (float)x.number;
    }
    return {};
}

Message read_int(const JsonValue& obj, const char* key, long& out) {
    const JsonValue* v = obj.get(key);
    const std::string what = std::string("\"") + key + "\"";
    if (!v) return {Msg::ModelMissing, {{"what", what}}};
    if (!v->is(Kind::Number) || v->number != std::floor(v->number) || std::fabs(v->number) > 1e9)
        return {Msg::ModelNotInteger, {{"what", what}}};
    out = (long)v->number;
    return {};
}

} // namespace bp
