// session.cpp: Session (see session.h): building it from a config, its data, training, metrics
// and the grid.
#include "session.h"
#include "../engine/init.h"
#include <algorithm>
#include <cmath>

namespace bp {
namespace {

std::size_t padded_ld(std::size_t n) {
    return (std::size_t)round4((int)n) + 4;
}

// Features of pts into x ([F][ld], zero padding) and targets into y ([n_out][ld]).
void fill_matrices(const std::vector<Feature>& feats, const ModelSpec& m,
                   const std::vector<Point>& pts, xt::xtensor<float, 2>& x,
                   xt::xtensor<float, 2>& y) {
    const std::size_t n = pts.size(), ld = padded_ld(n), F = feats.size();
    std::vector<float> x1(n), x2(n), tmp(F * n);
    for (std::size_t k = 0; k < n; ++k) {
        x1[k] = pts[k].x1;
        x2[k] = pts[k].x2;
    }
    compute_features(feats, x1.data(), x2.data(), n, tmp.data());
    x = xt::zeros<float>({F, ld});
    for (std::size_t f = 0; f < F; ++f)
        std::copy(tmp.begin() + f * n, tmp.begin() + (f + 1) * n, x.data() + f * ld);
    const int n_out = m.net.sizes.back();
    y = xt::zeros<float>({(std::size_t)n_out, ld});
    for (std::size_t k = 0; k < n; ++k) write_target(m, pts[k].label, y.data(), ld, (int)k);
}

} // namespace

// The worked example of backprop tutorials: 2-3-1, sigmoid, binary cross-entropy, one point.
const float kWorkedW[] = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.1f,
                          0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.1f};

static void apply_preset(Config& c) {
    if (c.preset != Preset::WorkedExample) return;
    c.problem = Problem::Classification;
    c.dataset = DatasetKind::Custom;
    c.network_shape = {3};
    c.layer_activations.clear();
    c.activation = Activation::Sigmoid;
    c.output_activation.reset();
    c.loss = Loss::BCE;
    c.x = c.y = true;
    c.x_squared = c.y_squared = c.x_times_y = c.sin_x = c.sin_y = false;
    c.batch_size = 1;
    c.init_zero = false;
    c.dropout = 0; // the hand-derived numbers are those of the plain network
    c.batch_norm = c.residual = false;
}

OptimizerParams Session::optimizer_params(const Config& c) {
    OptimizerParams o;
    o.kind = c.optimizer;
    o.lr = c.learning_rate;
    o.momentum = c.momentum;
    o.beta1 = c.beta1;
    o.beta2 = c.beta2;
    o.rho = c.rho;
    o.eps = c.epsilon;
    o.reg = c.regularization;
    o.reg_rate = c.regularization_rate;
    return o;
}

std::unique_ptr<Session> Session::create(const Config& c, std::string& error) {
    std::unique_ptr<Session> s(new Session());
    s->cfg_ = c;
    apply_preset(s->cfg_);
    if (s->cfg_.seed.empty()) s->cfg_.seed = "0";
    error = build_model_spec(s->cfg_, s->model_);
    if (!error.empty()) return nullptr;
    s->feats_ = active_features(s->cfg_);
    if (active_dataset(s->cfg_) == DatasetKind::Custom)
        for (const CustomPoint& p : s->cfg_.points)
            s->custom_points_.push_back(
                {p.x1, p.x2, s->model_.num_classes == 2 ? (p.label > 0 ? 1.0f : -1.0f) : p.label});
    s->net_ = Network<float>(s->model_.net);
    s->net_.reserve(std::max(std::min(c.batch_size, kMaxBatchSize), 256));
    s->yb_.assign((std::size_t)s->net_.n_outputs() * s->net_.capacity(), 0.0f);
    s->backup_.assign(s->net_.params.size(), 0.0f);
    s->bn_backup_mean_ = s->net_.bn_mean;
    s->bn_backup_var_ = s->net_.bn_var;
    s->opt_ = optimizer_params(c);
    s->build_data();
    s->reset();
    return s;
}

void Session::build_data() {
    DatasetKind kind = cfg_.problem == Problem::Regression ? cfg_.reg_dataset : cfg_.dataset;
    if (cfg_.preset == Preset::WorkedExample) {
        data_.train = data_.test = {Point{0.5f, 1.0f, 1.0f}}; // x = (0.5, 1), y = 1
        data_.num_classes = 2;
    } else if (kind != DatasetKind::Custom) {
        data_ = make_dataset(kind, cfg_.noise, cfg_.perc_train_data, cfg_.seed);
    } else {
        data_ = split_points(custom_points_, model_.num_classes, cfg_.perc_train_data, cfg_.seed);
    }
    fill_matrices(feats_, model_, data_.train, train_x_, train_y_);
    fill_matrices(feats_, model_, data_.test, test_x_, test_y_);
    pos_ = 0;
    accum_ = 0;
    net_.zero_grads();
    metrics_valid_ = false;
}

void Session::apply_preset_weights() {
    if (cfg_.preset == Preset::WorkedExample)
        std::copy(std::begin(kWorkedW), std::end(kWorkedW), net_.params.begin());
}

void Session::reset() {
    init_params(net_, cfg_.init, cfg_.init_zero, cfg_.seed);
    apply_preset_weights();
    net_.reset_state();
    bn_backup_mean_ = net_.bn_mean;
    bn_backup_var_ = net_.bn_var;
    drop_rng_ = Rng(cfg_.seed, "dropout");
    diverged_ = false;
    ost_.reset(net_.params.size());
    pos_ = accum_ = 0;
    epoch_ = updates_ = 0;
    metrics_valid_ = false;
}

void Session::regenerate(const std::string& seed) {
    cfg_.seed = seed.empty() ? "0" : seed;
    build_data();
}

std::string Session::set_points(const std::vector<Point>& pts) {
    const int K = model_.num_classes;
    if (K >= 3)
        return "your own points need a binary classification or regression problem, but this "
               "dataset has " +
               std::to_string(K) + " classes; choose circle, xor, gauss or spiral first";
    std::vector<Point> mapped = pts;
    for (std::size_t k = 0; k < mapped.size(); ++k) {
        Point& p = mapped[k];
        if (!(std::fabs(p.x1) <= kMaxPointCoord && std::fabs(p.x2) <= kMaxPointCoord &&
              std::fabs(p.label) <= kMaxPointCoord))
            return "point " + std::to_string(k + 1) +
                   " is not finite or outside [-1e6, 1e6] (x1, x2 and label)";
        if (K == 2) {
            if (p.label != 0 && p.label != 1 && p.label != -1)
                return "point " + std::to_string(k + 1) + " has label " + std::to_string(p.label) +
                       "; binary classification takes labels 0/1 or -1/+1";
            p.label = p.label > 0 ? 1.0f : -1.0f;
        }
    }
    custom_points_ = std::move(mapped);
    (K == 0 ? cfg_.reg_dataset : cfg_.dataset) = DatasetKind::Custom;
    cfg_.points.clear();
    std::vector<CustomPoint> in_hash;
    in_hash.reserve(custom_points_.size());
    for (const Point& p : custom_points_) in_hash.push_back({p.x1, p.x2, p.label});
    if (points_to_text(in_hash).size() <= kMaxHashPointsBytes) cfg_.points = std::move(in_hash);
    build_data();
    return "";
}

void Session::set_learning_rate(double lr) {
    cfg_.learning_rate = lr;
    opt_.lr = lr;
}

void Session::run_chunk(int start, int count, Pass pass) {
    const std::size_t ld = train_x_.shape(1), cap = (std::size_t)net_.capacity();
    const int n_out = net_.n_outputs();
    if (pass == Pass::Train) net_.draw_dropout(drop_rng_, count);
    net_.forward(train_x_.data() + start, ld, count, pass);
    for (int j = 0; j < n_out; ++j)
        std::copy(train_y_.data() + j * ld + start, train_y_.data() + j * ld + start + count,
                  yb_.data() + j * cap);
    net_.backward(train_x_.data() + start, ld, yb_.data(), count);
}

void Session::update() {
    const std::size_t n = net_.params.size();
    float* p = net_.params.data();
    std::copy(p, p + n, backup_.begin()); // raw pointers: xtensor's iterators are slow here
    optimizer_step(opt_, ost_, p, net_.grads.data(), accum_, net_.is_weight.data(),
                   net_.dead.data(), n);
    int bad = 0; // x - x is 0 for finite x, NaN for Inf and NaN; no early exit, so it vectorizes
    for (std::size_t k = 0; k < n; ++k) bad |= !(p[k] - p[k] == 0.0f);
    bool finite = bad == 0;
    for (std::size_t k = 0; k < net_.bn_var.size(); ++k)
        finite = finite && std::isfinite(net_.bn_mean[k]) && std::isfinite(net_.bn_var[k]);
    if (!finite) {
        // Keep the last finite state: what the page shows and what reset starts from.
        std::copy(backup_.begin(), backup_.end(), net_.params.begin());
        net_.bn_mean = bn_backup_mean_;
        net_.bn_var = bn_backup_var_;
        diverged_ = true;
    } else {
        std::copy(net_.bn_mean.begin(), net_.bn_mean.end(), bn_backup_mean_.begin());
        std::copy(net_.bn_var.begin(), net_.bn_var.end(), bn_backup_var_.begin());
    }
    net_.zero_grads();
    accum_ = 0;
    ++updates_;
}

int Session::train_batch() {
    const int n = (int)data_.train.size();
    if (n == 0 || diverged_) return 0;
    const int bs = std::min(cfg_.batch_size, n);
    const int boundary = (pos_ / bs + 1) * bs, end = std::min(boundary, n), count = end - pos_;
    run_chunk(pos_, count, Pass::Train);
    accum_ += count;
    pos_ = end;
    if (end == boundary) update();
    if (pos_ == n) {
        pos_ = 0;
        ++epoch_;
    }
    metrics_valid_ = false;
    return count;
}

void Session::train_epochs(int n) {
    if (data_.train.empty()) return;
    for (int e = 0; e < n && !diverged_; ++e) {
        long target = epoch_ + 1;
        while (epoch_ < target && !diverged_) train_batch();
    }
}

namespace {
// Points per forward pass when evaluating losses: small enough that one chunk of the largest
// network (16 x 256, ~1 M weights) costs ~3 ms, so the page's sliced pass fits in a frame;
// large enough for the dense kernels' full speed (256 x 256 x 64: as fast as x 256).
constexpr int kEvalChunk = 64;
int eval_chunk(const Network<float>& net) {
    return std::min(net.capacity(), kEvalChunk);
}
} // namespace

void Session::evaluate_range(Network<float>& net, const xt::xtensor<float, 2>& x,
                             const xt::xtensor<float, 2>& y, const std::vector<Point>& pts,
                             int from, int to, EvalSum& acc) {
    const int cap = net.capacity(), n_out = net.n_outputs(), chunk = eval_chunk(net);
    const std::size_t ld = x.shape(1);
    const int last = net.num_layers() - 1;
    const bool sigmoid_out = net.layers()[last].act == Activation::Sigmoid;
    const int K = model_.num_classes;
    if (acc.confusion.size() != (std::size_t)K * K) acc.confusion.assign((std::size_t)K * K, 0);
    for (int s0 = from; s0 < to; s0 += chunk) {
        const int cnt = std::min(chunk, to - s0);
        net.forward(x.data() + s0, ld, cnt, Pass::Eval);
        for (int j = 0; j < n_out; ++j)
            std::copy(y.data() + j * ld + s0, y.data() + j * ld + s0 + cnt, yb_.data() + j * cap);
        acc.sum += net.loss_sum(yb_.data(), cnt);
        const float* a = net.a(last);
        for (int s = 0; s < cnt; ++s) {
            const float label = pts[s0 + s].label;
            if (model_.num_classes >= 3) {
                int best = 0;
                for (int j = 1; j < n_out; ++j)
                    if (a[j * cap + s] > a[best * cap + s]) best = j;
                acc.correct += best == (int)label;
                ++acc.confusion[(std::size_t)label * K + best];
            } else if (K == 2) {
                const bool pos = a[s] > (sigmoid_out ? 0.5f : 0.0f);
                acc.correct += pos == (label > 0);
                ++acc.confusion[(label > 0 ? 2 : 0) + (pos ? 1 : 0)];
            }
        }
    }
}

void Session::finish_eval(const EvalSum& acc, int n, double& loss, double& accuracy,
                          std::vector<long>& confusion) const {
    loss = n ? acc.sum / n : 0.0;
    accuracy = model_.num_classes == 0 ? -1.0 : n ? (double)acc.correct / n : 0.0;
    confusion = acc.confusion;
    const std::size_t K = (std::size_t)model_.num_classes;
    if (confusion.size() != K * K) confusion.assign(K * K, 0);
}

void Session::evaluate(const xt::xtensor<float, 2>& x, const xt::xtensor<float, 2>& y,
                       const std::vector<Point>& pts, double& loss, double& acc,
                       std::vector<long>& confusion) {
    EvalSum e;
    evaluate_range(net_, x, y, pts, 0, (int)pts.size(), e);
    finish_eval(e, (int)pts.size(), loss, acc, confusion);
}

void Session::metrics_slices_begin() {
    if (slice_net_)
        *slice_net_ = net_;
    else
        slice_net_ = std::make_unique<Network<float>>(net_);
    slice_train_ = EvalSum{};
    slice_test_ = EvalSum{};
    slice_pos_ = 0;
    slice_n_train_ = data_.train.size();
    slice_n_test_ = data_.test.size();
    slice_epoch_ = epoch_;
    slice_updates_ = updates_;
}

bool Session::metrics_slices_step(int max_points, Metrics& out) {
    // a new network or new data since begin: the copy or the positions no longer fit, start over
    if (!slice_net_ || slice_n_train_ != data_.train.size() || slice_n_test_ != data_.test.size() ||
        slice_net_->params.size() != net_.params.size() ||
        slice_net_->capacity() != net_.capacity())
        metrics_slices_begin();
    const int cap = eval_chunk(*slice_net_), n_train = (int)slice_n_train_,
              n_test = (int)slice_n_test_;
    // whole chunks from the start of each set, so the sums add in metrics()'s order
    int budget = std::max(1, max_points);
    while (budget > 0 && slice_pos_ < n_train + n_test) {
        const bool train = slice_pos_ < n_train;
        const int from = train ? slice_pos_ : slice_pos_ - n_train, n = train ? n_train : n_test;
        const int to = std::min(n, from + (budget + cap - 1) / cap * cap);
        if (train)
            evaluate_range(*slice_net_, train_x_, train_y_, data_.train, from, to, slice_train_);
        else
            evaluate_range(*slice_net_, test_x_, test_y_, data_.test, from, to, slice_test_);
        budget -= to - from;
        slice_pos_ += to - from;
    }
    if (slice_pos_ < n_train + n_test) return false;
    finish_eval(slice_train_, n_train, out.train_loss, out.train_accuracy, out.train_confusion);
    finish_eval(slice_test_, n_test, out.test_loss, out.test_accuracy, out.test_confusion);
    return true;
}

const Metrics& Session::metrics() {
    if (!metrics_valid_) {
        evaluate(train_x_, train_y_, data_.train, metrics_.train_loss, metrics_.train_accuracy,
                 metrics_.train_confusion);
        evaluate(test_x_, test_y_, data_.test, metrics_.test_loss, metrics_.test_accuracy,
                 metrics_.test_confusion);
        metrics_valid_ = true;
    }
    return metrics_;
}

std::string Session::eval_grid(int N, float* out) {
    return eval_grid_rows(N, 0, N, out);
}

std::string Session::eval_grid_rows(int N, int r0, int r1, float* out) {
    if (N < 2 || N > kMaxGridSide)
        return "grid size " + std::to_string(N) + " is out of range; allowed: 2.." +
               std::to_string(kMaxGridSide);
    const std::size_t P = (std::size_t)N * N;
    if (grid_rows() * P > kMaxGridFloats)
        return "grid of " + std::to_string(grid_rows()) + " neurons x " + std::to_string(N) +
               "^2 " + "points is too large; use a smaller grid";
    if (N != grid_n_) {
        std::vector<float> x1(P), x2(P);
        for (int r = 0; r < N; ++r)
            for (int c = 0; c < N; ++c) {
                x1[(std::size_t)r * N + c] = (float)(-kDomain + 2.0 * kDomain * c / (N - 1));
                x2[(std::size_t)r * N + c] = (float)(kDomain - 2.0 * kDomain * r / (N - 1));
            }
        grid_x_.assign(feats_.size() * P, 0.0f);
        compute_features(feats_, x1.data(), x2.data(), P, grid_x_.data());
        grid_n_ = N;
    }
    if (r0 < 0 || r1 > N || r0 > r1)
        return "grid rows " + std::to_string(r0) + ".." + std::to_string(r1) +
               " are out of range; allowed: 0.." + std::to_string(N);
    // Points p0..p1 of every row-major image; each point's forward pass is independent of the
    // others in its batch (evaluation mode), so a slice gives the bits of the whole grid.
    const std::size_t p0 = (std::size_t)r0 * N, p1 = (std::size_t)r1 * N;
    if (p1 == p0) return "";
    for (std::size_t f = 0; f < feats_.size(); ++f)
        std::copy(grid_x_.begin() + f * P + p0, grid_x_.begin() + f * P + p1, out + f * P + p0);
    net_.forward_into(grid_x_.data() + p0, P, (int)(p1 - p0), out + feats_.size() * P + p0, P);
    return "";
}

} // namespace bp
