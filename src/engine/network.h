// network.h: a fully connected network over ONE contiguous parameter buffer and ONE gradient buffer
// (docs/ARCHITECTURE.md, engine rules); every layer is a view into them. Layout: W0, b0, W1, b1,
// ..., W_out, b_out, then (batch norm only) gamma0, beta0, gamma1, beta1, ... per hidden layer, so
// that switching batch norm on never moves a weight. W is [n_out][n_in], b, gamma, beta are
// [n_out]. Batches are feature-major ([neurons][cap], a column per sample, cap a multiple of 4) so
// the batch fills SIMD lanes. forward() keeps every layer's z and a, backward() every layer's dz =
// dL/dz, so a single sample can be traced (step-through mode) from the same code path that trains.
// Templated on the scalar: float in the product, double in gradient checks. A hidden layer l
// computes (pieces off unless the spec asks for them):
//   z = W a_{l-1} + b;  u = BN(z) (batch norm);  h = f(u);  a_l = mask * h (dropout, training
//   only) + a_{l-1} (residual: only when hidden layers l and l-1 have the same width; layer 0,
//   fed by the inputs, and the output layer never have a skip). Dropout sits on the branch, so the
//   skip path is never dropped. The output layer is z = W a + b, a = f(z).
// Pass::Train uses batch statistics (and updates the running ones) and the dropout mask last drawn
// by draw_dropout(); Pass::Eval uses running statistics and no dropout. The grid (forward_into) is
// always Eval. Running statistics are state, not parameters: bn_mean/bn_var, [hidden neurons].
#pragma once
#include "kinds.h"
#include "optimizer.h"
#include <cstddef>
#include <cstdint>
#include <vector>
#include <xtensor/xtensor.hpp>

namespace bp {

class Rng;

struct LayerInfo {
    int n_in = 0, n_out = 0;
    std::size_t w_off = 0, b_off = 0; // offsets into params/grads
    Activation act = Activation::Tanh;
    bool hidden = false;
    bool bn = false;                     // batch norm on this layer (hidden only)
    std::size_t g_off = 0, beta_off = 0; // gamma and beta offsets when bn
    bool skip = false;                   // residual: a_l += a_{l-1}
};

struct NetSpec {
    int n_inputs = 2;
    std::vector<int> sizes;              // hidden sizes then the output size
    std::vector<Activation> activations; // one per entry of sizes (the last is the output's)
    Loss loss = Loss::Square;            // resolved (never Auto)
    double leaky_alpha = 0.01;
    double dropout = 0;      // rate on hidden layers, training only
    bool batch_norm = false; // on hidden layers
    bool residual = false;   // skips between equal-width hidden layers
};

enum class Pass { Train, Eval };

template <class T> class Network {
  public:
    explicit Network(const NetSpec& spec);

    const NetSpec& spec() const { return spec_; }
    const std::vector<LayerInfo>& layers() const { return layers_; }
    int num_layers() const { return (int)layers_.size(); }
    int n_inputs() const { return spec_.n_inputs; }
    int n_outputs() const { return layers_.back().n_out; }
    int total_neurons() const { return total_neurons_; } // hidden + output (inputs not counted)
    int hidden_neurons() const { return hidden_neurons_; }

    xt::xtensor<T, 1> params, grads; // same layout
    std::vector<uint8_t> is_weight;  // 1 for W entries (regularized), 0 for biases, gamma, beta
    std::vector<uint8_t> dead;       // L1 "dead" weights (frozen until reset)
    std::vector<T> bn_mean, bn_var;  // running statistics [hidden neurons] (empty without bn)

    // Makes room for batches of up to `cap` columns (rounded up to a multiple of 4); allocates only
    // when the capacity grows.
    void reserve(int cap);
    int capacity() const { return cap_; }

    // gamma = 1, beta = 0, running mean 0 and variance 1 (PyTorch's and Keras's initial state).
    void reset_state();
    // Draws the dropout mask of the next Train forward of B columns from rng: hidden layer by
    // layer, neuron by neuron, sample by sample, one uniform_f() each (kept when >= rate). No-op at
    // rate 0.
    void draw_dropout(Rng& rng, int B);

    // x: [n_inputs][ld_x], columns [0, B). Fills z(l), a(l) for columns [0, round4(B)).
    void forward(const T* x, std::size_t ld_x, int B, Pass pass = Pass::Train);
    // Adds dL/dparams summed over columns [0, B) of the last forward (in that forward's pass) to
    // grads; y: [n_out][capacity()]. With step (plain SGD, no batch norm, grads zero on entry, the
    // batch whole in this call), each layer's W and b also take their SGD step (optimizer.h's
    // sgd_step_guarded, so the same bits as one step over the whole buffer after backward) as soon
    // as that layer's gradients are final, while its W and gradients are still in cache: at
    // 16 x 256 (4 MB of weights) the separate pass re-read both from memory.
    struct SgdStep {
        const OptimizerParams* opt;
        int count;          // samples summed in grads (the batch)
        bool finite = true; // every stepped weight finite (else the caller restores the weights:
                            // no copy is kept here, Session keeps a snapshot per call)
    };
    void backward(const T* x, std::size_t ld_x, const T* y, int B, SgdStep* step = nullptr);
    // Sum over columns [0, B) of the per-sample loss of the last forward (accumulated in double).
    double loss_sum(const T* y, int B) const;

    // Every neuron's output (Eval pass) for `count` columns of x, written to out:
    // [total_neurons][ld_out], rows in layer order. No allocation; out is caller-provided.
    void forward_into(const T* x, std::size_t ld_x, int count, T* out, std::size_t ld_out) const;

    T* z(int l) { return z_.data() + row_off_[l] * cap_; }
    T* a(int l) { return a_.data() + row_off_[l] * cap_; }
    T* dz(int l) { return dz_.data() + row_off_[l] * cap_; }
    T* da(int l) { return da_.data() + row_off_[l] * cap_; }
    const T* a(int l) const { return a_.data() + row_off_[l] * cap_; }
    const T* z(int l) const { return z_.data() + row_off_[l] * cap_; }
    // Input of the activation: u = BN(z) with batch norm, else z.
    const T* pre_act(int l) const { return layers_[l].bn ? u_.data() + row_off_[l] * cap_ : z(l); }
    // Output of the activation before dropout and the skip: h = f(u) (a(l) when neither applies).
    const T* act_out(int l) const { return needs_h(l) ? h_.data() + row_off_[l] * cap_ : a(l); }

    void zero_grads() { std::fill(grads.data(), grads.data() + grads.size(), T(0)); }

  private:
    bool dropout_on(int l) const { return layers_[l].hidden && spec_.dropout > 0; }
    bool needs_h(int l) const { return dropout_on(l) || layers_[l].skip; }
    T* rows(std::vector<T>& v, int l) { return v.data() + row_off_[l] * cap_; }
    void hidden_backward(int l, T* da_l, Pass pass, int B, int Bp);

    NetSpec spec_;
    std::vector<LayerInfo> layers_;
    std::vector<std::size_t> row_off_; // first row of layer l in the per-neuron blocks
    int total_neurons_ = 0, hidden_neurons_ = 0, cap_ = 0;
    Pass last_pass_ = Pass::Train;
    // Per-neuron blocks [total_neurons][cap]: z, a, dz, da = dL/da; h, u, xhat, mask only when
    // dropout / residual / batch norm need them.
    std::vector<T> z_, a_, dz_, da_, h_, u_, xhat_, mask_;
    std::vector<T> bmean_, bvar_, binv_; // [hidden neurons]: statistics used by the last forward
    mutable std::vector<T> grid_inv_;    // [hidden neurons]: forward_into's 1/sqrt(var + eps)
};

extern template class Network<float>;
extern template class Network<double>;

inline int round4(int n) {
    return (n + 3) & ~3;
}

} // namespace bp
