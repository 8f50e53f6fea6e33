// config_check.cpp: num_classes, active_dataset and check_consistency (contract in config_codec.h).
// check_consistency also re-checks each field's own range, because a Config may arrive built by
// hand (bindings, CLI) rather than from parse_hash; for a parsed config those checks never fire.
// Messages use the codec's format "<key>: '<value>' <problem>; allowed: <what>".
#include "config_codec.h"
#include "config_keys.h"
#include "config_schema.h"
#include <algorithm>
#include <cmath>
#include <string>

namespace bp {
using namespace config_keys;
namespace ht = hash_text;

int num_classes(const Config& c) {
    if (c.problem == Problem::Regression) return 0;
    if (c.dataset == DatasetKind::Custom) return c.classes; // the user's points: "classes"
    return dataset_info(c.dataset).classes;
}

// The multi-class datasets, for messages: dataset_table.h's rows with 3 or more classes.
static std::string multi_class_sets() {
    std::string s;
    for (const DatasetInfo& d : kDatasets)
        if (d.classes >= 3) s += (s.empty() ? "" : ", ") + std::string(d.key);
    return s;
}

DatasetKind active_dataset(const Config& c) {
    return c.problem == Problem::Regression ? c.reg_dataset : c.dataset;
}

static std::string join_names(const std::vector<Activation>& list) {
    std::string s;
    for (Activation a : list) s += (s.empty() ? "" : ",") + std::string(name_of(a));
    return s;
}

static std::string join_sizes(const std::vector<int>& shape) {
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s;
}

// Field-by-field ranges, as parse_hash enforces them: every Number, Integer and Enum key of the
// table, then the list keys.
static void check_fields(const Config& c, std::vector<ConfigIssue>& out) {
    for (const schema::Key& k : schema::keys()) {
        switch (k.kind) {
        case schema::Kind::Number:
            if (!in_range(k.range, c.*k.number))
                out.push_back(make_issue(k.name, ht::format_number(c.*k.number), {Msg::OutOfRange},
                                         range_text(k.range)));
            break;
        case schema::Kind::Integer:
            if (!in_range(k.range, c.*k.integer))
                out.push_back(make_issue(k.name, std::to_string(c.*k.integer), {Msg::OutOfRange},
                                         integer_range_text(k.range)));
            break;
        case schema::Kind::Enum:
            // Values outside the allowed ones; unnamed ones are only reachable through a cast
            // (found by tests/fuzz/fuzz_config_struct): the session's switches have no case
            // for them.
            if (!k.enumeration->allowed(c))
                out.push_back(make_issue(k.name, k.enumeration->name(c), {k.refused},
                                         allowed_names(k.enumeration->names())));
            break;
        default:
            break;
        }
    }
    bool shape_ok = c.network_shape.size() <= (size_t)kMaxHiddenLayers;
    for (int n : c.network_shape) shape_ok = shape_ok && n >= 1 && n <= kMaxNeurons;
    if (!shape_ok) {
        out.push_back(make_issue(
            "networkShape", join_sizes(c.network_shape), {Msg::OutOfRange},
            {Msg::AllowedHiddenLayers, {{"layers", kMaxHiddenLayers}, {"neurons", kMaxNeurons}}}));
    }
    for (Activation a : c.layer_activations) {
        if (contains(kHiddenActivations, a)) continue;
        out.push_back(make_issue("layerActivations", join_names(c.layer_activations),
                                 {Msg::NotHiddenActivationIn, {{"name", name_of(a)}}},
                                 allowed_names(names_text(kHiddenActivations))));
        break;
    }
    if (c.output_activation && !contains(kOutputActivations, *c.output_activation)) {
        out.push_back(make_issue("outputActivation", name_of(*c.output_activation), {Msg::NotKnown},
                                 allowed_names(names_text(kOutputActivations))));
    }
}

std::vector<ConfigIssue> check_consistency(const Config& c) {
    std::vector<ConfigIssue> out;
    check_fields(c, out);

    const int k = num_classes(c);
    const bool regression = c.problem == Problem::Regression;
    const bool multi = k >= 3;
    const Message data(Msg::DatasetClasses, {{"dataset", name_of(c.dataset)}, {"k", k}});
    const std::string multi_sets = multi_class_sets();
    const char* loss = name_of(c.loss);

    if (regression && (c.loss == Loss::BCE || c.loss == Loss::SoftmaxCE)) {
        out.push_back(
            make_issue("loss", loss, {Msg::ClassificationLoss}, {Msg::AllowedRegressionLoss}));
    } else if (c.loss == Loss::SoftmaxCE && !multi) {
        out.push_back(make_issue("loss", loss, {Msg::NeedsMultiClass, {{"why", data}}},
                                 {Msg::AllowedSoftmaxWith, {{"datasets", multi_sets}}}));
    } else if (c.loss == Loss::BCE && multi) {
        out.push_back(make_issue("loss", loss, {Msg::NeedsTwoClasses, {{"why", data}}},
                                 {Msg::AllowedMultiLoss}));
    } else if (multi && c.loss != Loss::Auto && c.loss != Loss::SoftmaxCE) {
        out.push_back(make_issue("loss", loss, {Msg::CannotTrainMulti, {{"why", data}}},
                                 {Msg::AllowedMultiLoss}));
    }

    if (c.output_activation) {
        const char* out_act = name_of(*c.output_activation);
        if (*c.output_activation == Activation::Softmax && !multi) {
            const Message why = regression ? Message(Msg::ProblemRegression) : data;
            out.push_back(make_issue("outputActivation", out_act,
                                     {Msg::NeedsMultiClass, {{"why", why}}},
                                     {Msg::AllowedSoftmaxOnly, {{"datasets", multi_sets}}}));
        } else if (*c.output_activation != Activation::Softmax && multi) {
            out.push_back(make_issue("outputActivation", out_act,
                                     {Msg::NoProbabilities, {{"why", data}}},
                                     {Msg::AllowedMultiOutput}));
        }
    }

    if (c.layer_activations.size() > c.network_shape.size()) {
        out.push_back(make_issue("layerActivations", join_names(c.layer_activations),
                                 {Msg::MoreEntriesThanLayers,
                                  {{"n", c.layer_activations.size()},
                                   {"shape", join_sizes(c.network_shape)},
                                   {"layers", c.network_shape.size()}}},
                                 {Msg::AllowedOnePerLayer}));
    }
    const char* dataset_key = regression ? "regDataset" : "dataset";
    if (!c.points.empty() && active_dataset(c) != DatasetKind::Custom) {
        out.push_back(make_issue(
            "points", {Msg::ValuePoints, {{"n", c.points.size()}}},
            {Msg::PointsNotCustom, {{"key", dataset_key}, {"dataset", name_of(active_dataset(c))}}},
            {Msg::AllowedPointsCustom, {{"key", dataset_key}}}));
    }
    for (std::size_t i = 0; i < c.points.size(); ++i) {
        const CustomPoint& p = c.points[i];
        const float l = p.label;
        if (!(std::fabs(p.x1) <= kMaxPointCoord && std::fabs(p.x2) <= kMaxPointCoord &&
              std::fabs(l) <= kMaxPointCoord)) {
            out.push_back(make_issue("points", {Msg::ValuePoint, {{"index", i + 1}}},
                                     {Msg::NotFiniteOrRange}, {Msg::AllowedPointCoords}));
            break;
        }
        if (regression || l == -1 || l == 0 || l == 1) continue;
        if (k >= 3 && l == std::floor(l) && l >= 0 && l < k) continue;
        out.push_back(
            make_issue("points", ht::format_number(l), {Msg::PointWithLabel, {{"index", i + 1}}},
                       k >= 3 ? Message(Msg::AllowedClassIndices, {{"last", k - 1}, {"k", k}})
                              : Message(Msg::AllowedBinaryLabels)));
        break;
    }
    if (c.classes != 2 && (regression || c.dataset != DatasetKind::Custom))
        out.push_back(make_issue(
            "classes", std::to_string(c.classes),
            regression ? Message(Msg::ClassesRegression)
                       : Message(Msg::ClassesGenerated, {{"dataset", name_of(c.dataset)}}),
            {Msg::AllowedClasses}));
    if (!c.class_names.empty() &&
        (regression || c.dataset != DatasetKind::Custom || (int)c.class_names.size() != k))
        out.push_back(
            make_issue("classNames", {Msg::ValueNames, {{"n", c.class_names.size()}}},
                       regression ? Message(Msg::NamesRegression)
                       : c.dataset != DatasetKind::Custom
                           ? Message(Msg::NamesGenerated, {{"dataset", name_of(c.dataset)}})
                           : Message(Msg::NamesNotClasses, {{"k", k}}),
                       {Msg::AllowedNamePerClass}));
    if (c.columns != 0 && (c.columns < 3 || active_dataset(c) != DatasetKind::Custom))
        out.push_back(make_issue("columns", std::to_string(c.columns),
                                 c.columns < 3 ? Message(Msg::ColumnsFew)
                                               : Message(Msg::ColumnsGenerated,
                                                         {{"dataset", name_of(active_dataset(c))}}),
                                 {Msg::AllowedColumns, {{"max", kMaxColumns}}}));
    if (c.columns != 0 && !c.points.empty())
        out.push_back(make_issue("points", {Msg::ValuePoints, {{"n", c.points.size()}}},
                                 {Msg::PointsWithColumns, {{"n", c.columns}}},
                                 {Msg::AllowedPointsPlane}));
    for (const std::string& name : c.hidden) // a hand-built config; the parser refuses these
        if (!is_hidable(name)) {
            out.push_back(make_issue(name + "_hide", "true", {Msg::NotHidable},
                                     {Msg::AllowedHidable, {{"names", hidable_names()}}}));
            break;
        }
    // In 64 bits with sizes clamped to their ranges (out-of-range ones are reported above), so a
    // hand-built config cannot overflow it; wasm's long is 32 bits.
    long long neurons = k >= 3 ? k : 1; // the output layer: K for softmax, else 1
    for (int n : c.network_shape) neurons += std::min(std::max(n, 1), kMaxNeurons);
    const long long batch = std::min(std::max(c.batch_size, 1), kMaxBatchSize);
    if (neurons * batch > kMaxBatchActivations) {
        out.push_back(make_issue(
            "batchSize", std::to_string(batch),
            {Msg::BatchTooLarge, {{"neurons", neurons}, {"activations", neurons * batch}}},
            {Msg::AllowedBatch,
             {{"max", kMaxBatchActivations / neurons}, {"limit", kMaxBatchActivations}}}));
    }
    // Batch statistics of one sample are degenerate (variance 0: every output is beta, and the
    // running variance decays to 0); PyTorch refuses it too. The worked example drops batchNorm.
    if (c.batch_norm && c.batch_size < 2 && c.preset == Preset::None) {
        out.push_back(make_issue("batchNorm", "true", {Msg::BatchNormSmall, {{"n", c.batch_size}}},
                                 {Msg::AllowedBatchNorm}));
    }
    return out;
}

} // namespace bp
