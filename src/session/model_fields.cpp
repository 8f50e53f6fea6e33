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

std::string read_floats(const JsonValue* v, std::size_t n, const std::string& what, float* out) {
    if (!v) return what + " is missing";
    if (!v->is(Kind::Array)) return what + " is " + json_kind_name(v->kind) + ", not an array";
    if (v->items.size() != n)
        return what + " has " + std::to_string(v->items.size()) + " numbers; the network needs " +
               std::to_string(n);
    for (std::size_t k = 0; k < n; ++k) {
        const JsonValue& x = v->items[k];
        const std::string at = what + "[" + std::to_string(k) + "]";
        if (!x.is(Kind::Number)) return at + " is " + json_kind_name(x.kind) + ", not a number";
        if (!(std::fabs(x.number) <= (double)std::numeric_limits<float>::max()))
            return at + " = " + short_number(x.number) + " is not a finite float32 number";
        out[k] = (float)x.number;
    }
    return "";
}

std::string read_int(const JsonValue& obj, const char* key, const std::string& where, long& out) {
    const JsonValue* v = obj.get(key);
    if (!v) return where + "\"" + key + "\" is missing";
    if (!v->is(Kind::Number) || v->number != std::floor(v->number) || std::fabs(v->number) > 1e9)
        return where + "\"" + key + "\" is not an integer";
    out = (long)v->number;
    return "";
}

} // namespace bp
