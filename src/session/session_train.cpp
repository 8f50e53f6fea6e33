// session_train.cpp: Session's training (see session.h): a batch's forward and backward, the
// optimizer's update with the divergence guard, and plain SGD's step inside backward with its
// snapshot and replay.
#include "session.h"
#include <algorithm>
#include <cmath>

namespace bp {

void Session::set_learning_rate(double lr) {
    cfg_.learning_rate = lr;
    opt_.lr = lr;
}

void Session::run_chunk(int start, int count, Pass pass, Network<float>::SgdStep* step) {
    const std::size_t ld = train_x_.shape(1), cap = (std::size_t)net_.capacity();
    const int n_out = net_.n_outputs();
    if (pass == Pass::Train) net_.draw_dropout(drop_rng_, count);
    net_.forward(train_x_.data() + start, ld, count, pass);
    for (int j = 0; j < n_out; ++j)
        std::copy(train_y_.data() + j * ld + start, train_y_.data() + j * ld + start + count,
                  yb_.data() + j * cap);
    net_.backward(train_x_.data() + start, ld, yb_.data(), count, step);
}

void Session::update(bool stepped, bool finite) {
    const std::size_t n = net_.params.size();
    float* p = net_.params.data();
    // the default optimizer: backup, step, check and zeroed gradients in one pass (optimizer.h)
    const bool fused = opt_.kind == Optimizer::SGD && opt_.reg == Regularization::None;
    if (stepped) {
        // taken layer by layer during backward (step_fused), which restored the weights if not
        // finite
    } else if (fused) {
        finite = sgd_step_guarded(opt_, p, net_.grads.data(), accum_, net_.dead.data(), n,
                                  backup_.data());
    } else {
        std::copy(p, p + n, backup_.begin()); // raw pointers: xtensor's iterators are slow here
        optimizer_step(opt_, ost_, p, net_.grads.data(), accum_, net_.is_weight.data(),
                       net_.dead.data(), n);
        int bad = 0; // x - x is 0 for finite x, NaN for Inf and NaN; no early exit: it vectorizes
        for (std::size_t k = 0; k < n; ++k) bad |= !(p[k] - p[k] == 0.0f);
        finite = bad == 0;
    }
    for (std::size_t k = 0; k < net_.bn_var.size(); ++k)
        finite = finite && std::isfinite(net_.bn_mean[k]) && std::isfinite(net_.bn_var[k]);
    if (!finite) {
        // Keep the last finite state: what the page shows and what reset starts from.
        if (!stepped) std::copy(backup_.begin(), backup_.end(), net_.params.begin());
        net_.bn_mean = bn_backup_mean_;
        net_.bn_var = bn_backup_var_;
        diverged_ = true;
    } else {
        std::copy(net_.bn_mean.begin(), net_.bn_mean.end(), bn_backup_mean_.begin());
        std::copy(net_.bn_var.begin(), net_.bn_var.end(), bn_backup_var_.begin());
    }
    if (!fused) net_.zero_grads();
    accum_ = 0;
    ++updates_;
}

// Where the batch that starts at `pos` ends, before the epoch's end cuts it: batch boundaries sit
// at multiples of the batch size from the epoch's start.
int Session::batch_boundary(int pos) const {
    const int bs = std::min(cfg_.batch_size, (int)data_.train.size());
    return (pos / bs + 1) * bs;
}

int Session::next_batch() {
    const int n = (int)data_.train.size();
    if (n == 0 || diverged_) return 0;
    const int boundary = batch_boundary(pos_), end = std::min(boundary, n), count = end - pos_;
    // A whole batch under plain SGD steps each layer inside backward (network.h); a batch carried
    // across an epoch's end, or batch norm's parameters (stepped after backward), take update's.
    if (accum_ == 0 && end == boundary && opt_.kind == Optimizer::SGD &&
        opt_.reg == Regularization::None && net_.bn_var.empty()) {
        step_fused(pos_, count);
        pos_ = end;
    } else {
        snap_.valid = false; // this update is not one step_fused can train again
        run_chunk(pos_, count, Pass::Train);
        accum_ += count;
        pos_ = end;
        if (end == boundary) update();
    }
    if (pos_ == n) {
        pos_ = 0;
        ++epoch_;
        record_trajectory(false);
    }
    metrics_valid_ = false;
    return count;
}

// One whole batch [start, start + count) under plain SGD, each layer stepped inside backward
// without a copy of the weights (session.h, Snapshot): a failed step restores the call's snapshot
// and trains the batches since then again.
void Session::step_fused(int start, int count) {
    if (!snap_.valid) {
        snap_.params.assign(net_.params.begin(), net_.params.end());
        snap_.pos = start;
        snap_.epoch = epoch_;
        snap_.updates = updates_;
        snap_.drop_rng = drop_rng_;
        snap_.valid = true;
    }
    Network<float>::SgdStep step{&opt_, count};
    run_chunk(start, count, Pass::Train, &step);
    if (!step.finite) {
        const int pos = pos_;
        const long epoch = epoch_, updates = updates_;
        const Rng rng = drop_rng_; // as it is after this batch's draw
        replay_to(updates);
        pos_ = pos;
        epoch_ = epoch;
        drop_rng_ = rng;
    }
    accum_ = count;
    update(true, step.finite);
}

// The weights after update number `updates` (>= the snapshot's): the snapshot's, then its batches
// trained again, all whole plain-SGD batches (step_fused), whose steps were finite the first time.
void Session::replay_to(long updates) {
    std::copy(snap_.params.begin(), snap_.params.end(), net_.params.begin());
    pos_ = snap_.pos;
    epoch_ = snap_.epoch;
    drop_rng_ = snap_.drop_rng;
    const int n = (int)data_.train.size();
    for (long u = snap_.updates; u < updates; ++u) {
        const int count = std::min(batch_boundary(pos_), n) - pos_;
        Network<float>::SgdStep step{&opt_, count};
        run_chunk(pos_, count, Pass::Train, &step);
        pos_ += count;
        if (pos_ == n) pos_ = 0;
    }
}

long Session::train_batches(int n) {
    snap_.valid = false; // a snapshot lives for one call: between calls anything may change
    long samples = 0;
    for (int k = 0; k < n; ++k) {
        const int c = next_batch();
        if (c == 0) break;
        samples += c;
    }
    return samples;
}

void Session::train_epochs(int n) {
    if (data_.train.empty()) return;
    snap_.valid = false; // as train_batches
    for (int e = 0; e < n && !diverged_; ++e) {
        long target = epoch_ + 1;
        while (epoch_ < target && !diverged_) next_batch();
    }
}

} // namespace bp
