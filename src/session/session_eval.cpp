// session_eval.cpp: Session's read-only passes (see session.h): the losses and accuracies over
// the training and test sets (at once, or in slices a frame can afford on a big network), the
// metrics, and every neuron's output over the N x N grid of the input plane.
#include "session.h"
#include <algorithm>
#include <cmath>

namespace bp {

namespace {
// Points per forward pass when evaluating losses: large enough for the dense kernels' full speed
// (they pack 16 samples at a time, so 16 is as fast per point as 64 on wide layers), small enough
// that the page's sliced pass, which runs whole chunks so that its sums add in metrics()'s order,
// fits its ~1.5 ms of a frame (web/frame-plan.js SLICE_MS). 64 points of the largest network (16 x
// 256, ~1 M weights) cost ~5-6 ms, a whole frame's time with the grid and training beside it
// (bench/PAGE.md); 16 cost a quarter of that. Networks under kBigNet weights keep 64 (fewer calls,
// same speed).
constexpr int kEvalChunk = 64, kEvalChunkBig = 16;
constexpr std::size_t kBigNet = 100000;
int eval_chunk(const Network<float>& net) {
    return std::min(net.capacity(), net.params.size() > kBigNet ? kEvalChunkBig : kEvalChunk);
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
        grid_x_.assign(n_inputs() * P, 0.0f);
        plane_inputs(x1.data(), x2.data(), P, grid_x_.data());
        grid_n_ = N;
    }
    if (r0 < 0 || r1 > N || r0 > r1)
        return "grid rows " + std::to_string(r0) + ".." + std::to_string(r1) +
               " are out of range; allowed: 0.." + std::to_string(N);
    // Points p0..p1 of every row-major image; each point's forward pass is independent of the
    // others in its batch (evaluation mode), so a slice gives the bits of the whole grid.
    const std::size_t p0 = (std::size_t)r0 * N, p1 = (std::size_t)r1 * N;
    if (p1 == p0) return "";
    const std::size_t F = n_inputs();
    for (std::size_t f = 0; f < F; ++f)
        std::copy(grid_x_.begin() + f * P + p0, grid_x_.begin() + f * P + p1, out + f * P + p0);
    net_.forward_into(grid_x_.data() + p0, P, (int)(p1 - p0), out + F * P + p0, P);
    return "";
}

} // namespace bp
