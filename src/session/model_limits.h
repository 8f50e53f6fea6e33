// model_limits.h: how large a model JSON can honestly be, so a reader can refuse padding before
// parsing it. The largest network the config allows (config.h: 16 hidden layers of 256, up to 7
// input features, at most 256 outputs as a generous stand-in for the class count) has at most
// kMaxModelNumbers numbers (weights, biases and 4 batch-norm vectors per layer). model_to_json
// writes each in at most 15 characters ("-1.23456789e-05") plus ", ", and its 16 x 256 file is
// 12.3 MB; kMaxModelJsonBytes allows 24 bytes a number so a re-indented copy still loads, plus
// the training state (model_state.h) at its largest: three float32 buffers (Adam's m and v, the
// carried gradient sums) and the dead-weight mask in base64, 17.3 MB (the 16 x 256 Adam file with
// a carried batch is 28.5 MB; the bound 43.9 MB). kMaxModelValues bounds the tree the reader
// builds to that many values (the state adds a dozen: each buffer is one string).
#pragma once
#include "../config/config.h"
#include "../data/features.h"
#include "base64.h"
#include <cstddef>

namespace bp {

constexpr std::size_t kMaxModelNumbers =
    (std::size_t)(kNumFeatureKinds + 4) * kMaxNeurons +                     // first layer
    (std::size_t)(kMaxHiddenLayers - 1) * (kMaxNeurons + 4) * kMaxNeurons + // hidden to hidden
    (std::size_t)(kMaxNeurons + 1) * kMaxNeurons;                           // output layer
constexpr std::size_t kMaxStateBytes =
    3 * base64_size(4 * kMaxModelNumbers) + base64_size(kMaxModelNumbers / 8 + 1) + 4096;
constexpr std::size_t kMaxModelJsonBytes =
    kMaxModelNumbers * 24 + kMaxStateBytes + (std::size_t(1) << 20);
// every number, plus one array per row and the objects and strings around them
constexpr std::size_t kMaxModelValues = kMaxModelNumbers + (kMaxHiddenLayers + 1) * 300 + 1000;

} // namespace bp
