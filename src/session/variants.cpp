// variants.cpp: plan_variants (contract in variants.h). Each run is built once (Session::create)
// to learn its size and initial weights, then dropped: a plan of 64 small nets costs a few ms.
#include "variants.h"
#include "../config/config_codec.h"
#include "../config/config_schema.h"
#include "session.h"
#include <algorithm>
#include <cstdio>
#include <cstring>

namespace bp {

namespace {

std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

} // namespace

VariantPlan plan_variants(const Config& base, bool sweep) {
    VariantPlan plan;
    plan.axes = sweep ? base.sweep : base.compare;
    const char* what = sweep ? "sweep" : "compare";
    if (plan.axes.empty()) {
        plan.error = {Msg::PlanNoAxes, {{"what", what}}};
        return plan;
    }
    Config clean = base;
    clean.compare.clear();
    clean.sweep.clear();
    clean.sweep_epochs = Config{}.sweep_epochs;
    clean.sweep_target = Config{}.sweep_target;
    plan.epochs = sweep ? base.sweep_epochs : 0;

    const int n = variant_count(plan.axes);
    std::vector<float> first_params;
    for (int r = 0; r < n; ++r) {
        VariantRun run;
        Config c = clean;
        int rest = r;
        run.cell.assign(plan.axes.size(), 0);
        for (int a = (int)plan.axes.size() - 1; a >= 0; --a) {
            const int k = (int)plan.axes[a].values.size();
            run.cell[a] = rest % k;
            rest /= k;
        }
        for (std::size_t a = 0; a < plan.axes.size(); ++a) {
            const VariantAxis& axis = plan.axes[a];
            const std::string& v = axis.values[run.cell[a]];
            // The value was checked by parse_variants; its key's row copies it into the variant.
            ParseResult one = parse_hash(axis.key + "=" + v);
            schema::find(axis.key)->copy(one.config, c);
            run.label += (a ? ", " : "") + axis.key + "=" + (v.empty() ? "(none)" : v);
        }
        Message error;
        std::unique_ptr<Session> s = Session::create(c, error);
        if (!s) {
            plan.error = {Msg::PlanCannotBuild,
                          {{"what", what}, {"label", run.label}, {"why", error}}};
            plan.runs.clear();
            return plan;
        }
        run.hash = to_hash(s->config());
        const auto& layers = s->network().layers();
        double per_sample = 0;
        for (std::size_t l = 0; l < layers.size(); ++l) {
            const double w = (double)layers[l].n_in * layers[l].n_out;
            per_sample += (l == 0 ? 2 : 3) * w; // forward, gradient, and delta (not to inputs)
        }
        run.multiply_adds = per_sample * (double)s->data().train.size();
        const auto& p = s->network().params;
        run.params = p.size();
        if (r == 0) first_params.assign(p.begin(), p.end());
        run.same_init = p.size() == first_params.size() &&
                        std::memcmp(p.data(), first_params.data(), p.size() * sizeof(float)) == 0;
        plan.total_multiply_adds += run.multiply_adds * plan.epochs;
        plan.runs.push_back(std::move(run));
    }
    if (sweep && plan.total_multiply_adds > kMaxSweepMultiplyAdds) {
        plan.error = {Msg::PlanTooMuchWork,
                      {{"runs", n},
                       {"epochs", plan.epochs},
                       {"work", number_text(plan.total_multiply_adds)},
                       {"max", number_text(kMaxSweepMultiplyAdds)}}};
        plan.runs.clear();
    }
    return plan;
}

} // namespace bp
