// config_schema.cpp: the key table (contract in config_schema.h) and the row makers it is written
// with. Rows are in to_hash's order: TensorFlow Playground's keys in the order TF writes them,
// then ours. Limits and allowed values come from config_keys.h.
#include "config_schema.h"
#include "config_keys.h"
#include <iterator>
#include <type_traits>
#include <utility>

namespace bp::schema {
using namespace config_keys;

namespace {

template <auto M> bool same(const Config& a, const Config& b) {
    return a.*M == b.*M;
}
template <auto M> void copy(const Config& from, Config& to) {
    to.*M = from.*M;
}

template <auto M> constexpr Key row(const char* name, Kind kind, Origin origin, Live live) {
    return Key{name, kind, origin, live, &same<M>, &copy<M>};
}

template <auto M> constexpr Key flag(const char* name, Origin origin, Live live = Live::Rebuild) {
    Key k = row<M>(name, Kind::Bool, origin, live);
    k.flag = M;
    return k;
}

template <auto M>
constexpr Key number(const char* name, Interval range, Origin origin, Live live = Live::Rebuild) {
    Key k = row<M>(name, Kind::Number, origin, live);
    k.number = M;
    k.range = range;
    return k;
}

template <auto M>
constexpr Key integer(const char* name, int lo, int hi, Origin origin, Live live = Live::Rebuild) {
    Key k = row<M>(name, Kind::Integer, origin, live);
    k.integer = M;
    k.range = {(double)lo, (double)hi, false, false};
    return k;
}
template <auto M>
constexpr Key integer(const char* name, int lo, int hi, Origin origin, Live live, Msg note) {
    Key k = integer<M>(name, lo, hi, origin, live);
    k.has_note = true;
    k.note = note;
    return k;
}

template <auto M>
constexpr Key text(const char* name, std::size_t max_bytes, Origin origin,
                   Live live = Live::Rebuild) {
    Key k = row<M>(name, Kind::Text, origin, live);
    k.text = M;
    k.max_bytes = max_bytes;
    return k;
}

template <auto M> constexpr Key variants(const char* name, int max_runs, Origin origin) {
    Key k = row<M>(name, Kind::Variants, origin, Live::Display);
    k.variants = M;
    k.range = {1, (double)max_runs, false, false};
    return k;
}

// The access of an enum member M whose allowed values are the array Options.
template <auto M, const auto& Options> struct EnumOf {
    using E = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<Config&>().*M)>>;
    static const char* name(const Config& c) { return name_of(c.*M); }
    static bool set(Config& c, std::string_view n) {
        const E* found = find_name(Options, n);
        if (found) c.*M = *found;
        return found != nullptr;
    }
    static bool allowed(const Config& c) { return contains(Options, c.*M); }
    static std::string names() { return names_text(Options); }
    static void set_option(Config& c, std::size_t i) { c.*M = Options[i]; }
    static void set_raw(Config& c, int v) { c.*M = (E)v; } // enum class: int underneath
    static constexpr EnumAccess access{&name,       &set,    &allowed, &names, std::size(Options),
                                       &set_option, &set_raw};
};

template <auto M, const auto& Options>
constexpr Key enumeration(const char* name, Origin origin, Live live = Live::Rebuild,
                          Msg refused = Msg::NotKnown) {
    Key k = row<M>(name, Kind::Enum, origin, live);
    k.enumeration = &EnumOf<M, Options>::access;
    k.refused = refused;
    return k;
}

constexpr Interval closed(double lo, double hi) {
    return {lo, hi, false, false};
}
constexpr Interval open_low(double lo, double hi) { // (lo, hi]
    return {lo, hi, true, false};
}
constexpr Interval open_high(double lo, double hi) { // [lo, hi)
    return {lo, hi, false, true};
}

constexpr Origin Tf = Origin::Tf, TfOmitted = Origin::TfOmitted, Ours = Origin::Ours;
using C = Config;

constexpr Key kKeys[] = {
    // TensorFlow Playground's keys, in its order.
    enumeration<&C::activation, kHiddenActivations>("activation", Tf, Live::Rebuild,
                                                    Msg::NotHiddenActivation),
    enumeration<&C::regularization, kRegularizations>("regularization", TfOmitted),
    integer<&C::batch_size>("batchSize", 1, kMaxBatchSize, Tf),
    enumeration<&C::dataset, kClassDatasets>("dataset", Tf, Live::Rebuild, Msg::NotClassDataset),
    enumeration<&C::reg_dataset, kRegDatasets>("regDataset", Tf, Live::Rebuild, Msg::NotRegDataset),
    number<&C::learning_rate>("learningRate", open_low(0, 100), Tf, Live::Training),
    number<&C::regularization_rate>("regularizationRate", closed(0, 100), Tf),
    number<&C::noise>("noise", closed(0, 50), Tf),
    row<&C::network_shape>("networkShape", Kind::Shape, Tf, Live::Rebuild),
    text<&C::seed>("seed", kMaxSeedBytes, Tf),
    flag<&C::show_test_data>("showTestData", Tf, Live::Display),
    flag<&C::discretize>("discretize", Tf, Live::Display),
    number<&C::perc_train_data>("percTrainData", closed(10, 90), Tf),
    flag<&C::x>("x", Tf),
    flag<&C::y>("y", Tf),
    flag<&C::x_times_y>("xTimesY", Tf),
    flag<&C::x_squared>("xSquared", Tf),
    flag<&C::y_squared>("ySquared", Tf),
    flag<&C::cos_x>("cosX", Tf),
    flag<&C::sin_x>("sinX", Tf),
    flag<&C::cos_y>("cosY", Tf),
    flag<&C::sin_y>("sinY", Tf),
    flag<&C::collect_stats>("collectStats", Tf),
    enumeration<&C::problem, kProblems>("problem", Tf),
    flag<&C::init_zero>("initZero", Tf),
    flag<&C::hide_text>("hideText", Tf),
    text<&C::tutorial>("tutorial", kMaxTutorialBytes, TfOmitted),
    row<&C::hidden>("hidden", Kind::Hidden, TfOmitted, Live::Rebuild),
    // Ours.
    row<&C::layer_activations>("layerActivations", Kind::Activations, Ours, Live::Rebuild),
    row<&C::output_activation>("outputActivation", Kind::OptionalActivation, Ours, Live::Rebuild),
    enumeration<&C::loss, kLosses>("loss", Ours),
    enumeration<&C::optimizer, kOptimizers>("optimizer", Ours, Live::Training),
    number<&C::momentum>("momentum", open_high(0, 1), Ours, Live::Training),
    number<&C::beta1>("beta1", open_high(0, 1), Ours, Live::Training),
    number<&C::beta2>("beta2", open_high(0, 1), Ours, Live::Training),
    number<&C::rho>("rho", open_high(0, 1), Ours, Live::Training),
    number<&C::epsilon>("epsilon", open_low(0, 1), Ours, Live::Training),
    enumeration<&C::init, kInits>("init", Ours),
    number<&C::leaky_alpha>("leakyAlpha", open_high(0, 1), Ours),
    enumeration<&C::preset, kPresets>("preset", Ours),
    number<&C::dropout>("dropout", closed(0, 0.9), Ours),
    flag<&C::batch_norm>("batchNorm", Ours),
    flag<&C::residual>("residual", Ours),
    integer<&C::stop_epoch>("stopEpoch", 0, kMaxStopEpoch, Ours, Live::Training,
                            Msg::NoteStopEpoch),
    number<&C::stop_test_loss>("stopTestLoss", closed(0, 1e6), Ours, Live::Training),
    enumeration<&C::speed, kSpeeds>("speed", Ours, Live::Training),
    row<&C::points>("points", Kind::Points, Ours, Live::Rebuild),
    integer<&C::classes>("classes", 2, kMaxClasses, Ours, Live::Rebuild, Msg::NoteClasses),
    row<&C::class_names>("classNames", Kind::Names, Ours, Live::Rebuild),
    integer<&C::columns>("columns", 0, kMaxColumns, Ours, Live::Rebuild, Msg::NoteColumns),
    flag<&C::standardize>("standardize", Ours),
    flag<&C::embed>("embed", Ours, Live::Display),
    enumeration<&C::lang, kLangs>("lang", Ours, Live::Display, Msg::NotLanguage),
    text<&C::lesson>("lesson", kMaxLessonBytes, Ours, Live::Display),
    integer<&C::lesson_step>("step", 1, kMaxLessonSteps, Ours, Live::Display),
    // Races and sweeps run beside the session (web/pool-worker.js), so they never rebuild it.
    variants<&C::compare>("compare", kMaxCompareVariants, Ours),
    variants<&C::sweep>("sweep", kMaxSweepRuns, Ours),
    integer<&C::sweep_epochs>("sweepEpochs", 1, kMaxSweepEpochs, Ours, Live::Display),
    number<&C::sweep_target>("sweepTarget", open_low(0, 1e6), Ours, Live::Display),
};

} // namespace

KeyList keys() {
    return {std::begin(kKeys), std::end(kKeys)};
}

const Key* find(std::string_view name) {
    for (const Key& k : kKeys)
        if (k.kind != Kind::Hidden && name == k.name) return &k;
    return nullptr;
}

} // namespace bp::schema
