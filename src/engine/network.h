// network.h: a fully connected network over ONE contiguous parameter buffer and ONE gradient buffer
// (design principle 2); layer l's W [n_out][n_in] and b [n_out] are views into them, stored
// W0, b0, W1, b1, ... The page draws every weight from one typed-array view of `params`.
// Batches are feature-major ([neurons][cap], a column per sample, cap a multiple of 4) so the batch
// fills SIMD lanes. forward() keeps every layer's z and a, backward() every layer's dz = dL/dz, so
// a single sample can be traced (step-through mode) from the same code path that trains. Templated
// on the scalar: float in the product, double in gradient checks.
#pragma once
#include "../config/config.h"
#include <cstddef>
#include <cstdint>
#include <vector>
#include <xtensor/xadapt.hpp>
#include <xtensor/xtensor.hpp>

namespace bp {

struct LayerInfo {
    int n_in = 0, n_out = 0;
    std::size_t w_off = 0, b_off = 0; // offsets into params/grads
    Activation act = Activation::Tanh;
};

struct NetSpec {
    int n_inputs = 2;
    std::vector<int> sizes;              // hidden sizes then the output size
    std::vector<Activation> activations; // one per entry of sizes (the last is the output's)
    Loss loss = Loss::Square;            // resolved (never Auto)
    double leaky_alpha = 0.01;
};

template <class T> class Network {
  public:
    explicit Network(const NetSpec& spec);

    const NetSpec& spec() const { return spec_; }
    const std::vector<LayerInfo>& layers() const { return layers_; }
    int num_layers() const { return (int)layers_.size(); }
    int n_inputs() const { return spec_.n_inputs; }
    int n_outputs() const { return layers_.back().n_out; }
    int total_neurons() const { return total_neurons_; } // hidden + output (inputs not counted)

    xt::xtensor<T, 1> params, grads; // same layout
    std::vector<uint8_t> is_weight;  // 1 for W entries (regularized), 0 for biases
    std::vector<uint8_t> dead;       // L1 "dead" weights (frozen until reset)

    auto W(int l) {
        const LayerInfo& L = layers_[l];
        return xt::adapt(params.data() + L.w_off, (std::size_t)L.n_in * L.n_out, xt::no_ownership(),
                         std::vector<std::size_t>{(std::size_t)L.n_out, (std::size_t)L.n_in});
    }

    // Makes room for batches of up to `cap` columns (rounded up to a multiple of 4); allocates only
    // when the capacity grows.
    void reserve(int cap);
    int capacity() const { return cap_; }

    // x: [n_inputs][ld_x], columns [0, B). Fills z(l), a(l) for columns [0, round4(B)).
    void forward(const T* x, std::size_t ld_x, int B);
    // Adds dL/dparams summed over columns [0, B) of the last forward to grads; y:
    // [n_out][capacity()].
    void backward(const T* x, std::size_t ld_x, const T* y, int B);
    // Sum over columns [0, B) of the per-sample loss of the last forward (accumulated in double).
    double loss_sum(const T* y, int B) const;

    // Every neuron's output for `count` columns of x, written to out: [total_neurons][ld_out], rows
    // in layer order. No allocation; out is caller-provided.
    void forward_into(const T* x, std::size_t ld_x, int count, T* out, std::size_t ld_out) const;

    T* z(int l) { return z_.data() + row_off_[l] * cap_; }
    T* a(int l) { return a_.data() + row_off_[l] * cap_; }
    T* dz(int l) { return dz_.data() + row_off_[l] * cap_; }
    const T* a(int l) const { return a_.data() + row_off_[l] * cap_; }
    const T* z(int l) const { return z_.data() + row_off_[l] * cap_; }

    void zero_grads() { std::fill(grads.begin(), grads.end(), T(0)); }

  private:
    NetSpec spec_;
    std::vector<LayerInfo> layers_;
    std::vector<std::size_t> row_off_; // first row of layer l in the z/a/dz blocks
    int total_neurons_ = 0, max_width_ = 0, cap_ = 0;
    std::vector<T> z_, a_, dz_, da_;
};

extern template class Network<float>;
extern template class Network<double>;

inline int round4(int n) {
    return (n + 3) & ~3;
}

} // namespace bp
