// model_io.h: a trained model as JSON, and back. Format (version 1):
//   {"format": "backprop-playground-model", "version": 1,
//    "config": "<the canonical URL hash, seed included>",
//    "inputs": ["x", "y", ...],              (feature keys in order; checked against the config)
//    "loss": "square",                                         (informative)
//    "epoch": 12, "updates": 300,            (optional; restored as the session's counters)
//    "layers": [{"nIn": 2, "nOut": 4, "activation": "tanh", "residual": false,
//                "W": [[...], ...],          ([nOut][nIn], row j = weights into neuron j)
//                "b": [...],
//                "batchNorm": {"gamma": [...], "beta": [...], "runningMean": [...],
//                              "runningVar": [...], "eps": 1e-05}},   (batch-norm layers only)
//               ...],
//    "state": {...}}                         (optional: the optimizer's buffers and step, the
//                                             place in the epoch, dead weights, the dropout
//                                             stream; model_state.h)
// Floats are written so they read back to the same float32 bits (float_text.h), so a loaded model
// predicts bit-identically (grid included). Loading builds a session from "config" (its data
// regenerated from the seed; user points are not stored), sets every parameter and running
// statistic, and restores "state", so training on from the file gives the bits of one
// uninterrupted run; a file without "state" starts its optimizer afresh. Every problem (bad
// JSON, wrong format/version, a config error, a shape or activation that disagrees with the
// config, a number that is not a finite float32) is an error message, never a crash: a coded
// message "model JSON: <why>" (model.json in message_table.h), so the page can say it in its
// language.
#pragma once
#include "session.h"
#include <memory>
#include <string>
#include <string_view>

namespace bp {

std::string model_to_json(const Session& s);
// nullptr and a message in `error` when the text is not a loadable model.
std::unique_ptr<Session> model_from_json(std::string_view text, Message& error);
std::unique_ptr<Session> model_from_json(std::string_view text, std::string& error); // English

} // namespace bp
