// session.h: the one object the page (and the CLI) drives: config, data, network, optimizer.
// Training follows TensorFlow Playground: an epoch is one pass over the training set in its fixed
// order (shuffled once when the data is made); an update after every batch_size samples counted
// within the epoch; leftover samples at the end of an epoch carry their gradients into the next
// epoch's first update. A batch larger than the training set is clamped to it.
// After warm-up, training and grid evaluation allocate nothing.
// Training forwards use Pass::Train (batch statistics, a dropout mask drawn from the seed's
// "dropout" stream, one draw per hidden unit and sample, restarted by reset()); everything else,
// metrics, the grid, trace, health and predictions, is evaluation mode (running statistics, no
// dropout), as PyTorch's model.eval() would compute it.
// Files: session.cpp (build, data), session_train.cpp (train), session_eval.cpp (losses, metrics,
// grid), session_probe.cpp (trace, gradient check, health, predictions), session_edit.cpp
// (weights, points and loaded state), session_nearest.cpp (the nearest buildable session of a
// refused link), session_landscape.cpp (the loss landscape and the trajectory it draws).
#pragma once
#include "../config/config.h"
#include "../config/config_codec.h"
#include "../data/columns.h"
#include "../data/dataset.h"
#include "../data/features.h"
#include "../engine/network.h"
#include "../engine/optimizer.h"
#include "../engine/rng.h"
#include "landscape.h"
#include "model_spec.h"
#include <memory>
#include <string>
#include <vector>

namespace bp {

constexpr int kMaxGridSide = 512;
constexpr std::size_t kMaxGridFloats = std::size_t(1) << 25; // 128 MiB of float

// One sample through the net, from the code path that trains (Network::forward/backward), in
// evaluation mode (no dropout; batch norm with running statistics, as the grid shows it).
struct SampleTrace {
    std::vector<float> input, target; // [features], [outputs]
    std::vector<float> z, a, delta;   // per neuron, hidden then output; delta = dL/dz
    std::vector<float> u, h;          // per neuron: activation input (BN(z), else z) and output
                                      // f(u) (a differs from h only by a residual skip)
    double loss = 0;
    std::vector<float> grad;     // dL/dparam for this sample alone (params layout)
    std::vector<float> reg_term; // rate * R'(w) per weight (0 for biases)
    // One optimizer update with this sample's gradient alone (what "update" shows):
    std::vector<float> params_before, params_after, m_before, v_before, m_after, v_after;
    long t_after = 0;                                  // Adam step count after the update
    double bias_correction1 = 1, bias_correction2 = 1; // 1 - beta^t after the update (Adam)
};

struct LayerHealth {
    double grad_norm = 0;         // ||dL/dW|| of the layer on the probe batch (mean gradient)
    double inactive_fraction = 0; // ReLU: share of units 0 on every probe point (dead);
                                  // tanh/sigmoid: share of outputs saturated (|a| > 0.99 /
                                  // a < 0.01 or > 0.99); other activations: 0
    double stuck_fraction = 0;    // output layer (tanh/sigmoid, squared or absolute error):
                                  // share of probe points saturated on the wrong side of
                                  // their target (gradient ~0: training stalls); else 0
};

// What training holds beyond the weights, so a saved run resumes bit for bit (model_io.h's
// "state"): the optimizer's buffers and step, L1's dead weights, the place in the epoch with the
// gradient sums of samples carried into the next update, and the dropout stream.
struct TrainingState {
    OptimizerState<float> opt;      // m, v: one entry per parameter (params layout)
    std::vector<uint8_t> dead;      // one per parameter; 1 only on weights
    int position = 0;               // next sample of the epoch, 0..train size - 1
    int carried = 0;                // samples whose gradients wait for the next update
    std::vector<float> carried_sum; // their gradient sums (params layout; empty when carried 0)
    Rng::State dropout{{1, 0, 0, 0}};
};

struct Metrics {
    double train_loss = 0, test_loss = 0;           // mean per-sample loss
    double train_accuracy = -1, test_accuracy = -1; // fraction correct; -1 for regression
    // Confusion counts, row-major [true class][predicted class], K x K (binary: class 0 is
    // label -1, class 1 is +1); empty for regression.
    std::vector<long> train_confusion, test_confusion;
};

class Session {
  public:
    // nullptr and a message in `error` when the config cannot be built.
    static std::unique_ptr<Session> create(const Config& c, Message& error);
    static std::unique_ptr<Session> create(const Config& c, std::string& error); // its English
    // For a page's first load, where a refused link would leave nothing to show: the nearest
    // session the hash allows. The key each problem names is dropped from the hash (so it takes
    // its default), one at a time and checked again, until the config builds; a custom dataset
    // whose points were all refused is dropped too (nothing would train). `dropped`: each key with
    // why; `parsed`: the parse of the hash that was built. nullptr (and `error`) only when no
    // drop helps.
    static std::unique_ptr<Session> create_nearest(const std::string& hash, ParseResult& parsed,
                                                   std::vector<ConfigIssue>& dropped,
                                                   Message& error);
    static std::unique_ptr<Session> create_nearest(const std::string& hash, ParseResult& parsed,
                                                   std::vector<ConfigIssue>& dropped,
                                                   std::string& error); // its English

    const Config& config() const { return cfg_; }
    const ModelSpec& model() const { return model_; }
    Network<float>& network() { return net_; }
    const Network<float>& network() const { return net_; }
    const Dataset& data() const { return data_; }
    const std::vector<Feature>& features() const { return feats_; }
    // Column data (Iris): the input columns' names, the network's inputs in order; empty for
    // plane data, whose inputs are features(). The plot shows columns axis_x() x axis_y() and
    // holds every other column at its slice() value: the medians over all points, until
    // set_slice changes them (one value per column; the axes' entries are not used).
    const std::vector<std::string>& columns() const { return data_.columns; }
    std::size_t n_inputs() const { return columns().empty() ? feats_.size() : columns().size(); }
    int axis_x() const { return data_.axis_x; }
    int axis_y() const { return data_.axis_y; }
    const std::vector<float>& slice() const { return slice_; }
    // Returns "" or an error (column data only, one finite value per column in [-1e6, 1e6]).
    std::string set_slice(const std::vector<float>& values);
    // The two columns the plot shows (0-based, different, column data only): the points' x1, x2
    // become those columns (training is unchanged: its inputs are all the columns). Kept when the
    // data is made again (regenerate). Returns "" or an error; on error nothing changes.
    std::string set_axes(int axis_x, int axis_y);
    // The network inputs training sees for sample `index` (0-based, in range) of the training
    // or test set: n_inputs() floats into f.
    void sample_inputs(bool test, int index, float* f) const;

    void train_epochs(int n);
    // Runs up to the next weight update (or to the end of the epoch, which then carries), n times
    // (fewer once the run diverges). Returns the number of samples processed.
    long train_batches(int n);
    int train_batch() { return (int)train_batches(1); }

    long epoch() const { return epoch_; }     // completed epochs
    long updates() const { return updates_; } // weight updates so far
    int position() const { return pos_; }     // next sample index within the epoch
    const Metrics& metrics();                 // losses after the latest change (cached)
    // The same losses in slices, for networks whose full pass is longer than a frame (16 x 256:
    // ~27 ms): begin copies the weights; each step evaluates whole chunks of at least max_points
    // more points (train, then test) with that copy and returns true once all are done, with
    // the copy's metrics in out, equal to what metrics() gave when begin ran (same chunks in the
    // same order). Training may go on between steps; a data change restarts the pass.
    void metrics_slices_begin();
    bool metrics_slices_step(int max_points, Metrics& out);
    long metrics_slices_epoch() const { return slice_epoch_; }
    long metrics_slices_updates() const { return slice_updates_; }
    const Network<float>* metrics_slices_network() const { return slice_net_.get(); }

    // Rows: every input (active feature or column), then every hidden and output neuron; each
    // row an N x N image, row-major from the top-left (x = -6, y = +6) to the bottom-right
    // (x = +6, y = -6). Column data: the plane is the slice (see slice()).
    std::size_t grid_rows() const { return n_inputs() + (std::size_t)net_.total_neurons(); }
    // Returns "" or an error (bad N, buffer too large). out holds grid_rows() * N * N floats.
    std::string eval_grid(int N, float* out);
    // Only the grid rows [r0, r1) of every image (the rest of out is left as it was), so a big
    // network's heatmaps can be refreshed a few rows per frame; the same bits as eval_grid.
    std::string eval_grid_rows(int N, int r0, int r1, float* out);

    // Trace of one data point (test = false: training set) or of a free point (x1, x2, label).
    std::string trace(bool test, int index, SampleTrace& out);
    std::string trace_point(float x1, float x2, float label, SampleTrace& out);
    // Backprop vs float64 central differences on the next batch of the epoch.
    std::string grad_check(double& max_rel_error, std::string& where, std::size_t& checked,
                           std::size_t& skipped);
    // Gradient norm and inactive-unit fraction per layer, on up to 64 training points.
    std::vector<LayerHealth> health();
    // True once an update produced a non-finite weight: that update was undone (the weights are
    // the last finite ones) and training refuses to continue until reset() or a new config.
    bool diverged() const { return diverged_; }

    std::string set_weight(int layer, int to, int from, double value);
    std::string set_bias(int layer, int neuron, double value);
    void set_learning_rate(double lr); // applies live, as in TensorFlow Playground
    // Applies the live keys of c (those not Live::Rebuild in config_schema.h: learning rate,
    // optimizer and its parameters, stop conditions, speed, display flags) without touching
    // weights, data or position in the epoch; the optimizer's state restarts when the optimizer
    // changes. Returns "" or why c differs in more.
    std::string set_training(const Config& c);

    // User data (CSV, clicks): labels must be 0/1 or -1/+1 (binary; 0 becomes -1), class indices
    // 0..K-1 for K >= 3 classes (-1 becomes 0; the config's "classes" becomes K, so the points of
    // a generated multi-class set become the user's own), or finite reals (regression). Shuffled
    // and split by the config's seed and percTrainData; the dataset becomes "custom" and the points
    // go into the config (so into the hash) when they fit kMaxHashPointsBytes. Returns "" or an
    // error; on error the current data is kept.
    Message set_points(const std::vector<Point>& pts);
    // The user's column data (a CSV of 3 or more feature columns): names, values row-major
    // [rows][columns] and one label per row (mapped as set_points maps them). The config must
    // already say dataset=custom and columns = the number of columns (user_data.h's
    // config_for_data makes it). The data stays out of the hash (links carry "columns" only);
    // with "standardize" each column is made mean 0, variance 1 over all rows. Returns "" or an
    // error naming the row; on error the current data is kept.
    Message set_columns(const std::vector<std::string>& names, const std::vector<float>& values,
                        const std::vector<float>& labels);
    // The user's column data as given (raw values, mapped labels); empty without.
    const ColumnTable& user_columns() const { return *user_table_; }
    // The user's class names (a CSV's text labels), one per class; "" when the count is not the
    // number of classes. Shown in the legend (Dataset::class_names); carried by links
    // ("classNames") when the hash can hold them exactly.
    Message set_class_names(const std::vector<std::string>& names);
    const std::vector<std::string>& class_names() const { return class_names_; }
    bool names_in_hash() const { return class_names_ == cfg_.class_names; }
    // The user's points in the order given (before the split); empty for generated datasets.
    const std::vector<Point>& custom_points() const { return custom_points_; }
    // False when the user's data is not in the hash: points too many for it, or column data
    // (a link would not carry them).
    bool points_in_hash() const {
        return (custom_points_.empty() && cfg_.columns == 0) || !cfg_.points.empty();
    }

    // Outputs (evaluation mode) at points (x1, x2) of the plane (column data: of the slice): out
    // gets n_outputs() values per point.
    void predict(const std::vector<float>& x1, const std::vector<float>& x2,
                 std::vector<float>& out) const;
    // Replaces every parameter and the batch-norm running statistics (a loaded model): sizes must
    // match the network, values be finite. Optimizer state, the position in the epoch and the
    // dropout stream start afresh, as after reset(); the epoch and update counters are set (they
    // are what the model's history says). Returns no message or an error (restore.*); on error
    // nothing changes.
    Message set_state(const std::vector<float>& params, const std::vector<float>& bn_mean,
                      const std::vector<float>& bn_var, long epoch = 0, long updates = 0);

    // The state a resumed run needs (see TrainingState) and its restoring, after set_state: sizes
    // must match the network, numbers be finite (v >= 0), position and carried fit the data and
    // batch, dead entries be weights. Returns no message or an error (restore.*); on error nothing
    // changes.
    TrainingState training_state() const;
    Message set_training_state(const TrainingState& t);

    // The loss landscape (landscape.h, session_landscape.cpp). Its loss is the training loss
    // metrics() reports (evaluation mode, mean per-sample loss, no regularization term).
    // begin fixes a plane centred on the current weights (copied, with the batch-norm running
    // statistics): random filter-normalized directions from the seed's "landscape" stream, or the
    // trajectory's principal directions; span 0 picks it (random: 1, Li et al.'s range; pca: the
    // trajectory with a margin). rows evaluates plane rows [r0, r1) into out (n * n floats,
    // row-major, see plane_coord), so the page can spread a plane over frames; training may go on
    // between calls. Each returns "" or an error.
    std::string landscape_begin(PlaneDirections dirs, int n, double span);
    std::string landscape_rows(int r0, int r1, float* out);
    const LandscapePlane& landscape() const { return plane_; }
    // Moves the weights to the plane's point (alpha, beta), optimizer state kept (as set_weight).
    std::string landscape_move(double alpha, double beta);
    // The loss as a function of parameter k alone, over n points evenly from w - half_width to
    // w + half_width (w its current value): of the training set (point == nullptr) or of one point
    // (its loss, the one trace() differentiates). out: n floats.
    std::string loss_line(std::size_t k, double half_width, int n, const Point* point, float* out);
    // Recorded weights: every completed epoch since the last reset or loaded state (epoch 0
    // included), thinned to every other one when kMaxTrajectorySnapshots are kept.
    std::size_t trajectory_count() const { return traj_count_; }
    // Those weights: trajectory_count() snapshots of params().size() floats, oldest first.
    const float* trajectory_data() const { return traj_.data(); }
    // Where count snapshots of P weights of a network laid out as `layout` (param_layout), e.g. a
    // race variant's trajectory, lie on the current plane: out = [count][2] (alpha, beta), least
    // squares as the plane's own path. Refused, naming both layouts, when they differ.
    std::string landscape_project(const float* snaps, std::size_t count, std::size_t P,
                                  const std::string& layout, std::vector<float>& out) const;

    void reset();                             // same seed: the same initial weights
    void regenerate(const std::string& seed); // new data with this seed; the network is kept

  private:
    Session() : net_(NetSpec{1, {1}, {Activation::Linear}, Loss::Square, 0.01}) {}
    void build_data();
    // A user label as this session's classes read it (binary: -1/+1, K classes: 0..K-1), or an
    // error naming `what` (e.g. "point 3").
    Message map_label(float& label, const Message& what) const;
    // Network inputs [n_inputs()][n] for n positions of the plane: the features of (x1, x2), or
    // for column data the slice with the axes at (x1, x2).
    void plane_inputs(const float* x1, const float* x2, std::size_t n, float* out) const;
    static OptimizerParams optimizer_params(const Config& c);
    // forward + backward of train columns [start, start+count)
    void run_chunk(int start, int count, Pass pass, Network<float>::SgdStep* step = nullptr);
    // The optimizer's step, the divergence guard and the count's reset; stepped: the step was
    // already taken layer by layer during backward (finite: its guard's verdict).
    void update(bool stepped = false, bool finite = true);
    struct EvalSum {
        double sum = 0;
        long correct = 0;
        std::vector<long> confusion;
    };
    // Adds points [from, to) (from a multiple of the evaluation chunk) to acc, evaluated by net.
    void evaluate_range(Network<float>& net, const xt::xtensor<float, 2>& x,
                        const xt::xtensor<float, 2>& y, const std::vector<Point>& pts, int from,
                        int to, EvalSum& acc);
    void finish_eval(const EvalSum& acc, int n, double& loss, double& accuracy,
                     std::vector<long>& confusion) const;
    void evaluate(const xt::xtensor<float, 2>& x, const xt::xtensor<float, 2>& y,
                  const std::vector<Point>& pts, double& loss, double& acc,
                  std::vector<long>& confusion);

    Config cfg_;
    ModelSpec model_;
    std::vector<Feature> feats_;
    Dataset data_;
    std::vector<Point> custom_points_; // labels mapped (binary: -1/+1)
    std::shared_ptr<const ColumnTable> user_table_ = std::make_shared<const ColumnTable>();
    std::vector<std::string> class_names_;                      // the user's class names
    xt::xtensor<float, 2> train_x_, test_x_, train_y_, test_y_; // [rows][round4(n) + 4]
    Network<float> net_;
    OptimizerParams opt_;
    OptimizerState<float> ost_;
    std::vector<float> yb_; // batch targets [n_out][capacity]
    void apply_preset_weights();
    void compute_trace(const float* features, float label, SampleTrace& out);
    std::vector<float> backup_; // params before the latest update (divergence guard)
    // The divergence guard of plain SGD's step inside backward (step_fused): no copy per update
    // (at 16 x 256 it was 4 MB written per batch of 10, ~7 % of an epoch); instead, once per
    // training call, the params and what decides the batches after them (position, epoch,
    // updates, the dropout stream). A failed update restores them and trains the batches since
    // again, which gives the same bits (nothing else changes within one call), so the net keeps
    // exactly the weights from before the failed update, as with the copy.
    struct Snapshot {
        std::vector<float> params;
        int pos = 0;
        long epoch = 0, updates = 0;
        Rng drop_rng{uint64_t(0)};
        bool valid = false;
    } snap_;
    int batch_boundary(int pos) const;
    int next_batch();
    void step_fused(int start, int count);
    void replay_to(long updates);
    std::vector<float> bn_backup_mean_,
        bn_backup_var_;         // running statistics after the last good update
    Rng drop_rng_{uint64_t(0)}; // the "dropout" stream
    bool diverged_ = false;
    int pos_ = 0, accum_ = 0;
    long epoch_ = 0, updates_ = 0;
    Metrics metrics_;
    bool metrics_valid_ = false;
    std::unique_ptr<Network<float>> slice_net_; // the weights a sliced loss pass evaluates
    EvalSum slice_train_, slice_test_;
    int slice_pos_ = 0; // points done: train first, then test
    std::size_t slice_n_train_ = 0, slice_n_test_ = 0;
    long slice_epoch_ = 0, slice_updates_ = 0;
    int grid_n_ = 0;
    std::vector<float> grid_x_; // [inputs][N*N]
    std::vector<float> slice_;  // column data: the plot's slice, one value per column
    int axes_[2] = {-1, -1};    // the user's plot axes (set_axes); -1: the dataset's own
    void apply_axes();
    void record_trajectory(bool restart);
    LandscapePlane plane_;
    std::unique_ptr<Network<float>> plane_net_; // the plane's copy of the network
    std::vector<float> traj_;                   // [traj_count_][params]
    std::size_t traj_count_ = 0;
    long traj_stride_ = 1; // epochs between snapshots
};

} // namespace bp
