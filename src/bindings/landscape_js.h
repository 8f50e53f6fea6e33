// landscape_js.h: the loss landscape's answers as JS values for the wasm API (embind.cpp's
// Playground delegates to these; session.h's landscape_* and loss_line). Bulk losses cross as a
// Float32Array view of a buffer the Playground owns (valid until the next engine call); the
// plane's description (span, the trajectory on it) as copies. Uses only <emscripten/val.h>.
#pragma once
#include "js_args.h"
#include "session/session.h"
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace bp {

// {ok, error, directions, n, span, path (Float32Array copy: alpha, beta per recorded epoch),
//  coords (the n grid coordinates, -span..span: column c's alpha, row r's beta is coords[n-1-r])}
inline val landscape_begin_js(Session& s, const std::string& dirs, double n, double span) {
    PlaneDirections d;
    if (dirs == "random")
        d = PlaneDirections::Random;
    else if (dirs == "pca")
        d = PlaneDirections::Pca;
    else
        return result("landscape directions '" + dirs.substr(0, 40) +
                      "' are not known; allowed: random, pca");
    int side = 0;
    if (!int_arg(n, 2, kMaxLandscapeSide, side))
        return result(bad_int("landscape grid", n, 2, kMaxLandscapeSide));
    if (!(span >= 0 && span <= 1e6))
        return result("landscape span must be a number in 0..1e6 (0: chosen from the directions)");
    const std::string e = s.landscape_begin(d, side, span);
    val r = result(e);
    if (!e.empty()) return r;
    const LandscapePlane& pl = s.landscape();
    r.set("directions", dirs);
    r.set("n", pl.n);
    r.set("span", pl.span);
    r.set("path", f32_copy(pl.path));
    val coords = val::array();
    for (int i = 0; i < pl.n; ++i) coords.set(i, plane_coord(i, pl.n, pl.span));
    r.set("coords", coords);
    return r;
}

// Rows [r0, r1) of the plane into buf (n * n floats, kept across calls): {ok, error, loss: view}.
inline val landscape_rows_js(Session& s, double r0, double r1, std::vector<float>& buf) {
    const int n = s.landscape().n;
    if (n == 0) return result("no landscape plane: begin one first");
    int a = 0, b = 0;
    if (!int_arg(r0, 0, n, a) || !int_arg(r1, a, n, b))
        return result("landscape rows must satisfy 0 <= r0 <= r1 <= " + std::to_string(n));
    if (buf.size() != (std::size_t)n * n) buf.assign((std::size_t)n * n, 0.0f);
    const std::string e = s.landscape_rows(a, b, buf.data());
    val r = result(e);
    if (e.empty()) r.set("loss", val(emscripten::typed_memory_view(buf.size(), buf.data())));
    return r;
}

inline val landscape_move_js(Session& s, double alpha, double beta) {
    return result(s.landscape_move(alpha, beta)); // NaN and range refused there, by name
}

// The loss along parameter k: {ok, error, w (its value), loss (Float32Array copy of n)}; point:
// null (the training set) or [x1, x2, label] (one point's loss, the one a trace differentiates).
inline val loss_line_js(Session& s, double k, double half_width, double n, val point) {
    int idx = 0, side = 0;
    if (!int_arg(k, 0, kIdx, idx)) return result(bad_int("parameter", k, 0, kIdx));
    if (!int_arg(n, 2, kMaxLandscapeSide, side))
        return result(bad_int("loss line points", n, 2, kMaxLandscapeSide));
    Point p{0, 0, 0};
    const bool one = !point.isNull() && !point.isUndefined();
    if (one) {
        if (!point.instanceof (val::global("Array")) || point["length"].as<double>() != 3)
            return result("a loss line's point is null or [x1, x2, label]");
        const double x1 = point[0].as<double>(), x2 = point[1].as<double>(),
                     label = point[2].as<double>();
        if (!float_arg(x1) || !float_arg(x2) || !float_arg(label))
            return result("a loss line's point needs finite coordinates and label");
        p = {(float)x1, (float)x2, (float)label};
    }
    std::vector<float> out(side);
    const std::string e =
        s.loss_line((std::size_t)idx, half_width, side, one ? &p : nullptr, out.data());
    val r = result(e);
    if (!e.empty()) return r;
    r.set("w", (double)s.network().params[idx]);
    r.set("loss", f32_copy(out));
    return r;
}

// The recorded weights (session.h trajectory_data): {ok, count, layout (param_layout), snaps
// (Float32Array copy, count x the parameters)}: a race variant's path, for the page's plane.
inline val trajectory_js(const Session& s) {
    const std::size_t P = s.network().params.size(), m = s.trajectory_count();
    const float* d = s.trajectory_data();
    val r = result("");
    r.set("count", (double)m);
    r.set("layout", param_layout(s.network().spec()));
    r.set("snaps", val(emscripten::typed_memory_view(m * P, d)).call<val>("slice"));
    return r;
}

// Where count snapshots (a Float32Array, count x P) of a network laid out as `layout` lie on the
// current plane: {ok, error, path (Float32Array copy, alpha, beta per snapshot)}.
inline val landscape_project_js(const Session& s, val snaps, double count,
                                const std::string& layout) {
    if (!snaps.instanceof (val::global("Float32Array")))
        return result("landscapeProject takes the snapshots as a Float32Array");
    int m = 0;
    if (!int_arg(count, 1, kMaxTrajectorySnapshots, m))
        return result(bad_int("snapshot count", count, 1, kMaxTrajectorySnapshots));
    const double len = snaps["length"].as<double>();
    if (std::fmod(len, m) != 0)
        return result("landscapeProject: " + std::to_string((long long)len) + " numbers are not " +
                      std::to_string(m) + " equal snapshots");
    const std::vector<float> v = emscripten::convertJSArrayToNumberVector<float>(snaps);
    std::vector<float> out;
    const std::string e = s.landscape_project(v.data(), (std::size_t)m, v.size() / m, layout, out);
    val r = result(e);
    if (e.empty()) r.set("path", f32_copy(out));
    return r;
}

} // namespace bp
