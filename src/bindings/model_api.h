// model_api.h: the body of the wasm API's exportCode (embind.cpp registers it), kept apart so
// embind.cpp stays readable. Uses only <emscripten/val.h>; embind.cpp remains the one file that
// includes <emscripten/bind.h>.
#pragma once
#include "session/export_code.h"
#include "session/session.h"
#include <emscripten/val.h>
#include <string>
#include <vector>

namespace bp {

// {ok, error, text, points: [[x1, x2]...], predictions: [[out...]...]}: the export in `format`
// (json | pytorch | keras) and the engine's outputs at the points the scripts print, so the page
// can show them next to what the script will print.
inline emscripten::val export_code_js(const Session& s, const std::string& format) {
    using emscripten::val;
    const std::vector<ExportPoint> pts = default_export_points();
    std::string text;
    const std::string err = export_model(s, format, pts, text);
    val r = val::object();
    r.set("ok", err.empty());
    r.set("error", err);
    r.set("text", text);
    std::vector<float> x1, x2, out;
    for (const ExportPoint& p : pts) {
        x1.push_back(p.first);
        x2.push_back(p.second);
    }
    s.predict(x1, x2, out);
    const std::size_t K = (std::size_t)s.network().n_outputs();
    val ps = val::array(), preds = val::array();
    for (std::size_t k = 0; k < pts.size(); ++k) {
        val xy = val::array(), o = val::array();
        xy.set(0, x1[k]);
        xy.set(1, x2[k]);
        for (std::size_t j = 0; j < K; ++j) o.set(j, out[k * K + j]);
        ps.set(k, xy);
        preds.set(k, o);
    }
    r.set("points", ps);
    r.set("predictions", preds);
    return r;
}

} // namespace bp
