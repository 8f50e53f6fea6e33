// export_code.h: the trained network as code for real frameworks, and the one entry point the CLI
// and the page use for every export format.
//   pytorch_script: a runnable Python script (torch >= 1.13): nn.Linear / nn.BatchNorm1d layers in
//     the session's shape, its float32 weights and running statistics copied in, the same input
//     features, model.eval(), and the predictions at `points` printed next to the playground's own
//     (embedded) with their largest difference.
//   keras_script: the same for tf.keras (functional API, Dense / BatchNormalization / Activation /
//     Dropout / Add layers, weights through set_weights).
// Both are evaluation-mode models: dropout layers are there (for further training) but inactive,
// batch norm uses the running statistics, residual skips are Add / "+". Every float is written so
// it parses back to the same float32 (float_text.h).
#pragma once
#include "session.h"
#include <string>
#include <utility>
#include <vector>

namespace bp {

using ExportPoint = std::pair<float, float>; // (x1, x2)

// A few points spread over the playground's square, used when none are given.
std::vector<ExportPoint> default_export_points();

std::string pytorch_script(const Session& s, const std::vector<ExportPoint>& points);
std::string keras_script(const Session& s, const std::vector<ExportPoint>& points);

// format "json" (model_io.h), "pytorch" or "keras": "" and the text in `out`, or an error.
std::string export_model(const Session& s, const std::string& format,
                         const std::vector<ExportPoint>& points, std::string& out);

// Parses "x1,x2;x1,x2;..." (1..64 finite points); "" or an error.
std::string parse_export_points(const std::string& text, std::vector<ExportPoint>& out);

} // namespace bp
