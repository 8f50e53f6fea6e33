// user_data.cpp: the user's data into a session (contract in user_data.h).
#include "user_data.h"
#include "../config/config_codec.h"
#include "../config/config_schema.h"
#include "../config/dataset_table.h"
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bp {
namespace {

// What the output layer is: 0 one linear/regression output, 2 one binary output, 3 softmax.
int output_kind(const Config& c) {
    if (c.problem == Problem::Regression) return 0;
    return num_classes(c) >= 3 ? 3 : 2;
}

std::string number_text(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", (double)v);
    return buf;
}

std::string inputs_text(const Config& c) {
    if (active_dataset(c) == DatasetKind::Custom && c.columns > 0)
        return std::to_string(c.columns) + " columns";
    const int cols = dataset_info(active_dataset(c)).columns;
    return cols > 0 ? std::to_string(cols) + " columns" : "the features of (x1, x2)";
}

void add(std::string& s, const std::string& part) {
    s += (s.empty() ? "" : "; ") + part;
}

} // namespace

Config config_for_data(const Config& c, const UserData& d, std::string& changed) {
    Config n = c;
    n.preset = Preset::None;
    int K = 0; // 0: regression
    std::string why;
    if (!d.class_names.empty()) {
        K = (int)d.class_names.size();
        if (c.problem == Problem::Regression) why = "the labels are names of classes";
    } else if (c.problem == Problem::Classification) {
        bool binary = true;
        std::size_t bad = d.points.size(); // the first row whose label is not a class
        float top = 0;
        for (std::size_t r = 0; r < d.points.size(); ++r) {
            const float l = d.points[r].label;
            binary = binary && (l == -1 || l == 0 || l == 1);
            const bool index = l == -1 || (l == std::floor(l) && l >= 0 && l < kMaxClasses);
            if (!index && bad == d.points.size()) bad = r;
            top = std::max(top, l);
        }
        K = binary ? 2 : bad == d.points.size() ? (int)top + 1 : 0;
        if (!K)
            why = "the labels are numbers, not classes (data row " + std::to_string(bad + 1) +
                  ": " + number_text(d.points[bad].label) + ")";
    }
    n.problem = K ? Problem::Classification : Problem::Regression;
    (K ? n.dataset : n.reg_dataset) = DatasetKind::Custom;
    n.classes = K ? K : 2;
    n.columns = (int)d.columns.size();
    n.points.clear();
    n.class_names.clear(); // Session::set_class_names puts them in when the link can carry them
    if (output_kind(n) != output_kind(c)) {
        n.loss = Loss::Auto; // what the new output trains with: tanh, softmax or linear
        n.output_activation.reset();
    }

    changed.clear();
    if (n.problem != c.problem)
        add(changed, std::string("the problem is now ") + (K ? "classification" : "regression") +
                         (why.empty() ? "" : ": " + why));
    const int before = c.problem == Problem::Classification ? num_classes(c) : 0;
    if (K && (K != before || n.problem != c.problem))
        add(changed, K >= 3 ? std::to_string(K) + " classes (a softmax output)"
                            : std::string("2 classes (one output, -1/+1)"));
    if (inputs_text(n) != inputs_text(c))
        add(changed, "the network's inputs are " +
                         (n.columns ? "the file's " + inputs_text(n) : inputs_text(n)));
    return n;
}

std::string import_data(std::unique_ptr<Session>& s, const UserData& d, std::string& changed) {
    if (!d.columns.empty() && d.values.size() != d.points.size() * d.columns.size())
        return "the column data has " + std::to_string(d.values.size()) + " values for " +
               std::to_string(d.points.size()) + " rows";
    Config want = config_for_data(s->config(), d, changed);
    // The running network takes the data when nothing but the data keys differs (its weights stay).
    Config probe = want;
    const Config& cur = s->config();
    probe.dataset = cur.dataset;
    probe.reg_dataset = cur.reg_dataset;
    probe.points = cur.points;
    probe.classes = cur.classes;
    probe.class_names = cur.class_names;
    ModelSpec spec;
    const bool fits = schema::first_difference(probe, cur).empty() &&
                      build_model_spec(want, spec).empty() &&
                      spec.num_classes == s->model().num_classes &&
                      spec.net.n_inputs == s->model().net.n_inputs &&
                      (want.columns == 0 || want.columns == cur.columns);
    std::unique_ptr<Session> fresh;
    Session* t = s.get();
    if (!fits) {
        std::string err;
        fresh = Session::create(want, err);
        if (!fresh) return err;
        t = fresh.get();
    }
    std::vector<float> labels;
    for (const Point& p : d.points) labels.push_back(p.label);
    std::string err =
        d.columns.empty() ? t->set_points(d.points) : t->set_columns(d.columns, d.values, labels);
    if (!err.empty()) return err;
    err = t->set_class_names(d.class_names);
    if (!err.empty()) return err; // only fresh sessions get here with a count unchecked
    if (fresh) {
        s = std::move(fresh);
        if (!changed.empty()) changed += "; the weights start afresh";
    }
    return "";
}

std::string carry_user_data(Session& to, const Session& from) {
    const Config& c = to.config();
    if (active_dataset(c) != DatasetKind::Custom ||
        active_dataset(from.config()) != DatasetKind::Custom)
        return "";
    std::string err;
    const ColumnTable& t = from.user_columns();
    if (c.columns > 0 && t.cols() == (std::size_t)c.columns)
        err = to.set_columns(t.names, t.values, t.labels);
    else if (c.columns == 0 && c.points.empty() && !from.custom_points().empty())
        err = to.set_points(from.custom_points());
    if (!err.empty()) return err;
    if (to.class_names().empty() && !from.class_names().empty() &&
        from.class_names().size() == (std::size_t)to.model().num_classes)
        to.set_class_names(from.class_names());
    return "";
}

} // namespace bp
