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

// The network's inputs in words: columns (n > 0) or the features of the plane (0).
int input_columns(const Config& c) {
    if (active_dataset(c) == DatasetKind::Custom && c.columns > 0) return c.columns;
    return std::max(dataset_info(active_dataset(c)).columns, 0);
}

void add(Message& s, const Message& part) {
    s = s.empty() ? part : Message(Msg::ChangedList, {{"first", s}, {"next", part}});
}

} // namespace

Config config_for_data(const Config& c, const UserData& d, Message& changed) {
    Config n = c;
    n.preset = Preset::None;
    int K = 0; // 0: regression
    Message why;
    if (!d.class_names.empty()) {
        K = (int)d.class_names.size();
        if (c.problem == Problem::Regression) why = {Msg::ChangedWhyNames};
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
            why = {Msg::ChangedWhyNumbers,
                   {{"row", bad + 1}, {"label", number_text(d.points[bad].label)}}};
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

    changed = {};
    if (n.problem != c.problem) {
        const Message problem(K ? Msg::WordClassification : Msg::WordRegression);
        add(changed, why.empty()
                         ? Message(Msg::ChangedProblem, {{"problem", problem}})
                         : Message(Msg::ChangedProblemWhy, {{"problem", problem}, {"why", why}}));
    }
    const int before = c.problem == Problem::Classification ? num_classes(c) : 0;
    if (K && (K != before || n.problem != c.problem))
        add(changed,
            K >= 3 ? Message(Msg::ChangedSoftmax, {{"k", K}}) : Message(Msg::ChangedBinary));
    const int cols = input_columns(n);
    if (cols != input_columns(c)) {
        // n is the user's data: the file's columns, or points of the plane
        const Message inputs = n.columns ? Message(Msg::InputsFileColumns, {{"n", cols}})
                                         : Message(Msg::InputsFeatures);
        add(changed, {Msg::ChangedInputs, {{"inputs", inputs}}});
    }
    return n;
}

Message import_data(std::unique_ptr<Session>& s, const UserData& d, Message& changed) {
    if (!d.columns.empty() && d.values.size() != d.points.size() * d.columns.size())
        return {Msg::ImportValuesCount, {{"values", d.values.size()}, {"rows", d.points.size()}}};
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
        Message err;
        fresh = Session::create(want, err);
        if (!fresh) return err;
        t = fresh.get();
    }
    std::vector<float> labels;
    for (const Point& p : d.points) labels.push_back(p.label);
    Message err =
        d.columns.empty() ? t->set_points(d.points) : t->set_columns(d.columns, d.values, labels);
    if (!err.empty()) return err;
    err = t->set_class_names(d.class_names);
    if (!err.empty()) return err; // only fresh sessions get here with a count unchecked
    if (fresh) {
        s = std::move(fresh);
        if (!changed.empty()) add(changed, {Msg::ChangedAfresh});
    }
    return {};
}

Message carry_user_data(Session& to, const Session& from) {
    const Config& c = to.config();
    if (active_dataset(c) != DatasetKind::Custom ||
        active_dataset(from.config()) != DatasetKind::Custom)
        return {};
    Message err;
    const ColumnTable& t = from.user_columns();
    if (c.columns > 0 && t.cols() == (std::size_t)c.columns)
        err = to.set_columns(t.names, t.values, t.labels);
    else if (c.columns == 0 && c.points.empty() && !from.custom_points().empty())
        err = to.set_points(from.custom_points());
    if (!err.empty()) return err;
    if (to.class_names().empty() && !from.class_names().empty() &&
        from.class_names().size() == (std::size_t)to.model().num_classes)
        to.set_class_names(from.class_names());
    return {};
}

} // namespace bp
