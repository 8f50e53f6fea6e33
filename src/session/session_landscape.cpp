// session_landscape.cpp: the Session's loss landscape (see session.h and landscape.h): the
// trajectory of weights it records, a plane through weight space evaluated row by row, moving the
// weights to a point of the plane, and the loss along one parameter. Every loss is the training
// loss metrics() computes (evaluate_range, the same chunks in the same order), so the plane's
// centre is the current loss to the bit.
#include "../engine/rng.h"
#include "session.h"
#include <algorithm>
#include <cmath>

namespace bp {

void Session::record_trajectory(bool restart) {
    const std::size_t P = net_.params.size();
    const std::size_t cap = std::max<std::size_t>(
        4, std::min<std::size_t>(kMaxTrajectorySnapshots,
                                 kMaxTrajectoryFloats / std::max<std::size_t>(P, 1)));
    if (restart) {
        traj_count_ = 0;
        traj_stride_ = 1;
    }
    if (epoch_ % traj_stride_ != 0) return;
    if (traj_count_ == cap) { // keep snapshots 0, 2, 4, ...: the stride doubles
        std::size_t kept = 0;
        for (std::size_t i = 0; i < traj_count_; i += 2, ++kept)
            std::copy(traj_.begin() + i * P, traj_.begin() + (i + 1) * P, traj_.begin() + kept * P);
        traj_count_ = kept;
        traj_stride_ *= 2;
        if (epoch_ % traj_stride_ != 0) return;
    }
    if (traj_.size() < (traj_count_ + 1) * P) traj_.resize((traj_count_ + 1) * P);
    std::copy(net_.params.begin(), net_.params.end(), traj_.begin() + traj_count_ * P);
    ++traj_count_;
}

std::string Session::landscape_begin(PlaneDirections dirs, int n, double span) {
    if (n < 2 || n > kMaxLandscapeSide)
        return "landscape grid " + std::to_string(n) + " is out of range; allowed: 2.." +
               std::to_string(kMaxLandscapeSide);
    if (!(span >= 0 && span <= 1e6))
        return "landscape span must be a number in 0..1e6 (0: chosen from the directions)";
    if (data_.train.empty()) return "the training set is empty: there is no loss to draw";
    const std::size_t P = net_.params.size();
    LandscapePlane pl;
    pl.dirs = dirs;
    pl.n = n;
    pl.centre.assign(net_.params.begin(), net_.params.end());
    if (dirs == PlaneDirections::Random) {
        Rng rng(cfg_.seed, "landscape");
        filter_normalized_direction(net_, pl.centre.data(), rng, pl.d1);
        filter_normalized_direction(net_, pl.centre.data(), rng, pl.d2);
    } else {
        // The recorded epochs and, when the weights moved since the last one, the current weights.
        std::vector<float> snaps(traj_.begin(), traj_.begin() + traj_count_ * P);
        std::size_t m = traj_count_;
        if (m == 0 || !std::equal(pl.centre.begin(), pl.centre.end(), snaps.end() - P)) {
            snaps.insert(snaps.end(), pl.centre.begin(), pl.centre.end());
            ++m;
        }
        std::string e = pca_directions(snaps, m, P, pl.d1, pl.d2);
        if (!e.empty()) return e;
    }
    double reach = 0;
    pl.path.resize(traj_count_ * 2);
    for (std::size_t i = 0; i < traj_count_; ++i) {
        double a, b;
        plane_project(traj_.data() + i * P, pl.centre, pl.d1, pl.d2, a, b);
        pl.path[2 * i] = (float)a;
        pl.path[2 * i + 1] = (float)b;
        reach = std::max(reach, std::max(std::fabs(a), std::fabs(b)));
    }
    pl.span = span > 0                          ? span
              : dirs == PlaneDirections::Random ? 1.0
              : reach > 0                       ? 1.25 * reach
                                                : 1.0;
    plane_ = std::move(pl);
    if (plane_net_)
        *plane_net_ = net_;
    else
        plane_net_ = std::make_unique<Network<float>>(net_);
    return "";
}

std::string Session::landscape_rows(int r0, int r1, float* out) {
    const int n = plane_.n;
    if (n == 0 || !plane_net_) return "no landscape plane: begin one first";
    if (plane_.centre.size() != net_.params.size() || plane_net_->capacity() != net_.capacity())
        return "the network changed since the plane began: begin a new one";
    if (r0 < 0 || r1 > n || r0 > r1)
        return "landscape rows " + std::to_string(r0) + ".." + std::to_string(r1) +
               " are out of range; allowed: 0.." + std::to_string(n);
    const int N = (int)data_.train.size();
    if (N == 0) return "the training set is empty: there is no loss to draw";
    for (int r = r0; r < r1; ++r)
        for (int c = 0; c < n; ++c) {
            plane_point(plane_, plane_coord(c, n, plane_.span), plane_beta(r, n, plane_.span),
                        plane_net_->params.data());
            EvalSum acc;
            evaluate_range(*plane_net_, train_x_, train_y_, data_.train, 0, N, acc);
            out[(std::size_t)r * n + c] = (float)(acc.sum / N);
        }
    return "";
}

std::string Session::landscape_project(const float* snaps, std::size_t count, std::size_t P,
                                       const std::string& layout, std::vector<float>& out) const {
    if (plane_.n == 0 || !plane_net_) return "no landscape plane: begin one first";
    const std::string mine = param_layout(plane_net_->spec());
    if (layout != mine)
        return "its network (" + layout.substr(0, 200) + ") is not laid out as the plane's (" +
               mine + ")";
    if (P != plane_.centre.size())
        return "its weights are " + std::to_string(P) + " numbers, the plane's " +
               std::to_string(plane_.centre.size());
    out.resize(count * 2);
    for (std::size_t i = 0; i < count; ++i) {
        double a, b;
        plane_project(snaps + i * P, plane_.centre, plane_.d1, plane_.d2, a, b);
        out[2 * i] = (float)a;
        out[2 * i + 1] = (float)b;
    }
    return "";
}

std::string Session::landscape_move(double alpha, double beta) {
    if (plane_.n == 0) return "no landscape plane: begin one first";
    if (plane_.centre.size() != net_.params.size())
        return "the network changed since the plane began: begin a new one";
    if (!(std::fabs(alpha) <= 1e6 && std::fabs(beta) <= 1e6))
        return "a landscape point needs finite alpha and beta within 1e6";
    std::vector<float> p(net_.params.size());
    plane_point(plane_, alpha, beta, p.data());
    for (float v : p)
        if (!std::isfinite(v)) return "that point of the plane has weights that are not finite";
    std::copy(p.begin(), p.end(), net_.params.begin());
    metrics_valid_ = false;
    return "";
}

std::string Session::loss_line(std::size_t k, double half_width, int n, const Point* point,
                               float* out) {
    if (k >= net_.params.size())
        return "parameter " + std::to_string(k) + " does not exist (the network has " +
               std::to_string(net_.params.size()) + ")";
    if (n < 2 || n > kMaxLandscapeSide)
        return "a loss line of " + std::to_string(n) + " points is out of range; allowed: 2.." +
               std::to_string(kMaxLandscapeSide);
    if (!(half_width > 0 && half_width <= 1e6))
        return "a loss line's half width must be a number in (0, 1e6]";
    const int N = (int)data_.train.size();
    if (!point && N == 0) return "the training set is empty: there is no loss to draw";
    if (point &&
        !(std::isfinite(point->x1) && std::isfinite(point->x2) && std::isfinite(point->label)))
        return "a loss line's point needs finite coordinates and label";
    Network<float> net = net_; // the weights stay as they are; the line varies a copy
    const double w = net_.params[k];
    const int cap = net.capacity(), F = (int)feats_.size();
    std::vector<float> x, y;
    if (point) { // one column, as compute_trace feeds it
        x.assign((std::size_t)F * 4, 0.0f);
        std::vector<float> f(F);
        compute_features(feats_, &point->x1, &point->x2, 1, f.data());
        for (int i = 0; i < F; ++i) x[(std::size_t)i * 4] = f[i];
        y.assign((std::size_t)net.n_outputs() * cap, 0.0f);
        write_target(model_, point->label, y.data(), (std::size_t)cap, 0);
    }
    for (int i = 0; i < n; ++i) {
        net.params[k] = (float)(w + plane_coord(i, n, half_width));
        if (point) {
            net.forward(x.data(), 4, 1, Pass::Eval);
            out[i] = (float)net.loss_sum(y.data(), 1);
        } else {
            EvalSum acc;
            evaluate_range(net, train_x_, train_y_, data_.train, 0, N, acc);
            out[i] = (float)(acc.sum / N);
        }
    }
    return "";
}

} // namespace bp
