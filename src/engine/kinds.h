// kinds.h: the engine's choices of function: activation, output loss, optimizer, weight
// regularization and weight initialization. The engine's headers switch on these; the config
// (src/config/config.h) includes this header to name them in the URL hash, never the reverse.
#pragma once

namespace bp {

// Softmax works across an output layer's rows and is valid only there (activation.h).
enum class Activation { ReLU, Tanh, Sigmoid, Linear, LeakyReLU, Softmax };
// Auto: chosen from the problem and the dataset by the session (square, or softmax
// cross-entropy for a multi-class dataset).
enum class Loss { Auto, Square, BCE, SoftmaxCE, Abs };
enum class Optimizer { SGD, Momentum, Nesterov, RMSProp, Adam };
enum class Regularization { None, L1, L2 };
enum class Init { Playground, Xavier, He };

} // namespace bp
