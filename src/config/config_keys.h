// config_keys.h: what the key table (config_schema.cpp), the codec (config_codec.cpp) and the
// consistency check (config_check.cpp) share: the hash's size limits, the allowed values of each
// enum key, range texts, and the one error-message format
// "<key>: '<value>' <problem>; allowed: <what>". Internal to src/config; the public interfaces
// are config_codec.h and config_schema.h.
#pragma once
#include "config_codec.h"
#include "config_schema.h"
#include "dataset_table.h"
#include "hash_text.h"
#include "message.h"
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

namespace bp::config_keys {

// Resource bounds on what a hash may carry. They are chosen so that to_hash of anything parse_hash
// keeps stays below kMaxHashBytes (else the round trip would cut it): fixed keys < 2 KiB, seed,
// tutorial and lesson < 1 KiB encoded, hidden names < 5 KiB, unknown keys <= kMaxUnknownTotalBytes
// encoded, points <= kMaxPointsBytes (written unencoded: digits, '-', '.', 'e', ',').
constexpr size_t kMaxHashBytes = 65536;
constexpr size_t kMaxSeedBytes = 64;
constexpr size_t kMaxTutorialBytes = 200;
constexpr size_t kMaxLessonBytes = 40; // a lesson id, e.g. "chain-rule"
constexpr int kMaxLessonSteps = 16;
constexpr size_t kMaxHidden = 64;

// The names "<name>_hide" may take. TensorFlow Playground's hidable controls (its "hide controls"
// list, PLAYGROUND-REFERENCE.md), its input features (hidden from the drawing only: an active
// one still feeds the network), and this page's own controls: the training options panel, each
// of its fields (named by its key), the speed menu and the class metrics (web/index.html and
// web/panels/options.js carry them as data-control). Any other name is refused: a typo or a
// hostile name would otherwise be kept in the link and hide nothing.
constexpr std::string_view kHidableNames[] = {
    // TensorFlow Playground's controls
    "showTestData", "discretize", "playButton", "stepButton", "resetButton", "learningRate",
    "activation", "regularization", "regularizationRate", "problem", "dataset", "percTrainData",
    "noise", "batchSize", "numHiddenLayers",
    // its input features
    "x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY",
    // ours
    "trainingOptions", "optimizer", "momentum", "beta1", "beta2", "rho", "epsilon", "init", "loss",
    "outputActivation", "layerActivations", "leakyAlpha", "dropout", "batchNorm", "residual",
    "stopEpoch", "stopTestLoss", "speed", "confusion"};
// Each name once, so a config never holds more hidden names than kMaxHidden.
static_assert(sizeof(kHidableNames) / sizeof(kHidableNames[0]) <= kMaxHidden);

inline bool is_hidable(std::string_view name) {
    for (std::string_view h : kHidableNames)
        if (h == name) return true;
    return false;
}
inline std::string hidable_names() {
    std::string s;
    for (std::string_view h : kHidableNames) s.append(s.empty() ? "" : ", ").append(h);
    return s;
}
constexpr size_t kMaxUnknownKeys = 64;
constexpr size_t kMaxUnknownBytes = 256;        // each unknown key and each unknown value, decoded
constexpr size_t kMaxUnknownTotalBytes = 24576; // all kept unknown "key=value&", encoded
constexpr size_t kMaxPointsBytes = kMaxHashPointsBytes; // config_codec.h
constexpr int kMaxStopEpoch = 1000000000;
constexpr int kMaxSweepEpochs = 100000;
// The keys a compare or a sweep may vary: how the network learns, not which data it sees (so
// every variant trains on the same points). Values per axis: 2..kMaxAxisValues.
constexpr std::string_view kComparableKeys[] = {"optimizer",
                                                "learningRate",
                                                "momentum",
                                                "activation",
                                                "init",
                                                "initZero",
                                                "batchSize",
                                                "regularization",
                                                "regularizationRate",
                                                "networkShape",
                                                "dropout",
                                                "batchNorm",
                                                "residual",
                                                "loss"};
constexpr size_t kMaxAxes = 2, kMaxAxisValues = 8, kMaxVariantsBytes = 512;
constexpr size_t kMaxErrors = 64; // a page cannot show more usefully
constexpr size_t kShownValueBytes = 40, kShownKeyBytes = 64, kIssueFieldBytes = 256;

// Written so that NaN is never in range.
inline bool in_range(const schema::Interval& k, double v) {
    bool lo_ok = k.lo_open ? v > k.lo : v >= k.lo;
    bool hi_ok = k.hi_open ? v < k.hi : v <= k.hi;
    return lo_ok && hi_ok;
}
inline Message range_text(const schema::Interval& k) {
    return {Msg::AllowedNumber,
            {{"interval", (k.lo_open ? "(" : "[") + hash_text::format_number(k.lo) + ", " +
                              hash_text::format_number(k.hi) + (k.hi_open ? ")" : "]")}}};
}
// An integer key's range, and its note (config_schema.h Key::note) when it has one.
inline Message integer_range_text(const schema::Interval& k, const Message& note = {}) {
    const long long lo = (long long)k.lo, hi = (long long)k.hi;
    if (note.empty()) return {Msg::AllowedInteger, {{"lo", lo}, {"hi", hi}}};
    return {Msg::AllowedIntegerNote, {{"lo", lo}, {"hi", hi}, {"note", note}}};
}

inline constexpr Activation kHiddenActivations[] = {Activation::ReLU, Activation::Tanh,
                                                    Activation::Sigmoid, Activation::Linear,
                                                    Activation::LeakyReLU};
inline constexpr Activation kOutputActivations[] = {Activation::ReLU,      Activation::Tanh,
                                                    Activation::Sigmoid,   Activation::Linear,
                                                    Activation::LeakyReLU, Activation::Softmax};
// The allowed values of "dataset" and "regDataset": dataset_table.h's rows of each problem.
inline constexpr const auto& kClassDatasets = DatasetsOf<Problem::Classification>::kinds;
inline constexpr const auto& kRegDatasets = DatasetsOf<Problem::Regression>::kinds;
inline constexpr Regularization kRegularizations[] = {Regularization::None, Regularization::L1,
                                                      Regularization::L2};
inline constexpr Problem kProblems[] = {Problem::Classification, Problem::Regression};
inline constexpr Loss kLosses[] = {Loss::Auto, Loss::Square, Loss::BCE, Loss::SoftmaxCE, Loss::Abs};
inline constexpr Optimizer kOptimizers[] = {
    Optimizer::SGD, Optimizer::Momentum, Optimizer::Nesterov, Optimizer::RMSProp, Optimizer::Adam};
// The hash keys each optimizer reads (optimizer.h's update rules); the others leave its steps
// alone.
struct OptimizerKeys {
    Optimizer optimizer;
    const char* keys[3]; // nullptr-terminated when shorter
};
inline constexpr OptimizerKeys kOptimizerKeys[] = {
    {Optimizer::SGD, {nullptr}},
    {Optimizer::Momentum, {"momentum", nullptr}},
    {Optimizer::Nesterov, {"momentum", nullptr}},
    {Optimizer::RMSProp, {"rho", "epsilon", nullptr}},
    {Optimizer::Adam, {"beta1", "beta2", "epsilon"}},
};
inline constexpr Init kInits[] = {Init::Playground, Init::Xavier, Init::He};
inline constexpr Preset kPresets[] = {Preset::None, Preset::WorkedExample};
inline constexpr Speed kSpeeds[] = {Speed::Epochs1, Speed::Epochs10, Speed::Epochs100, Speed::Max,
                                    Speed::Batch};
// The page's languages (web/i18n.js LANGS); auto: the browser's.
inline constexpr Lang kLangs[] = {Lang::Auto, Lang::En, Lang::Zh};

// Options: a C array or a std::array of enum values.
template <class Options>
auto find_name(const Options& options, std::string_view name) -> decltype(&*std::begin(options)) {
    for (const auto& e : options)
        if (name == name_of(e)) return &e;
    return nullptr;
}
template <class Options, class E> bool contains(const Options& options, E value) {
    for (const E& e : options)
        if (e == value) return true;
    return false;
}
template <class Options> std::string names_text(const Options& options) {
    std::string s;
    for (const auto& e : options) s += (s.empty() ? "" : ", ") + std::string(name_of(e));
    return s;
}
// A list of names as what is allowed.
inline Message allowed_names(std::string names) {
    return {Msg::AllowedNames, {{"names", std::move(names)}}};
}

// The issue fields keep the (possibly binary) key and value for matching, bounded in size; only
// `message` (and msg, whose arguments are the shown key and value) is meant for display and holds
// printable ASCII only. `shown`: the value as shown, when it is words rather than the value itself
// ("12 points").
inline ConfigIssue make_issue(std::string_view key, std::string_view value, const Message& problem,
                              const Message& allowed, const Message& shown = {}) {
    MessageArg v = shown.empty() ? MessageArg("value", hash_text::display(value, kShownValueBytes))
                                 : MessageArg("value", shown);
    Message msg = key.empty()
                      ? Message(Msg::IssueNoKey, {v, {"problem", problem}, {"allowed", allowed}})
                      : Message(Msg::Issue, {{"key", hash_text::display(key, kShownKeyBytes)},
                                             v,
                                             {"problem", problem},
                                             {"allowed", allowed}});
    return {std::string(key.substr(0, kIssueFieldBytes)),
            std::string(value.substr(0, kIssueFieldBytes)), msg.text(), msg};
}
// A value shown as words: its text in the issue's value field is the English one.
inline ConfigIssue make_issue(std::string_view key, const Message& shown, const Message& problem,
                              const Message& allowed) {
    return make_issue(key, shown.text(), problem, allowed, shown);
}

} // namespace bp::config_keys
