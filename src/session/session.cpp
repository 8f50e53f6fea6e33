// session.cpp: Session (see session.h): building it from a config, and its data. Training is in
// session_train.cpp; the losses, metrics and the grid in session_eval.cpp.
#include "session.h"
#include "../data/columns.h"
#include "../engine/init.h"
#include <algorithm>
#include <cmath>

namespace bp {
namespace {

std::size_t padded_ld(std::size_t n) {
    return (std::size_t)round4((int)n) + 4;
}

// Inputs of pts into x ([F][ld], zero padding): the features of (x1, x2), or the columns of
// column data (cols: [n][C] row-major, C = columns); targets into y ([n_out][ld]).
void fill_matrices(const std::vector<Feature>& feats, std::size_t columns,
                   const std::vector<float>& cols, const ModelSpec& m,
                   const std::vector<Point>& pts, xt::xtensor<float, 2>& x,
                   xt::xtensor<float, 2>& y) {
    const std::size_t n = pts.size(), ld = padded_ld(n), F = columns ? columns : feats.size();
    std::vector<float> x1(n), x2(n), tmp(F * n);
    for (std::size_t k = 0; k < n; ++k) {
        x1[k] = pts[k].x1;
        x2[k] = pts[k].x2;
    }
    if (columns == 0)
        compute_features(feats, x1.data(), x2.data(), n, tmp.data());
    else
        for (std::size_t k = 0; k < n; ++k)
            for (std::size_t c = 0; c < F; ++c) tmp[c * n + k] = cols[k * F + c];
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
    Message m;
    std::unique_ptr<Session> s = create(c, m);
    error = m.text();
    return s;
}

std::unique_ptr<Session> Session::create(const Config& c, Message& error) {
    std::unique_ptr<Session> s(new Session());
    s->cfg_ = c;
    apply_preset(s->cfg_);
    if (s->cfg_.seed.empty()) s->cfg_.seed = "0";
    error = build_model_spec(s->cfg_, s->model_);
    if (!error.empty()) return nullptr;
    s->feats_ = active_features(s->cfg_);
    s->class_names_ = s->cfg_.class_names;
    if (active_dataset(s->cfg_) == DatasetKind::Custom)
        for (const CustomPoint& p : s->cfg_.points)
            s->custom_points_.push_back({p.x1, p.x2,
                                         s->model_.num_classes == 2  ? (p.label > 0 ? 1.0f : -1.0f)
                                         : s->model_.num_classes > 2 ? std::max(p.label, 0.0f)
                                                                     : p.label});
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
    } else if (cfg_.columns > 0) {
        ColumnTable t = *user_table_;
        if (t.cols() != (std::size_t)cfg_.columns) { // a link's column count, without its data
            t = ColumnTable{};
            for (int c = 1; c <= cfg_.columns; ++c)
                t.names.push_back("column " + std::to_string(c));
        }
        if (cfg_.standardize) standardize(t);
        data_ = split_columns(t, model_.num_classes, cfg_.perc_train_data, cfg_.seed);
    } else {
        data_ = split_points(custom_points_, model_.num_classes, cfg_.perc_train_data, cfg_.seed);
    }
    const std::size_t C = data_.columns.size();
    if (kind == DatasetKind::Custom && class_names_.size() == (std::size_t)model_.num_classes)
        data_.class_names = class_names_;
    fill_matrices(feats_, C, data_.train_cols, model_, data_.train, train_x_, train_y_);
    fill_matrices(feats_, C, data_.test_cols, model_, data_.test, test_x_, test_y_);
    std::vector<float> all = data_.train_cols;
    all.insert(all.end(), data_.test_cols.begin(), data_.test_cols.end());
    slice_ = column_medians(all, C);
    apply_axes();
    grid_n_ = 0; // the grid's inputs are made again (a new slice)
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
    record_trajectory(true);
}

void Session::regenerate(const std::string& seed) {
    cfg_.seed = seed.empty() ? "0" : seed;
    build_data();
}

Message Session::map_label(float& label, const Message& what) const {
    const int K = model_.num_classes;
    if (!(std::fabs(label) <= kMaxPointCoord)) return {Msg::PointsLabelRange, {{"what", what}}};
    if (K == 2) {
        if (label != 0 && label != 1 && label != -1)
            return {Msg::PointsBinaryLabel, {{"what", what}, {"label", std::to_string(label)}}};
        label = label > 0 ? 1.0f : -1.0f;
    } else if (K >= 3) {
        if (!(label == std::floor(label) && label >= -1 && label < K))
            return {Msg::PointsClassLabel,
                    {{"what", what}, {"label", std::to_string(label)}, {"k", K}, {"last", K - 1}}};
        label = std::max(label, 0.0f); // -1: class 0, as the binary sets count it
    }
    return {};
}

Message Session::set_points(const std::vector<Point>& pts) {
    if (!data_.columns.empty()) return {Msg::PointsOfPlane, {{"n", data_.columns.size()}}};
    const int K = model_.num_classes;
    if (K > kMaxClasses) return {Msg::PointsTooManyClasses, {{"max", kMaxClasses}, {"k", K}}};
    std::vector<Point> mapped = pts;
    for (std::size_t k = 0; k < mapped.size(); ++k) {
        Point& p = mapped[k];
        if (!(std::fabs(p.x1) <= kMaxPointCoord && std::fabs(p.x2) <= kMaxPointCoord &&
              std::fabs(p.label) <= kMaxPointCoord))
            return {Msg::PointsNotFinite, {{"index", k + 1}}};
        Message err = map_label(p.label, {Msg::PointsWhatPoint, {{"index", k + 1}}});
        if (!err.empty()) return err;
    }
    custom_points_ = std::move(mapped);
    (K == 0 ? cfg_.reg_dataset : cfg_.dataset) = DatasetKind::Custom;
    if (K >= 2) cfg_.classes = K; // a generated multi-class set's points keep its classes
    cfg_.points.clear();
    std::vector<CustomPoint> in_hash;
    in_hash.reserve(custom_points_.size());
    for (const Point& p : custom_points_) in_hash.push_back({p.x1, p.x2, p.label});
    if (points_to_text(in_hash).size() <= kMaxHashPointsBytes) cfg_.points = std::move(in_hash);
    build_data();
    return {};
}

Message Session::set_columns(const std::vector<std::string>& names,
                             const std::vector<float>& values, const std::vector<float>& labels) {
    const std::size_t C = names.size(), n = labels.size();
    if (active_dataset(cfg_) != DatasetKind::Custom || cfg_.columns != (int)C)
        return {Msg::PointsColumnsCount, {{"want", cfg_.columns}, {"n", C}}};
    if (values.size() != n * C)
        return {Msg::PointsValuesCount, {{"values", values.size()}, {"rows", n}, {"n", C}}};
    auto t = std::make_shared<ColumnTable>();
    t->names = names;
    t->values = values;
    t->labels = labels;
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < C; ++c)
            if (!(std::fabs(values[r * C + c]) <= kMaxPointCoord))
                return {Msg::PointsCellRange, {{"row", r + 1}, {"column", c + 1}}};
        Message err = map_label(t->labels[r], {Msg::PointsWhatRow, {{"index", r + 1}}});
        if (!err.empty()) return err;
    }
    user_table_ = std::move(t);
    custom_points_.clear();
    cfg_.points.clear();
    axes_[0] = axes_[1] = -1; // new columns: the first two, until the user picks others
    build_data();
    return {};
}

Message Session::set_class_names(const std::vector<std::string>& names) {
    if (!names.empty() && names.size() != (std::size_t)model_.num_classes)
        return {Msg::PointsNamesCount, {{"n", names.size()}, {"k", model_.num_classes}}};
    class_names_ = names;
    if (active_dataset(cfg_) == DatasetKind::Custom) data_.class_names = names;
    // Into the link when it carries them exactly (parsed back the same, consistent).
    Config probe = cfg_;
    probe.class_names = names;
    ParseResult back = parse_hash(to_hash(probe));
    cfg_.class_names =
        back.errors.empty() && back.config.class_names == names && check_consistency(probe).empty()
            ? names
            : std::vector<std::string>{};
    return {};
}

std::string Session::set_slice(const std::vector<float>& values) {
    if (data_.columns.empty()) return "the plot's slice needs column data (such as iris)";
    if (values.size() != data_.columns.size())
        return "the slice needs " + std::to_string(data_.columns.size()) +
               " values, one per column; got " + std::to_string(values.size());
    for (std::size_t c = 0; c < values.size(); ++c)
        if (!(std::fabs(values[c]) <= kMaxPointCoord))
            return "slice value " + std::to_string(c + 1) + " (" + data_.columns[c] +
                   ") is not finite or outside [-1e6, 1e6]";
    slice_ = values;
    grid_n_ = 0;
    return "";
}

std::string Session::set_axes(int axis_x, int axis_y) {
    const int C = (int)data_.columns.size();
    if (C == 0) return "the plot's axes can be chosen for column data (such as iris) only";
    if (axis_x < 0 || axis_x >= C || axis_y < 0 || axis_y >= C || axis_x == axis_y)
        return "the plot's axes are two different columns 1.." + std::to_string(C) + "; got " +
               std::to_string(axis_x + 1) + " and " + std::to_string(axis_y + 1);
    axes_[0] = axis_x;
    axes_[1] = axis_y;
    apply_axes();
    grid_n_ = 0;
    return "";
}

void Session::apply_axes() {
    const std::size_t C = data_.columns.size();
    if (C == 0 || axes_[0] < 0 || axes_[0] >= (int)C || axes_[1] >= (int)C) return;
    data_.axis_x = axes_[0];
    data_.axis_y = axes_[1];
    auto place = [&](std::vector<Point>& pts, const std::vector<float>& cols) {
        for (std::size_t k = 0; k < pts.size(); ++k) {
            pts[k].x1 = cols[k * C + (std::size_t)axes_[0]];
            pts[k].x2 = cols[k * C + (std::size_t)axes_[1]];
        }
    };
    place(data_.train, data_.train_cols);
    place(data_.test, data_.test_cols);
}

void Session::plane_inputs(const float* x1, const float* x2, std::size_t n, float* out) const {
    if (data_.columns.empty())
        compute_features(feats_, x1, x2, n, out);
    else
        slice_inputs(slice_, data_.axis_x, data_.axis_y, x1, x2, n, out);
}

void Session::sample_inputs(bool test, int index, float* f) const {
    const xt::xtensor<float, 2>& x = test ? test_x_ : train_x_;
    const std::size_t ld = x.shape(1), s = (std::size_t)index;
    for (std::size_t i = 0; i < x.shape(0); ++i) f[i] = x.data()[i * ld + s];
}

} // namespace bp
