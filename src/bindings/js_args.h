// js_args.h: the wasm API's argument checks and result objects (embind.cpp): every call that can
// fail answers result(error) = {ok, error}; an error that is an engine message (message.h) adds
// its code and args, so the page can say it in its own language (web/i18n.js engineText), and an
// engine message given as a value is message_js's {code, args, text}. Developer-only refusals
// (a wrong argument from JS) stay English text. Counts and indices cross as double, not int:
// Embind's int conversion (no ASSERTIONS build) wraps and coerces silently (2**32 -> 0, "a" -> 0,
// 1e10 -> 1410065408), while a double keeps what JS passed (a non-number arrives as NaN) so it can
// be refused by name. Uses only <emscripten/val.h>.
#pragma once
#include "config/message.h"
#include <cmath>
#include <cstdio>
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace bp {
using emscripten::val;

inline val result(const std::string& error) {
    val r = val::object();
    r.set("ok", error.empty());
    r.set("error", error);
    return r;
}

// {code, args: {name: text, or a nested message as {code, args, text}}, text (English)}
inline val message_js(const Message& m) {
    val o = val::object(), args = val::object();
    for (const MessageArg& a : m.args())
        args.set(a.name, a.part ? message_js(*a.part) : val(a.text));
    o.set("code", std::string(m.name()));
    o.set("args", args);
    o.set("text", m.text());
    return o;
}

// result(text) with the message's code and args when there is one.
inline val result(const Message& error) {
    val r = result(error.text());
    if (!error.empty()) {
        val m = message_js(error);
        r.set("code", m["code"]);
        r.set("args", m["args"]);
    }
    return r;
}

inline const char* kNoSession = "no network is loaded: call load() with a config first";

inline bool int_arg(double v, int lo, int hi, int& out) {
    if (!(v >= lo && v <= hi) || v != std::floor(v)) return false; // NaN fails the first test
    out = (int)v;
    return true;
}
inline constexpr int kIdx =
    1 << 30; // indices pass through in +-kIdx; the session checks them exactly
inline std::string bad_int(const char* what, double v, int lo, int hi) {
    char got[40] = "NaN or not a number";
    if (!std::isnan(v)) std::snprintf(got, sizeof got, "%.17g", v);
    return std::string(what) + " must be an integer in " + std::to_string(lo) + ".." +
           std::to_string(hi) + " (got " + got + ")";
}
// A weight, bias or traced coordinate must fit a float: (float)1e308 is Infinity in wasm
// (and undefined behaviour in C++), which would put a non-finite value into the network.
inline bool float_arg(double v) {
    return std::fabs(v) <= 3.4028234663852886e38; // FLT_MAX; false for NaN and +-Infinity
}

// A copy (not a view) for small per-call results that JS keeps.
inline val f32_copy(const std::vector<float>& v) {
    return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

} // namespace bp
