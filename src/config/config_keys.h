// config_keys.h: what the codec (config_codec.cpp) and the consistency check (config_check.cpp)
// share: the hash's size limits, its bool and number keys with their ranges, the allowed names of
// each enum key, and the one error-message format "<key>: '<value>' <problem>; allowed: <what>".
// Internal to src/config; the public interface is config_codec.h.
#pragma once
#include "config_codec.h"
#include "hash_text.h"
#include <cstddef>
#include <string>
#include <string_view>

namespace bp::config_keys {

// Resource bounds on what a hash may carry. They are chosen so that to_hash of anything parse_hash
// keeps stays below kMaxHashBytes (else the round trip would cut it): fixed keys < 2 KiB, seed and
// tutorial < 1 KiB encoded, hidden names < 5 KiB, unknown keys <= kMaxUnknownTotalBytes encoded,
// points <= kMaxPointsBytes (written unencoded: digits, '-', '.', 'e', ',').
constexpr size_t kMaxHashBytes = 65536;
constexpr size_t kMaxSeedBytes = 64;
constexpr size_t kMaxTutorialBytes = 200;
constexpr size_t kMaxHideNameBytes = 64;
constexpr size_t kMaxHidden = 64;
constexpr size_t kMaxUnknownKeys = 64;
constexpr size_t kMaxUnknownBytes = 256;        // each unknown key and each unknown value, decoded
constexpr size_t kMaxUnknownTotalBytes = 24576; // all kept unknown "key=value&", encoded
constexpr size_t kMaxPointsBytes = kMaxHashPointsBytes; // config_codec.h
constexpr int kMaxStopEpoch = 1000000000;
constexpr size_t kMaxErrors = 64; // a page cannot show more usefully
constexpr size_t kShownValueBytes = 40, kShownKeyBytes = 64, kIssueFieldBytes = 256;

struct BoolKey {
    const char* key;
    bool Config::*field;
};
inline constexpr BoolKey kBoolKeys[] = {
    {"showTestData", &Config::show_test_data},
    {"discretize", &Config::discretize},
    {"x", &Config::x},
    {"y", &Config::y},
    {"xTimesY", &Config::x_times_y},
    {"xSquared", &Config::x_squared},
    {"ySquared", &Config::y_squared},
    {"cosX", &Config::cos_x},
    {"sinX", &Config::sin_x},
    {"cosY", &Config::cos_y},
    {"sinY", &Config::sin_y},
    {"collectStats", &Config::collect_stats},
    {"initZero", &Config::init_zero},
    {"hideText", &Config::hide_text},
};

// Our boolean keys: unlike TF's (any non-empty value but "false" is true), only "true" and
// "false" are accepted, so a typo such as batchNorm=flase is reported instead of meaning true.
inline constexpr BoolKey kOurBoolKeys[] = {
    {"batchNorm", &Config::batch_norm},
    {"residual", &Config::residual},
};

// A real-valued key and its interval; an open end excludes the bound.
struct NumberKey {
    const char* key;
    double Config::*field;
    double lo, hi;
    bool lo_open, hi_open;
};
inline constexpr NumberKey kNumberKeys[] = {
    {"learningRate", &Config::learning_rate, 0, 100, true, false},
    {"regularizationRate", &Config::regularization_rate, 0, 100, false, false},
    {"noise", &Config::noise, 0, 50, false, false},
    {"percTrainData", &Config::perc_train_data, 10, 90, false, false},
    {"momentum", &Config::momentum, 0, 1, false, true},
    {"beta1", &Config::beta1, 0, 1, false, true},
    {"beta2", &Config::beta2, 0, 1, false, true},
    {"rho", &Config::rho, 0, 1, false, true},
    {"epsilon", &Config::epsilon, 0, 1, true, false},
    {"leakyAlpha", &Config::leaky_alpha, 0, 1, false, true},
    {"dropout", &Config::dropout, 0, 0.9, false, false},
    {"stopTestLoss", &Config::stop_test_loss, 0, 1e6, false, false},
};

// Written so that NaN is never in range.
inline bool in_range(const NumberKey& k, double v) {
    bool lo_ok = k.lo_open ? v > k.lo : v >= k.lo;
    bool hi_ok = k.hi_open ? v < k.hi : v <= k.hi;
    return lo_ok && hi_ok;
}
inline std::string range_text(const NumberKey& k) {
    return std::string("a number in ") + (k.lo_open ? "(" : "[") + hash_text::format_number(k.lo) +
           ", " + hash_text::format_number(k.hi) + (k.hi_open ? ")" : "]");
}

inline constexpr Activation kHiddenActivations[] = {Activation::ReLU, Activation::Tanh,
                                                    Activation::Sigmoid, Activation::Linear,
                                                    Activation::LeakyReLU};
inline constexpr Activation kOutputActivations[] = {Activation::ReLU,      Activation::Tanh,
                                                    Activation::Sigmoid,   Activation::Linear,
                                                    Activation::LeakyReLU, Activation::Softmax};
inline constexpr DatasetKind kClassDatasets[] = {
    DatasetKind::Circle, DatasetKind::Xor,     DatasetKind::Gauss,
    DatasetKind::Spiral, DatasetKind::Blobs3,  DatasetKind::Blobs4,
    DatasetKind::Blobs5, DatasetKind::Spiral3, DatasetKind::Custom};
inline constexpr DatasetKind kRegDatasets[] = {DatasetKind::RegPlane, DatasetKind::RegGauss,
                                               DatasetKind::Custom};
inline constexpr Regularization kRegularizations[] = {Regularization::None, Regularization::L1,
                                                      Regularization::L2};
inline constexpr Problem kProblems[] = {Problem::Classification, Problem::Regression};
inline constexpr Loss kLosses[] = {Loss::Auto, Loss::Square, Loss::BCE, Loss::SoftmaxCE, Loss::Abs};
inline constexpr Optimizer kOptimizers[] = {
    Optimizer::SGD, Optimizer::Momentum, Optimizer::Nesterov, Optimizer::RMSProp, Optimizer::Adam};
inline constexpr Init kInits[] = {Init::Playground, Init::Xavier, Init::He};
inline constexpr Preset kPresets[] = {Preset::None, Preset::WorkedExample};

template <class E, size_t N> const E* find_name(const E (&options)[N], std::string_view name) {
    for (const E& e : options)
        if (name == name_of(e)) return &e;
    return nullptr;
}
template <class E, size_t N> bool contains(const E (&options)[N], E value) {
    for (const E& e : options)
        if (e == value) return true;
    return false;
}
template <class E, size_t N> std::string names_text(const E (&options)[N]) {
    std::string s;
    for (const E& e : options) s += (s.empty() ? "" : ", ") + std::string(name_of(e));
    return s;
}

// The issue fields keep the (possibly binary) key and value for matching, bounded in size; only
// `message` is meant for display and holds printable ASCII only.
inline ConfigIssue make_issue(std::string_view key, std::string_view value,
                              std::string_view problem, std::string_view allowed) {
    std::string shown_key = key.empty() ? "(empty key)" : hash_text::display(key, kShownKeyBytes);
    std::string message = shown_key + ": '" + hash_text::display(value, kShownValueBytes) + "' ";
    message.append(problem).append("; allowed: ").append(allowed);
    return {std::string(key.substr(0, kIssueFieldBytes)),
            std::string(value.substr(0, kIssueFieldBytes)), message};
}

} // namespace bp::config_keys
