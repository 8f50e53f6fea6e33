// model_spec.h: how a Config becomes a network: inputs = active features (column data: its
// columns), hidden layers with their
// activations, and the output (size, activation, loss) resolved from problem, dataset and loss
// keys:
//   multi-class (K >= 3): K softmax outputs, softmax cross-entropy (loss auto or softmax)
//   bce: 1 sigmoid output, labels -1/+1 become targets 0/1
//   square / abs / auto otherwise: 1 output, tanh (classification) or linear (regression), unless
//   outputActivation says otherwise. Targets are the labels themselves (-1/+1 or real).
// Hidden layers take layerActivations[l] (else activation), and dropout, batchNorm, residual as
// they are (their meaning: engine/network.h).
#pragma once
#include "../config/config.h"
#include "../config/message.h"
#include "../engine/network.h"
#include <string>

namespace bp {

struct ModelSpec {
    NetSpec net;
    int num_classes = 2; // 0 regression, 2 binary, K multi-class
};

// Fills spec from c; returns no message or an error naming the keys at fault.
Message build_model_spec(const Config& c, ModelSpec& spec);

// The loss a config trains with (loss=auto resolved) and its output layer's activation, as above.
Loss loss_in_force(const Config& c);
Activation output_in_force(const Config& c);

// Target values for one label into column s of y ([n_out][ld]).
void write_target(const ModelSpec& m, float label, float* y, std::size_t ld, int s);

} // namespace bp
