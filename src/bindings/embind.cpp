// embind.cpp: the WebAssembly API, and the only file that includes <emscripten/bind.h>.
// Coarse by design (docs/ARCHITECTURE.md, engine rules): one call trains n epochs or n batches, one
// call fills every neuron's grid; bulk data crosses as Float32Array views over wasm memory (zero
// copy; a view is valid until the next call that may grow memory: take it again after every call).
// Errors never abort: every call that can fail returns an {ok, error, ...} object (one convention;
// web/engine.js turns a refusal into a thrown Error), and a Playground with no loaded session
// answers every call with "no network is loaded". JS owns each Playground and must call .delete()
// on it (web/engine.js does, in dispose()). The class is in playground.h; the conversions in
// js_args.h (checks, results), js_values.h (config, catalog), session_js.h (a session's answers),
// landscape_js.h (the loss landscape) and model_api.h (exports).
#include "config/config_codec.h"
#include "config/config_schema.h"
#include "js_args.h"
#include "js_values.h"
#include "landscape_js.h"
#include "model_api.h"
#include "playground.h"
#include "session/model_io.h"
#include "session/session.h"
#include "session_js.h"
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <memory>

using namespace emscripten;
using namespace bp;

EMSCRIPTEN_BINDINGS(backprop_playground) {
    enum_<Activation>("Activation")
        .value("ReLU", Activation::ReLU)
        .value("Tanh", Activation::Tanh)
        .value("Sigmoid", Activation::Sigmoid)
        .value("Linear", Activation::Linear)
        .value("LeakyReLU", Activation::LeakyReLU)
        .value("Softmax", Activation::Softmax);
    function("parseHash", &parse_hash_js);
    function("catalog", &catalog_js);
    function("datasetPreview", &dataset_preview_js);
    function("variantPlan", &variant_plan_js);
    function("csvPreview", &Playground::csv_preview);
    class_<Playground>("Playground")
        .constructor<>()
        .function("load", &Playground::load)
        .function("loadNearest", &Playground::load_nearest)
        .function("loaded", &Playground::loaded)
        .function("hash", &Playground::hash)
        .function("config", &Playground::config)
        .function("trainEpochs", &Playground::train_epochs)
        .function("trainBatches", &Playground::train_batches)
        .function("metrics", &Playground::metrics)
        .function("gridRows", &Playground::grid_rows)
        .function("evalGrid", &Playground::eval_grid)
        .function("evalGridRows", &Playground::eval_grid_rows)
        .function("metricsSliceBegin", &Playground::metricsSliceBegin)
        .function("metricsSlice", &Playground::metricsSlice)
        .function("params", &Playground::params)
        .function("points", &Playground::points)
        .function("layers", &Playground::layers)
        .function("features", &Playground::features)
        .function("setWeight", &Playground::set_weight)
        .function("setBias", &Playground::set_bias)
        .function("reset", &Playground::reset)
        .function("regenerate", &Playground::regenerate)
        .function("loadCsv", &Playground::load_csv)
        .function("loadCsvColumns", &Playground::load_csv_columns)
        .function("setPoints", &Playground::set_points)
        .function("slice", &Playground::slice)
        .function("setSlice", &Playground::set_slice)
        .function("setAxes", &Playground::set_axes)
        .function("customPoints", &Playground::custom_points)
        .function("setTraining", &Playground::set_training)
        .function("trace", &Playground::trace)
        .function("tracePoint", &Playground::trace_point)
        .function("gradCheck", &Playground::grad_check)
        .function("health", &Playground::health)
        .function("modelJson", &Playground::model_json)
        .function("loadModelJson", &Playground::load_model_json)
        .function("exportCode", &Playground::export_code)
        .function("landscapeBegin", &Playground::landscape_begin)
        .function("landscapeRows", &Playground::landscape_rows)
        .function("landscapeMove", &Playground::landscape_move)
        .function("trajectory", &Playground::trajectory)
        .function("landscapeProject", &Playground::landscape_project)
        .function("lossLine", &Playground::loss_line)
        .function("trajectoryCount", &Playground::trajectory_count);
}
