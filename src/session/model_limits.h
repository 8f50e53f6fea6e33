// model_limits.h: how large a model JSON can honestly be, so a reader can refuse padding before
// parsing it. The largest network the config allows (config.h: 16 hidden layers of 256, up to 7
// input features, at most 256 outputs as a generous stand-in for the class count) has at most
// kMaxModelNumbers numbers (weights, biases and 4 batch-norm vectors per layer). model_to_json
// writes each in at most 15 characters ("-1.23456789e-05") plus ", ", and its 16 x 256 file is
// 12.3 MB; kMaxModelJsonBytes allows 24 bytes a number so a re-indented copy still loads
// (26.7 MB), and kMaxModelValues bounds the tree the reader builds to that many values.
#pragma once
#include "../config/config.h"
#include "../data/features.h"
#include <cstddef>

namespace bp {

constexpr std::size_t kMaxModelNumbers =
    (std::size_t)(kNumFeatureKinds + 4) * kMaxNeurons +                     // first layer
    (std::size_t)(kMaxHiddenLayers - 1) * (kMaxNeurons + 4) * kMaxNeurons + // hidden to hidden
    (std::size_t)(kMaxNeurons + 1) * kMaxNeurons;                           // output layer
constexpr std::size_t kMaxModelJsonBytes = kMaxModelNumbers * 24 + (std::size_t(1) << 20);
// every number, plus one array per row and the objects and strings around them
constexpr std::size_t kMaxModelValues = kMaxModelNumbers + (kMaxHiddenLayers + 1) * 300 + 1000;

} // namespace bp
