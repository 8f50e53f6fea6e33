// model_state.h: the "state" member of a model JSON (model_io.h): what a resumed run needs beyond
// the weights, so that training N epochs, saving, loading and training M more gives the bits of
// N + M epochs in one run, for every optimizer:
//   "state": {"optimizer": "adam",                 (must be the config's optimizer)
//             "step": 30, "beta1Power": 0.0423..., "beta2Power": 0.970...,   (Adam only; the
//                                       powers as exact doubles, %.17g)
//             "position": 0,            (next sample of the epoch)
//             "carriedSamples": 0,      (samples whose gradients wait for the next update)
//             "dropoutStream": [u32, u32, u32, u32],   (the dropout generator's position)
//             "m": "<base64>", "v": "<base64>",   (one float32 per parameter, little-endian
//                                       bytes, in the engine's flat order: each layer's W (row
//                                       by row, as "layers" writes it) then b, layer after
//                                       layer, then every batch-norm gamma and beta; m for
//                                       momentum, Nesterov and Adam, v for RMSProp and Adam)
//             "carriedGradients": "<base64>",  (when carriedSamples > 0: their gradient sums)
//             "deadWeights": "<base64>"}  (L1's dead weights when any: bit k % 8, lowest first,
//                                       of byte k / 8 marks parameter k)
// Base64 rather than decimal lists: exact by construction, 5.3 characters a number where decimal
// takes ~12, and one JSON value per buffer, so the largest network's state (16 x 256, Adam, a
// carried batch) adds 17 MB to its 12.3 MB of weights (model_limits.h).
// A file without "state" (written before it existed) loads as before: fresh optimizer state.
#pragma once
#include "json_reader.h"
#include "session.h"
#include <string>

namespace bp {

// Appends ",\n  \"state\": {...}" for s to o.
void append_state_json(const Session& s, std::string& o);
// Restores doc's "state" into s (freshly loaded by set_state); no message or an error naming the
// member (model.*, restore.*).
Message read_state_json(const JsonValue& doc, Session& s);

} // namespace bp
