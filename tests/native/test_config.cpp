// test_config.cpp: the URL-hash codec (src/config). Expected values come from TensorFlow
// Playground's documented behaviour (../shared/PLAYGROUND-REFERENCE.md) and the codec's stated
// rules, written by hand; round trips are checked against the parsed config, never against a
// captured to_hash string. Randomized parts use a fixed seed so a failure reproduces.
#include "config/config.h"
#include "config/config_codec.h"
#include "config/config_schema.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {

struct TestRng { // splitmix64: enough for test data, independent of the engine's rng
    uint64_t s;
    uint64_t next() {
        uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return (size_t)(next() % n); }
    double unit() { return (double)(next() >> 11) * (1.0 / 9007199254740992.0); } // [0, 1)
};

// The first key where a and b differ, or "" when equal (doubles compared with ==).
using schema::first_difference;

void check_round_trip(const Config& c) {
    std::string h = to_hash(c);
    ParseResult back = parse_hash(h);
    CHECK_MESSAGE(first_difference(back.config, c) == "", "hash: " << h);
    CHECK_MESSAGE(back.errors.empty(), "hash: " << h);
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

std::string all_messages(const ParseResult& r) {
    std::string s;
    for (const ConfigIssue& e : r.errors) s += e.message + "\n";
    return s;
}

bool printable(const std::string& s) {
    for (char ch : s)
        if ((unsigned char)ch < 0x20 || (unsigned char)ch > 0x7E) return false;
    return true;
}

const Activation kHidden[] = {Activation::ReLU, Activation::Tanh, Activation::Sigmoid,
                              Activation::Linear, Activation::LeakyReLU};
template <class T, size_t N> T pick(TestRng& r, const T (&options)[N]) {
    return options[r.below(N)];
}

std::string random_bytes(TestRng& r, size_t max_len) {
    std::string s(r.below(max_len + 1), '\0');
    for (char& c : s) c = (char)(unsigned char)r.below(256);
    return s;
}

// A number in [lo, hi] (or excluding an open end), often a bound or a short decimal.
double random_in(TestRng& r, double lo, double hi, bool lo_open, bool hi_open) {
    for (;;) {
        double v;
        switch (r.below(4)) {
        case 0:
            v = lo;
            break;
        case 1:
            v = hi;
            break;
        case 2:
            v = std::round((lo + (hi - lo) * r.unit()) * 1000) / 1000;
            break;
        default:
            v = lo + (hi - lo) * r.unit();
            break;
        }
        if ((lo_open && v <= lo) || (hi_open && v >= hi) || v < lo || v > hi) continue;
        return v;
    }
}

// Any config parse_hash can produce, drawn at random: each key of the table by its kind (a
// number or integer is often left at its default or at a bound), the list keys by hand.
Config random_config(TestRng& r) {
    Config c;
    for (const schema::Key& k : schema::keys()) {
        const schema::Interval& in = k.range;
        switch (k.kind) {
        case schema::Kind::Bool:
            c.*k.flag = r.below(2) == 1;
            break;
        case schema::Kind::Number:
            if (r.below(2)) c.*k.number = random_in(r, in.lo, in.hi, in.lo_open, in.hi_open);
            break;
        case schema::Kind::Integer:
            if (r.below(2)) {
                const size_t span = (size_t)(in.hi - in.lo) + 1;
                c.*k.integer =
                    (int)in.lo + (int)r.below(r.below(2) ? std::min<size_t>(span, 30) : span);
            }
            break;
        case schema::Kind::Enum:
            k.enumeration->set_option(c, r.below(k.enumeration->count));
            break;
        case schema::Kind::Text:
            if (r.below(3)) c.*k.text = random_bytes(r, k.max_bytes);
            break;
        default:
            break;
        }
    }
    if (r.below(8) == 0) c.learning_rate = 5e-324; // subnormal: still (0, 100]
    c.network_shape.resize(r.below(kMaxHiddenLayers + 1));
    for (int& n : c.network_shape) n = 1 + (int)r.below(kMaxNeurons);
    // Names a _hide key may take (TF's controls and inputs, our options), written out here
    const char* const hidable[] = {
        "showTestData", "playButton",   "numHiddenLayers", "x",        "sinY",
        "optimizer",    "stopTestLoss", "trainingOptions", "confusion"};
    for (size_t i = 0, n = r.below(6); i < n; ++i) {
        std::string name = hidable[r.below(std::size(hidable))];
        bool dup = false;
        for (const std::string& h : c.hidden) dup = dup || h == name;
        if (!dup) c.hidden.push_back(name);
    }
    c.layer_activations.resize(r.below(c.network_shape.size() + 1));
    for (Activation& a : c.layer_activations) a = pick(r, kHidden);
    const Activation outs[] = {Activation::ReLU,   Activation::Tanh,      Activation::Sigmoid,
                               Activation::Linear, Activation::LeakyReLU, Activation::Softmax};
    if (r.below(2)) c.output_activation = pick(r, outs);
    // Any float in range round-trips (the shortest form that reads back as the same float),
    // including subnormals and -0; 300 points of ~15 bytes stay under the hash's points budget.
    c.points.resize(r.below(3) ? 0 : r.below(300));
    for (CustomPoint& p : c.points) {
        float v[3];
        for (float& x : v) {
            const uint64_t kind = r.below(4);
            x = kind == 0   ? (float)((int)r.below(1201) - 600) / 100.0f // what a click gives
                : kind == 1 ? (float)random_in(r, -1e6, 1e6, false, false)
                : kind == 2 ? (r.below(2) ? -0.0f : 1e-40f)
                            : (float)(random_in(r, -1, 1, false, false) * 1e-3);
        }
        p = {v[0], v[1], v[2]};
    }
    for (size_t i = 0, n = r.below(5); i < n; ++i) {
        // "zz<i>...!" never names a known key nor ends in "_hide", and <i> keeps keys unique
        std::string key = "zz" + std::to_string(i) + random_bytes(r, 20) + "!";
        c.unknown.emplace_back(key, random_bytes(r, 30));
    }
    return c;
}

} // namespace

TEST_CASE("config: an empty hash gives TensorFlow Playground's defaults") {
    for (const char* hash : {"", "#", "#&&", "&"}) {
        ParseResult r = parse_hash(hash);
        const Config& c = r.config;
        CHECK(r.errors.empty());
        CHECK(r.unknown_keys.empty());
        CHECK(c.activation == Activation::Tanh);
        CHECK(c.regularization == Regularization::None);
        CHECK(c.batch_size == 10);
        CHECK(c.dataset == DatasetKind::Circle);
        CHECK(c.reg_dataset == DatasetKind::RegPlane);
        CHECK(c.learning_rate == 0.03);
        CHECK(c.regularization_rate == 0.0);
        CHECK(c.noise == 0.0);
        CHECK(c.network_shape == std::vector<int>{4, 2});
        CHECK(c.seed == "");
        CHECK(!c.show_test_data);
        CHECK(!c.discretize);
        CHECK(c.perc_train_data == 50.0);
        CHECK(c.x);
        CHECK(c.y);
        CHECK(!c.x_times_y);
        CHECK(!c.x_squared);
        CHECK(!c.y_squared);
        CHECK(!c.cos_x);
        CHECK(!c.sin_x);
        CHECK(!c.cos_y);
        CHECK(!c.sin_y);
        CHECK(!c.collect_stats);
        CHECK(c.problem == Problem::Classification);
        CHECK(!c.init_zero);
        CHECK(!c.hide_text);
        CHECK(c.tutorial == "");
        CHECK(c.hidden.empty());
        CHECK(c.layer_activations.empty());
        CHECK(!c.output_activation.has_value());
        CHECK(c.loss == Loss::Auto);
        CHECK(c.optimizer == Optimizer::SGD);
        CHECK(c.momentum == 0.9);
        CHECK(c.beta1 == 0.9);
        CHECK(c.beta2 == 0.999);
        CHECK(c.rho == 0.9);
        CHECK(c.epsilon == 1e-8);
        CHECK(c.init == Init::Playground);
        CHECK(c.leaky_alpha == 0.01);
        CHECK(c.unknown.empty());
    }
}

TEST_CASE("config: name_of spells the hash values") {
    CHECK(std::string(name_of(Activation::ReLU)) == "relu");
    CHECK(std::string(name_of(Activation::Tanh)) == "tanh");
    CHECK(std::string(name_of(Activation::Sigmoid)) == "sigmoid");
    CHECK(std::string(name_of(Activation::Linear)) == "linear");
    CHECK(std::string(name_of(Activation::LeakyReLU)) == "leakyrelu");
    CHECK(std::string(name_of(Activation::Softmax)) == "softmax");
    CHECK(std::string(name_of(Regularization::None)) == "none");
    CHECK(std::string(name_of(Regularization::L1)) == "L1");
    CHECK(std::string(name_of(Regularization::L2)) == "L2");
    CHECK(std::string(name_of(DatasetKind::Circle)) == "circle");
    CHECK(std::string(name_of(DatasetKind::Xor)) == "xor");
    CHECK(std::string(name_of(DatasetKind::Gauss)) == "gauss");
    CHECK(std::string(name_of(DatasetKind::Spiral)) == "spiral");
    CHECK(std::string(name_of(DatasetKind::RegPlane)) == "reg-plane");
    CHECK(std::string(name_of(DatasetKind::RegGauss)) == "reg-gauss");
    CHECK(std::string(name_of(DatasetKind::Blobs3)) == "blobs3");
    CHECK(std::string(name_of(DatasetKind::Blobs4)) == "blobs4");
    CHECK(std::string(name_of(DatasetKind::Blobs5)) == "blobs5");
    CHECK(std::string(name_of(DatasetKind::Spiral3)) == "spiral3");
    CHECK(std::string(name_of(DatasetKind::Custom)) == "custom");
    CHECK(std::string(name_of(Problem::Classification)) == "classification");
    CHECK(std::string(name_of(Problem::Regression)) == "regression");
    CHECK(std::string(name_of(Loss::Auto)) == "auto");
    CHECK(std::string(name_of(Loss::Square)) == "square");
    CHECK(std::string(name_of(Loss::BCE)) == "bce");
    CHECK(std::string(name_of(Loss::SoftmaxCE)) == "softmax");
    CHECK(std::string(name_of(Loss::Abs)) == "abs");
    CHECK(std::string(name_of(Optimizer::SGD)) == "sgd");
    CHECK(std::string(name_of(Optimizer::Momentum)) == "momentum");
    CHECK(std::string(name_of(Optimizer::Nesterov)) == "nesterov");
    CHECK(std::string(name_of(Optimizer::RMSProp)) == "rmsprop");
    CHECK(std::string(name_of(Optimizer::Adam)) == "adam");
    CHECK(std::string(name_of(Init::Playground)) == "playground");
    CHECK(std::string(name_of(Init::Xavier)) == "xavier");
    CHECK(std::string(name_of(Init::He)) == "he");
}

TEST_CASE("config: a real TensorFlow Playground link loads every field") {
    ParseResult r = parse_hash(
        "#activation=relu&batchSize=17&dataset=spiral&regDataset=reg-gauss&learningRate=0.1&"
        "regularizationRate=0.001&noise=35&networkShape=8,8,5&seed=0.21341&showTestData=true&"
        "discretize=true&percTrainData=70&x=true&y=false&xTimesY=true&xSquared=true&ySquared=false&"
        "cosX=false&sinX=true&cosY=false&sinY=true&collectStats=false&problem=classification&"
        "initZero=false&hideText=true&regularization=L2");
    const Config& c = r.config;
    CHECK(r.errors.empty());
    CHECK(r.unknown_keys.empty());
    CHECK(c.activation == Activation::ReLU);
    CHECK(c.batch_size == 17);
    CHECK(c.dataset == DatasetKind::Spiral);
    CHECK(c.reg_dataset == DatasetKind::RegGauss);
    CHECK(c.learning_rate == 0.1);
    CHECK(c.regularization_rate == 0.001);
    CHECK(c.noise == 35.0);
    CHECK(c.network_shape == std::vector<int>{8, 8, 5});
    CHECK(c.seed == "0.21341");
    CHECK(c.show_test_data);
    CHECK(c.discretize);
    CHECK(c.perc_train_data == 70.0);
    CHECK(c.x);
    CHECK(!c.y);
    CHECK(c.x_times_y);
    CHECK(c.x_squared);
    CHECK(!c.y_squared);
    CHECK(!c.cos_x);
    CHECK(c.sin_x);
    CHECK(!c.cos_y);
    CHECK(c.sin_y);
    CHECK(!c.collect_stats);
    CHECK(c.problem == Problem::Classification);
    CHECK(!c.init_zero);
    CHECK(c.hide_text);
    CHECK(c.regularization == Regularization::L2);
    CHECK(c.tutorial == "");
    CHECK(c.hidden.empty());
    CHECK(num_classes(c) == 2);
    CHECK(active_dataset(c) == DatasetKind::Spiral);
    CHECK(check_consistency(c).empty());
    check_round_trip(c);
}

TEST_CASE("config: a regression link with no hidden layer") {
    ParseResult r = parse_hash(
        "#activation=linear&regularization=L1&batchSize=30&dataset=xor&regDataset=reg-plane&"
        "learningRate=0.00001&regularizationRate=10&noise=50&networkShape=&seed=98765&"
        "showTestData=false&discretize=false&percTrainData=10&x=false&y=true&xTimesY=false&"
        "xSquared=false&ySquared=true&cosX=true&sinX=false&cosY=true&sinY=false&collectStats=true&"
        "problem=regression&initZero=true&hideText=false");
    const Config& c = r.config;
    CHECK(r.errors.empty());
    CHECK(c.activation == Activation::Linear);
    CHECK(c.regularization == Regularization::L1);
    CHECK(c.batch_size == 30);
    CHECK(c.dataset == DatasetKind::Xor);
    CHECK(c.reg_dataset == DatasetKind::RegPlane);
    CHECK(c.learning_rate == 0.00001);
    CHECK(c.regularization_rate == 10.0);
    CHECK(c.noise == 50.0);
    CHECK(c.network_shape.empty());
    CHECK(c.seed == "98765");
    CHECK(c.perc_train_data == 10.0);
    CHECK(!c.x);
    CHECK(c.y_squared);
    CHECK(c.cos_x);
    CHECK(c.cos_y);
    CHECK(c.collect_stats);
    CHECK(c.problem == Problem::Regression);
    CHECK(c.init_zero);
    CHECK(num_classes(c) == 0);
    CHECK(active_dataset(c) == DatasetKind::RegPlane);
    CHECK(check_consistency(c).empty());
    check_round_trip(c);
    // The empty shape is written as an empty value, which TF also reads as "no hidden layer".
    CHECK(contains("&" + to_hash(c) + "&", "&networkShape=&"));
}

TEST_CASE("config: booleans follow TF (\"false\" is false, other non-empty true, empty default)") {
    CHECK(!parse_hash("x=false").config.x);
    CHECK(parse_hash("x=0").config.x == true);
    CHECK(parse_hash("showTestData=no").config.show_test_data == true);
    CHECK(parse_hash("x=").config.x == true);
    CHECK(parse_hash("showTestData=").config.show_test_data == false);
    CHECK(parse_hash("showTestData").config.show_test_data == false);
    CHECK(parse_hash("x=FALSE").config.x == true); // TF compares exactly
    CHECK(parse_hash("x=&showTestData=").errors.empty());
}

TEST_CASE("config: repeated keys: the last one wins, silently") {
    ParseResult r =
        parse_hash("activation=relu&activation=sigmoid&learningRate=abc&learningRate=1");
    CHECK(r.config.activation == Activation::Sigmoid);
    CHECK(r.config.learning_rate == 1.0);
    CHECK(r.errors.empty());
    // The last value is the one checked, as TF's map would hold it.
    ParseResult bad = parse_hash("learningRate=1&learningRate=abc");
    CHECK(bad.config.learning_rate == 0.03);
    CHECK(bad.errors.size() == 1);
}

TEST_CASE("config: each key changes its field and round-trips") {
    const char* hashes[] = {
        "activation=relu",
        "activation=sigmoid",
        "activation=linear",
        "activation=leakyrelu",
        "regularization=L1",
        "regularization=L2",
        "batchSize=1",
        "batchSize=4096",
        "dataset=xor",
        "dataset=gauss",
        "dataset=spiral",
        "dataset=blobs3",
        "dataset=blobs4",
        "dataset=blobs5",
        "dataset=spiral3",
        "dataset=custom",
        "regDataset=reg-gauss",
        "regDataset=custom",
        "learningRate=100",
        "learningRate=1e-300",
        "learningRate=3",
        "regularizationRate=0.003",
        "regularizationRate=100",
        "noise=50",
        "noise=0.5",
        "networkShape=",
        "networkShape=256",
        "networkShape=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
        "networkShape=%208%20,%203",
        "seed=abc",
        "showTestData=true",
        "discretize=true",
        "percTrainData=10",
        "percTrainData=90",
        "x=false",
        "y=false",
        "xTimesY=true",
        "xSquared=true",
        "ySquared=true",
        "cosX=true",
        "sinX=true",
        "cosY=true",
        "sinY=true",
        "collectStats=true",
        "problem=regression",
        "initZero=true",
        "hideText=true",
        "tutorial=x",
        "playButton_hide=true",
        "layerActivations=relu",
        "layerActivations=relu,%20sigmoid",
        "outputActivation=softmax",
        "outputActivation=linear",
        "loss=square",
        "loss=bce",
        "loss=softmax",
        "loss=abs",
        "optimizer=momentum",
        "optimizer=nesterov",
        "optimizer=rmsprop",
        "optimizer=adam",
        "momentum=0",
        "momentum=0.99",
        "beta1=0.5",
        "beta2=0.9999",
        "rho=0.95",
        "epsilon=1",
        "epsilon=1e-12",
        "init=xavier",
        "init=he",
        "leakyAlpha=0.2",
        "leakyAlpha=0",
        "someFutureKey=1",
    };
    const Config defaults;
    for (const char* hash : hashes) {
        std::string h = hash;
        CAPTURE(h);
        ParseResult r = parse_hash(h);
        CHECK(r.errors.empty());
        CHECK(first_difference(r.config, defaults) != "");
        check_round_trip(r.config);
    }
    CHECK(parse_hash("networkShape=%208%20,%203").config.network_shape == std::vector<int>{8, 3});
    CHECK(parse_hash("layerActivations=relu,%20sigmoid").config.layer_activations ==
          std::vector<Activation>{Activation::ReLU, Activation::Sigmoid});
    CHECK(parse_hash("regularization=none").config.regularization == Regularization::None);
    CHECK(parse_hash("regularization=none").errors.empty());
    CHECK(parse_hash("outputActivation=").config.output_activation == std::nullopt);
    CHECK(parse_hash("layerActivations=").config.layer_activations.empty());
    CHECK(parse_hash("batchSize=1e1").config.batch_size == 10); // integral, however written
    CHECK(parse_hash("learningRate=.5").config.learning_rate == 0.5);
    CHECK(parse_hash("learningRate=%2B3").config.learning_rate == 3.0); // "+3"
    CHECK(parse_hash("regularizationRate=-0").config.regularization_rate == 0.0);
    CHECK(!std::signbit(parse_hash("regularizationRate=-0").config.regularization_rate));
}

// A value of key k other than its default, within its range.
void set_other_value(const schema::Key& k, Config& c) {
    const Config d;
    const schema::Interval& in = k.range;
    switch (k.kind) {
    case schema::Kind::Bool:
        c.*k.flag = !(d.*k.flag);
        break;
    case schema::Kind::Number:
        c.*k.number = !in.lo_open && d.*k.number != in.lo   ? in.lo
                      : !in.hi_open && d.*k.number != in.hi ? in.hi
                                                            : (in.lo + in.hi) / 2;
        break;
    case schema::Kind::Integer:
        c.*k.integer = d.*k.integer != (int)in.lo ? (int)in.lo : (int)in.hi;
        break;
    case schema::Kind::Enum:
        for (size_t i = 0; i < k.enumeration->count && schema::is_default(k, c); ++i)
            k.enumeration->set_option(c, i);
        break;
    case schema::Kind::Text:
        c.*k.text = "a&b=c";
        break;
    case schema::Kind::Shape:
        c.network_shape = {3};
        break;
    case schema::Kind::Activations:
        c.layer_activations = {Activation::ReLU};
        break;
    case schema::Kind::OptionalActivation:
        c.output_activation = Activation::Linear;
        break;
    case schema::Kind::Points:
        c.points = {{1, 2, 1}};
        break;
    case schema::Kind::Names:
        c.class_names = {"a,b", "c&d"};
        break;
    case schema::Kind::Variants:
        c.*k.variants = {{"networkShape", {"", "4,4"}}, {"optimizer", {"sgd", "adam"}}};
        break;
    case schema::Kind::Hidden:
        c.hidden = {"noise"};
        break;
    }
}

TEST_CASE("config: every key of the table takes another value, round-trips, is written as said") {
    const std::string defaults = to_hash(Config{});
    for (const schema::Key& k : schema::keys()) {
        CAPTURE(std::string(k.name));
        CHECK(schema::is_default(k, Config{}));
        Config c;
        set_other_value(k, c);
        CHECK(!schema::is_default(k, c));
        CHECK(first_difference(c, Config{}) == k.name);
        check_round_trip(c);
        std::string written =
            k.kind == schema::Kind::Hidden ? "noise_hide=" : k.name + std::string("=");
        CHECK(contains(to_hash(c), written));
        // TF's keys are always in the link; ours (and TF's left-out ones) only when set.
        CHECK(contains("&" + defaults, "&" + written) == (k.origin == schema::Origin::Tf));
        Config live;
        schema::copy_live(c, live);
        CHECK((first_difference(live, c) == "") == (k.live != schema::Live::Rebuild));
    }
    CHECK(schema::find("hidden") == nullptr); // "<name>_hide" keys, not a key of its own
    CHECK(schema::live_names() ==
          "learningRate, optimizer, momentum, beta1, beta2, rho, epsilon, "
          "stopEpoch, stopTestLoss, speed, showTestData, discretize, embed, lang, lesson, "
          "step, compare, sweep, sweepEpochs and sweepTarget");
}

TEST_CASE("config: to_hash writes TF keys in TF's order, ours only when not default") {
    const std::string tf_defaults =
        "activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&"
        "regularizationRate=0&noise=0&networkShape=4,2&seed=&showTestData=false&"
        "discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&"
        "ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&"
        "problem=classification&initZero=false&hideText=false";
    CHECK(to_hash(Config{}) == tf_defaults);

    Config c;
    c.regularization = Regularization::L2;
    c.learning_rate = 0.00001;
    c.noise = 50;
    c.optimizer = Optimizer::Adam;
    c.beta2 = 0.99;
    c.leaky_alpha = 0.125;
    c.hidden = {"noise"};
    c.unknown = {{"zeta", "1"}, {"alpha", "2"}};
    std::string h = to_hash(c);
    CHECK(contains(h, "activation=tanh&regularization=L2&batchSize=10&"));
    CHECK(contains(h, "learningRate=1e-05&"));
    CHECK(contains(h, "&noise=50&")); // not "5e+01": TF reads our links and does not decode %2B
    CHECK(contains(h, "hideText=false&noise_hide=true&optimizer=adam&beta2=0.99&"
                      "leakyAlpha=0.125&zeta=1&alpha=2"));
    CHECK(!contains(h, "momentum="));
    CHECK(!contains(h, "loss="));
    CHECK(!contains(h, "#"));
    check_round_trip(c);
}

TEST_CASE("config: numbers are written in their shortest exact form") {
    Config c;
    c.learning_rate = 0.1 + 0.2; // 0.30000000000000004: needs 17 digits
    c.regularization_rate = 1.0 / 3.0;
    c.noise = 12.5;
    c.momentum = 0.3;
    std::string h = to_hash(c);
    CHECK(contains(h, "learningRate=0.30000000000000004&"));
    CHECK(contains(h, "&noise=12.5&"));
    CHECK(contains(h, "momentum=0.3"));
    check_round_trip(c);
}

TEST_CASE("config: bad values are reported, keep the default, and the rest still loads") {
    struct Bad {
        const char* hash;
        const char* expected; // substring of the message: key, shown value and problem
        const char* allowed;  // substring after "allowed:"
    };
    const Bad cases[] = {
        {"learningRate=NaN", "learningRate: 'NaN' is not a finite number", "(0, 100]"},
        {"learningRate=nan", "learningRate: 'nan' is not a finite number", "(0, 100]"},
        {"learningRate=Infinity", "learningRate: 'Infinity' is not a finite number", "(0, 100]"},
        {"learningRate=-inf", "learningRate: '-inf' is not a finite number", "(0, 100]"},
        {"learningRate=-1", "learningRate: '-1' is out of range", "a number in (0, 100]"},
        {"learningRate=0", "learningRate: '0' is out of range", "a number in (0, 100]"},
        {"learningRate=100.5", "learningRate: '100.5' is out of range", "(0, 100]"},
        {"learningRate=1e308", "learningRate: '1e308' is out of range", "(0, 100]"},
        {"learningRate=1e999", "learningRate: '1e999' is out of range", "(0, 100]"},
        {"learningRate=1e-999", "learningRate: '1e-999' is out of range", "(0, 100]"},
        {"learningRate=abc", "learningRate: 'abc' is not a decimal number", "(0, 100]"},
        {"learningRate=", "learningRate: '' is empty", "(0, 100]"},
        {"learningRate", "learningRate: '' is empty", "(0, 100]"},
        {"learningRate=0x10", "learningRate: '0x10' is not a decimal number", "(0, 100]"},
        {"learningRate=%201", "learningRate: ' 1' is not a decimal number", "(0, 100]"},
        {"learningRate=1%20", "learningRate: '1 ' is not a decimal number", "(0, 100]"},
        {"learningRate=1e", "learningRate: '1e' is not a decimal number", "(0, 100]"},
        {"learningRate=.", "learningRate: '.' is not a decimal number", "(0, 100]"},
        {"learningRate=1.2.3", "learningRate: '1.2.3' is not a decimal number", "(0, 100]"},
        {"learningRate=--1", "learningRate: '--1' is not a decimal number", "(0, 100]"},
        {"learningRate=1,5", "learningRate: '1,5' is not a decimal number", "(0, 100]"},
        {"regularizationRate=-0.1", "regularizationRate: '-0.1' is out of range", "[0, 100]"},
        {"noise=51", "noise: '51' is out of range", "a number in [0, 50]"},
        {"noise=-1", "noise: '-1' is out of range", "[0, 50]"},
        {"percTrainData=95", "percTrainData: '95' is out of range", "[10, 90]"},
        {"percTrainData=9.99", "percTrainData: '9.99' is out of range", "[10, 90]"},
        {"momentum=1", "momentum: '1' is out of range", "a number in [0, 1)"},
        {"beta1=1", "beta1: '1' is out of range", "[0, 1)"},
        {"beta2=-0.5", "beta2: '-0.5' is out of range", "[0, 1)"},
        {"rho=2", "rho: '2' is out of range", "[0, 1)"},
        {"epsilon=0", "epsilon: '0' is out of range", "a number in (0, 1]"},
        {"leakyAlpha=1", "leakyAlpha: '1' is out of range", "[0, 1)"},
        {"batchSize=2.5", "batchSize: '2.5' is not an integer", "an integer in 1..4096"},
        {"batchSize=0", "batchSize: '0' is out of range", "1..4096"},
        {"batchSize=4097", "batchSize: '4097' is out of range", "1..4096"},
        {"batchSize=-3", "batchSize: '-3' is out of range", "1..4096"},
        {"batchSize=1e308", "batchSize: '1e308' is out of range", "1..4096"},
        {"batchSize=NaN", "batchSize: 'NaN' is not a finite number", "1..4096"},
        {"batchSize=", "batchSize: '' is empty", "1..4096"},
        {"networkShape=1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1", "has 17 layers",
         "up to 16 comma-separated integers, each 1..256"},
        {"networkShape=4,257", "networkShape: '4,257' has layer 2 '257' that is out of range",
         "each 1..256"},
        {"networkShape=4,,2", "networkShape: '4,,2' has layer 2 '' that is empty", "1..256"},
        {"networkShape=4,2,", "has layer 3 '' that is empty", "1..256"},
        {"networkShape=0", "has layer 1 '0' that is out of range", "1..256"},
        {"networkShape=4,x", "has layer 2 'x' that is not a decimal number", "1..256"},
        {"networkShape=2.5", "has layer 1 '2.5' that is not an integer", "1..256"},
        {"networkShape=%20", "has layer 1 '' that is empty", "1..256"},
        {"activation=foo", "activation: 'foo' is not a known value",
         "relu, tanh, sigmoid, linear, leakyrelu"},
        {"activation=softmax", "activation: 'softmax' is not a known value",
         "allowed: relu, tanh, sigmoid, linear, leakyrelu"},
        {"activation=ReLU", "activation: 'ReLU' is not a known value", "relu, tanh"},
        {"activation=", "activation: '' is not a known value", "relu, tanh"},
        {"regularization=l1", "regularization: 'l1' is not a known value", "none, L1, L2"},
        {"dataset=reg-plane", "dataset: 'reg-plane' is not a known value",
         "circle, xor, gauss, spiral, moons, sine, cubic, vee, blobs3, blobs4, blobs5, spiral3, "
         "iris, custom"},
        {"regDataset=circle", "regDataset: 'circle' is not a known value",
         "reg-plane, reg-gauss, custom"},
        {"problem=clustering", "problem: 'clustering' is not a known value",
         "classification, regression"},
        {"loss=hinge", "loss: 'hinge' is not a known value", "auto, square, bce, softmax, abs"},
        {"optimizer=adagrad", "optimizer: 'adagrad' is not a known value",
         "sgd, momentum, nesterov, rmsprop, adam"},
        {"init=lecun", "init: 'lecun' is not a known value", "playground, xavier, he"},
        {"outputActivation=elu", "outputActivation: 'elu' is not a known value",
         "relu, tanh, sigmoid, linear, leakyrelu, softmax"},
        {"layerActivations=relu,softmax",
         "layerActivations: 'relu,softmax' has entry 2 'softmax' that is only valid as "
         "outputActivation",
         "relu, tanh, sigmoid, linear, leakyrelu"},
        {"layerActivations=relu,,tanh", "has entry 2 '' that is not a known value", "relu, tanh"},
        {"layerActivations=a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a", "has 17 entries", "up to 16"},
        {"seed=%25G1", nullptr, nullptr}, // valid: "%G1" spelled with an escaped '%'
        {"seed=%G1", "seed: '%G1' has a malformed percent escape", "two hex digits"},
        {"seed=ab%4", "seed: 'ab%4' has a malformed percent escape", "two hex digits"},
        {"seed=%", "seed: '%' has a malformed percent escape", "two hex digits"},
        {"learningRate=%3", "learningRate: '%3' has a malformed percent escape", "hex digits"},
        {"%ZZ=1", "%ZZ: '1' has a key with a malformed percent escape", "hex digits"},
        {"learn%4=1", "learn%4: '1' has a key with a malformed percent escape", "hex digits"},
        {"=5", "(empty key): '5' has no key", "key=value"},
    };
    const Config defaults;
    for (const Bad& b : cases) {
        std::string hash = b.hash;
        CAPTURE(hash);
        ParseResult r = parse_hash(b.hash);
        if (!b.expected) {
            CHECK(r.errors.empty());
            continue;
        }
        CHECK(first_difference(r.config, defaults) == "");
        CHECK(r.unknown_keys.empty());
        REQUIRE(r.errors.size() == 1);
        const std::string& m = r.errors[0].message;
        CAPTURE(m);
        CHECK(contains(m, b.expected));
        CHECK(contains(m, "; allowed: "));
        CHECK(contains(m.substr(m.find("; allowed: ")), b.allowed));
        CHECK(printable(m));
        // The rest of the hash still loads.
        ParseResult more = parse_hash(std::string(b.hash) + "&hideText=true&zz=1");
        CHECK(more.config.hide_text);
        CHECK(more.errors.size() == 1);
        CHECK(more.unknown_keys == std::vector<std::string>{"zz"});
    }
}

TEST_CASE("config: one bad key among good ones: the rest loads") {
    ParseResult r = parse_hash("learningRate=abc&activation=relu");
    CHECK(r.config.activation == Activation::ReLU);
    CHECK(r.config.learning_rate == 0.03);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].key == "learningRate");
    CHECK(r.errors[0].value == "abc");
}

TEST_CASE("config: a too-long seed or tutorial is refused") {
    ParseResult r = parse_hash("seed=" + std::string(65, '7') +
                               "&tutorial=" + std::string(201, 't') + "&batchSize=5");
    CHECK(r.config.seed == "");
    CHECK(r.config.tutorial == "");
    CHECK(r.config.batch_size == 5);
    REQUIRE(r.errors.size() == 2);
    CHECK(contains(r.errors[0].message, "seed: '" + std::string(40, '7') + "...' is too long"));
    CHECK(contains(r.errors[0].message, "64 bytes"));
    CHECK(contains(r.errors[1].message, "tutorial: '"));
    CHECK(contains(r.errors[1].message, "200 bytes"));
    CHECK(parse_hash("seed=" + std::string(64, '7')).config.seed == std::string(64, '7'));
    CHECK(parse_hash("tutorial=" + std::string(200, 't')).errors.empty());
}

TEST_CASE("config: messages show bytes safely and cut long values") {
    ParseResult r = parse_hash("learningRate=%01%FF%5Cx%C3%A9" + std::string(50, '9'));
    REQUIRE(r.errors.size() == 1);
    const std::string& m = r.errors[0].message;
    CHECK(contains(m, "learningRate: '\\x01\\xFF\\x5Cx\\xC3\\xA9" + std::string(34, '9') +
                          "...' is not a decimal number"));
    CHECK(printable(m));
    CHECK(r.errors[0].value.size() == 56); // the field keeps the decoded bytes
}

TEST_CASE("config: percent-decoding") {
    CHECK(parse_hash("seed=%41%62c").config.seed == "Abc");
    CHECK(parse_hash("seed=a+b").config.seed == "a+b"); // '+' is not a space in a hash
    CHECK(parse_hash("seed=a=b").config.seed == "a=b"); // split at the first '='
    CHECK(parse_hash("%61ctivation=relu").config.activation == Activation::ReLU);
    CHECK(parse_hash("seed=%e2%82%ac").config.seed == "\xE2\x82\xAC");
}

TEST_CASE("config: a seed with '&', '=', '#', '%' and UTF-8 survives the round trip") {
    Config c;
    c.seed = "&=#% \xC3\xA9+";
    c.tutorial = "a&b=c";
    std::string h = to_hash(c);
    CHECK(contains(h, "&seed=%26%3D%23%25%20%C3%A9%2B&"));
    check_round_trip(c);
    CHECK(parse_hash("#" + h).config.seed == c.seed);
}

TEST_CASE("config: unknown keys are kept in order, reported, and round-trip") {
    ParseResult r = parse_hash("foo=1&activation=relu&bar=%26x%3D&baz&foo=2&a%20b=%00");
    CHECK(r.errors.empty());
    CHECK(r.config.activation == Activation::ReLU);
    CHECK(r.unknown_keys == std::vector<std::string>{"foo", "bar", "baz", "a b"});
    using KV = std::pair<std::string, std::string>;
    CHECK(
        r.config.unknown ==
        std::vector<KV>{{"foo", "2"}, {"bar", "&x="}, {"baz", ""}, {"a b", std::string(1, '\0')}});
    check_round_trip(r.config);

    SUBCASE("at most 64 are kept, with one error") {
        std::string h;
        for (int i = 0; i < 70; ++i) h += "k" + std::to_string(i) + "=v&";
        h += "activation=sigmoid";
        ParseResult many = parse_hash(h);
        CHECK(many.config.unknown.size() == 64);
        CHECK(many.unknown_keys.size() == 64);
        CHECK(many.config.unknown.back().first == "k63");
        CHECK(many.config.activation == Activation::Sigmoid);
        REQUIRE(many.errors.size() == 1);
        CHECK(contains(many.errors[0].message, "k64: 'v'"));
        CHECK(contains(many.errors[0].message, "too many unknown keys"));
        check_round_trip(many.config);
    }
    SUBCASE("each key and value is at most 256 bytes") {
        ParseResult longer = parse_hash(std::string(257, 'k') + "=1&v=" + std::string(257, 'v') +
                                        "&ok=" + std::string(256, 'v'));
        CHECK(longer.unknown_keys == std::vector<std::string>{"ok"});
        CHECK(longer.errors.size() == 2);
        CHECK(contains(all_messages(longer), "is too long to keep as an unknown key"));
    }
    SUBCASE("their encoded size is bounded, so the biggest config still round-trips") {
        std::string h;
        for (int i = 0; i < 64; ++i) {
            std::string key = "k" + std::to_string(i) + "_";
            h += key;
            for (size_t j = key.size(); j < 256; ++j) h += "%FF";
            h += "=";
            for (int j = 0; j < 256; ++j) h += "%01";
            h += "&";
        }
        ParseResult bigr = parse_hash(h);
        CHECK(bigr.config.unknown.size() >= 10);
        CHECK(bigr.config.unknown.size() < 64);
        CHECK(contains(all_messages(bigr), "too many unknown keys"));
        // Everything else at its largest too.
        Config c = bigr.config;
        c.seed = std::string(64, '\xFF');
        c.tutorial = std::string(200, '\xFF');
        for (const char* name : {"showTestData",
                                 "discretize",
                                 "playButton",
                                 "stepButton",
                                 "resetButton",
                                 "learningRate",
                                 "activation",
                                 "regularization",
                                 "regularizationRate",
                                 "problem",
                                 "dataset",
                                 "percTrainData",
                                 "noise",
                                 "batchSize",
                                 "numHiddenLayers",
                                 "x",
                                 "y",
                                 "xSquared",
                                 "ySquared",
                                 "xTimesY",
                                 "sinX",
                                 "sinY",
                                 "trainingOptions",
                                 "optimizer",
                                 "momentum",
                                 "beta1",
                                 "beta2",
                                 "rho",
                                 "epsilon",
                                 "init",
                                 "loss",
                                 "outputActivation",
                                 "layerActivations",
                                 "leakyAlpha",
                                 "dropout",
                                 "batchNorm",
                                 "residual",
                                 "stopEpoch",
                                 "stopTestLoss",
                                 "speed",
                                 "confusion"})
            c.hidden.push_back(name); // every name a _hide key may take
        c.network_shape.assign(16, 256);
        c.layer_activations.assign(16, Activation::LeakyReLU);
        c.learning_rate = 0.1 + 0.2;
        c.output_activation = Activation::Softmax;
        std::string out = to_hash(c);
        CHECK(out.size() <= 65536);
        check_round_trip(c);
    }
}

TEST_CASE("config: a hash over 64 KiB is read up to 64 KiB") {
    std::string h = "#activation=relu&zz=" + std::string(70000, 'x') + "&batchSize=3";
    ParseResult r = parse_hash(h);
    CHECK(r.config.activation == Activation::ReLU);
    CHECK(r.config.batch_size == 10); // past the limit
    CHECK(contains(all_messages(r), "bytes is too long; allowed: at most 65536 bytes"));
    CHECK(contains(all_messages(r), "zz: 'xxxxxxxxxx"));
    // Exactly 64 KiB (after '#') is fine.
    std::string fits = "#zz=1&" + std::string(65536 - 5, '&');
    CHECK(parse_hash(fits).errors.empty());
}

TEST_CASE("config: the error list is bounded") {
    std::string h;
    for (int i = 0; i < 500; ++i) h += "%ZZ" + std::to_string(i) + "=1&";
    ParseResult r = parse_hash(h);
    CHECK(r.errors.size() == 65);
    CHECK(contains(r.errors.back().message, "further errors were not listed"));
}

TEST_CASE("config: num_classes and active_dataset") {
    Config c;
    const std::pair<DatasetKind, int> classes[] = {
        {DatasetKind::Circle, 2}, {DatasetKind::Xor, 2},    {DatasetKind::Gauss, 2},
        {DatasetKind::Spiral, 2}, {DatasetKind::Custom, 2}, {DatasetKind::Blobs3, 3},
        {DatasetKind::Blobs4, 4}, {DatasetKind::Blobs5, 5}, {DatasetKind::Spiral3, 3}};
    for (auto [d, k] : classes) {
        c.dataset = d;
        c.problem = Problem::Classification;
        CHECK(num_classes(c) == k);
        CHECK(active_dataset(c) == d);
        c.problem = Problem::Regression;
        CHECK(num_classes(c) == 0);
        CHECK(active_dataset(c) == DatasetKind::RegPlane);
    }
    c.reg_dataset = DatasetKind::RegGauss;
    CHECK(active_dataset(c) == DatasetKind::RegGauss);
}

TEST_CASE("config: check_consistency") {
    auto issues = [](const char* hash) {
        ParseResult r = parse_hash(hash);
        REQUIRE(r.errors.empty());
        std::string s;
        for (const ConfigIssue& i : check_consistency(r.config)) s += i.message + "\n";
        return s;
    };
    for (const char* ok :
         {"", "dataset=blobs3", "dataset=blobs5&loss=softmax", "dataset=spiral3&loss=auto",
          "dataset=blobs4&outputActivation=softmax", "loss=bce", "loss=square", "loss=abs",
          "problem=regression&loss=square", "problem=regression&loss=abs",
          "problem=regression&dataset=blobs3&loss=square", "outputActivation=sigmoid",
          "networkShape=4,2&layerActivations=relu,sigmoid",
          "networkShape=4,2&layerActivations=relu",
          "networkShape=&layerActivations=", "problem=regression&outputActivation=linear"}) {
        std::string hash = ok;
        CAPTURE(hash);
        CHECK(issues(ok) == "");
    }
    std::string m = issues("loss=softmax");
    CHECK(contains(m, "loss: 'softmax' needs a multi-class dataset, but dataset 'circle' has 2"));
    CHECK(contains(m, "allowed: softmax only with blobs3, blobs4, blobs5, spiral3, iris"));
    CHECK(contains(issues("dataset=blobs3&loss=square"),
                   "loss: 'square' cannot train a multi-class dataset: dataset 'blobs3' has 3 "
                   "classes; allowed: auto or softmax"));
    CHECK(contains(issues("dataset=blobs4&loss=abs"), "loss: 'abs'"));
    CHECK(contains(issues("dataset=blobs4&loss=bce"),
                   "loss: 'bce' needs 2 classes, but dataset 'blobs4' has 4 classes"));
    CHECK(contains(issues("problem=regression&loss=bce"),
                   "loss: 'bce' is a classification loss, but problem is 'regression'"));
    CHECK(contains(issues("problem=regression&loss=softmax"),
                   "loss: 'softmax' is a classification loss, but problem is 'regression'"));
    CHECK(contains(issues("outputActivation=softmax"),
                   "outputActivation: 'softmax' needs a multi-class dataset, but dataset "
                   "'circle' has 2 classes"));
    CHECK(contains(issues("problem=regression&dataset=blobs3&outputActivation=softmax"),
                   "outputActivation: 'softmax' needs a multi-class dataset, but problem is "
                   "'regression'"));
    CHECK(contains(issues("dataset=blobs3&outputActivation=tanh"),
                   "outputActivation: 'tanh' cannot give class probabilities"));
    CHECK(contains(issues("networkShape=4,2&layerActivations=relu,relu,tanh"),
                   "layerActivations: 'relu,relu,tanh' has 3 entries, but networkShape '4,2' "
                   "has 2 hidden layers"));
    CHECK(contains(issues("networkShape=&layerActivations=relu"),
                   "networkShape '' has 0 hidden layers"));

    SUBCASE("a hand-built config is range-checked too") {
        Config c;
        c.batch_size = 0;
        c.learning_rate = std::nan("");
        c.network_shape = {4, 0};
        c.dataset = DatasetKind::RegGauss;
        c.reg_dataset = DatasetKind::Spiral;
        c.activation = Activation::Softmax;
        std::string s;
        for (const ConfigIssue& i : check_consistency(c)) s += i.message + "\n";
        CHECK(contains(s, "batchSize: '0' is out of range; allowed: an integer in 1..4096"));
        CHECK(contains(s, "learningRate: '"));
        CHECK(contains(s, "networkShape: '4,0' is out of range"));
        CHECK(contains(s, "dataset: 'reg-gauss' is not a classification dataset"));
        CHECK(contains(s, "regDataset: 'spiral' is not a regression dataset"));
        CHECK(contains(s, "activation: 'softmax' is not a hidden activation"));
    }
}

TEST_CASE("config: random valid configs round-trip") {
    TestRng r{20240601};
    for (int i = 0; i < 2000; ++i) {
        Config c = random_config(r);
        std::string h = to_hash(c);
        ParseResult back = parse_hash(h);
        std::string diff = first_difference(back.config, c);
        if (!diff.empty() || !back.errors.empty()) {
            FAIL_CHECK("config " << i << " differs in " << diff << "; hash " << h << "; "
                                 << all_messages(back));
            break;
        }
        if (to_hash(back.config) != h) {
            FAIL_CHECK("to_hash is not stable for config " << i << ": " << h);
            break;
        }
    }
}

TEST_CASE("config: any byte string parses without harm, and what it gives round-trips") {
    TestRng r{7};
    const char* tokens[] = {"activation",
                            "batchSize",
                            "learningRate",
                            "networkShape",
                            "seed",
                            "x",
                            "regularization",
                            "layerActivations",
                            "outputActivation",
                            "dataset",
                            "problem",
                            "momentum",
                            "noise",
                            "tutorial",
                            "lesson",
                            "step",
                            "_hide",
                            "zz",
                            "=",
                            "=",
                            "&",
                            "&",
                            "&",
                            "%",
                            "%4",
                            "%41",
                            "%G",
                            "%FF",
                            "%26",
                            "%3D",
                            "#",
                            ",",
                            ",",
                            "1",
                            "0",
                            "9",
                            "256",
                            "257",
                            "-",
                            ".",
                            "e",
                            "E",
                            "+",
                            "inf",
                            "nan",
                            "0x",
                            "true",
                            "false",
                            "relu",
                            "softmax",
                            "L1",
                            "blobs3",
                            "reg-gauss",
                            " ",
                            "\xFF",
                            "\x80",
                            "" /* a NUL byte */};
    int issues_seen = 0;
    for (int i = 0; i < 6000; ++i) {
        std::string h;
        if (i % 2 == 0) {
            h = random_bytes(r, 300);
        } else {
            for (size_t t = 0, n = r.below(60); t < n; ++t) {
                const char* tok = tokens[r.below(sizeof tokens / sizeof tokens[0])];
                h += *tok ? std::string(tok) : std::string(1, '\0');
            }
        }
        ParseResult p = parse_hash(h);
        bool ok = p.errors.size() <= 66;
        for (const ConfigIssue& e : p.errors) ok = ok && printable(e.message);
        std::string again = to_hash(p.config);
        ParseResult back = parse_hash(again);
        std::string diff = first_difference(back.config, p.config);
        issues_seen += (int)p.errors.size();
        if (!ok || !diff.empty() || !back.errors.empty()) {
            FAIL_CHECK("input " << i << " (" << h.size() << " bytes): diff '" << diff
                                << "'; re-parse errors: " << all_messages(back));
            break;
        }
    }
    CHECK(issues_seen > 1000); // the sweep did reach the error paths
}

TEST_CASE("preset key: worked-example parses, round-trips, and a bad name is reported") {
    ParseResult r = parse_hash("preset=worked-example&learningRate=0.5");
    CHECK(r.errors.empty());
    CHECK(r.config.preset == Preset::WorkedExample);
    CHECK(contains(to_hash(r.config), "preset=worked-example"));
    CHECK(!contains(to_hash(Config{}), "preset="));
    ParseResult bad = parse_hash("preset=nope");
    REQUIRE(bad.errors.size() == 1);
    CHECK(contains(bad.errors[0].message, "preset: 'nope'"));
    CHECK(contains(bad.errors[0].message, "worked-example"));
}

TEST_CASE("speed key: each value parses and round-trips, the default is left out, others refused") {
    CHECK(parse_hash("").config.speed == Speed::Epochs1); // a link without it keeps TF's pace
    CHECK(!contains(to_hash(Config{}), "speed="));
    const std::pair<const char*, Speed> values[] = {{"1", Speed::Epochs1},
                                                    {"10", Speed::Epochs10},
                                                    {"100", Speed::Epochs100},
                                                    {"max", Speed::Max},
                                                    {"batch", Speed::Batch}};
    for (const auto& [text, speed] : values) {
        CAPTURE(std::string(text));
        ParseResult r = parse_hash(std::string("learningRate=0.1&speed=") + text);
        CHECK(r.errors.empty());
        CHECK(r.config.speed == speed);
        CHECK(r.config.learning_rate == 0.1);
        CHECK(contains(to_hash(r.config), "speed=") == (speed != Speed::Epochs1));
        if (speed != Speed::Epochs1)
            CHECK(contains(to_hash(r.config), std::string("speed=") + text));
        check_round_trip(r.config);
        CHECK(check_consistency(r.config).empty());
    }
    for (const char* bad : {"7", "", "MAX", "1.0", "fast", "0"}) {
        CAPTURE(std::string(bad));
        ParseResult r = parse_hash(std::string("speed=") + bad + "&hideText=true");
        REQUIRE(r.errors.size() == 1);
        CHECK(r.errors[0].key == "speed");
        CHECK(r.errors[0].message == std::string("speed: '") + bad +
                                         "' is not a known value; allowed: 1, 10, 100, max, batch");
        CHECK(r.config.speed == Speed::Epochs1); // the default kept
        CHECK(r.config.hide_text);               // the rest still loads
    }
    // A hand-built config with an unnamed value is refused by the consistency check too.
    Config c;
    c.speed = (Speed)9;
    auto issues = check_consistency(c);
    REQUIRE(issues.size() == 1);
    CHECK(contains(issues[0].message, "speed: '?' is not a known value"));
}

TEST_CASE("points and stop keys: parse, round-trip, bad values named") {
    ParseResult p =
        parse_hash("dataset=custom&points=1.5,-2,1,0.25,3,0&stopEpoch=250&stopTestLoss=0.05");
    CHECK(p.errors.empty());
    REQUIRE(p.config.points.size() == 2);
    CHECK(p.config.points[0] == CustomPoint{1.5f, -2.0f, 1.0f});
    CHECK(p.config.points[1] == CustomPoint{0.25f, 3.0f, 0.0f});
    CHECK(p.config.stop_epoch == 250);
    CHECK(p.config.stop_test_loss == 0.05);
    CHECK(check_consistency(p.config).empty());
    check_round_trip(p.config);
    // Clicked points are rounded to 0.01: the hash writes them as typed, not as float noise
    // (0.1f is 0.100000001490116...; "0.1" reads back as the same float).
    Config c;
    c.dataset = DatasetKind::Custom;
    c.points = {{0.1f, -5.99f, -1.0f}};
    CHECK(contains(to_hash(c), "points=0.1,-5.99,-1"));

    auto first_error = [](const std::string& h) {
        ParseResult r = parse_hash(h);
        return r.errors.empty() ? std::string() : r.errors.front().message;
    };
    CHECK(contains(first_error("points=1,2"), "has 2 numbers, not a multiple of 3"));
    CHECK(contains(first_error("points=1,2,1,x,3,1"), "number 4 'x' (point 2)"));
    CHECK(
        contains(first_error("points=1,NaN,1"), "points: '1,NaN,1' has number 2 'NaN' (point 1)"));
    CHECK(contains(first_error("points=1,2e6,1"), "out of range"));
    CHECK(contains(first_error("points=" + std::string(30000, '1')), "bytes long"));
    CHECK(contains(first_error("stopEpoch=-1"), "stopEpoch"));
    CHECK(contains(first_error("stopEpoch=1.5"), "an integer in 0..1000000000"));
    CHECK(contains(first_error("stopTestLoss=-0.1"), "out of range"));
    // A bad points value keeps the default (no points); the other keys still load.
    ParseResult bad = parse_hash("points=1,2&learningRate=0.1");
    CHECK(bad.config.points.empty());
    CHECK(bad.config.learning_rate == 0.1);

    // Points belong to dataset=custom, and binary labels are -1/0/1.
    auto issue = [](const std::string& h) {
        auto v = check_consistency(parse_hash(h).config);
        return v.empty() ? std::string() : v.front().message;
    };
    CHECK(contains(issue("dataset=circle&points=1,2,1"), "the dataset is 'circle'"));
    CHECK(contains(issue("dataset=custom&points=1,2,0.5"), "has point 1 with that label"));
    CHECK(issue("problem=regression&regDataset=custom&points=1,2,0.5") == "");
}

TEST_CASE("resource bound: neurons x batchSize") {
    auto first = [](const std::string& h) {
        auto v = check_consistency(parse_hash(h).config);
        return v.empty() ? std::string() : v.front().message;
    };
    std::string big = "networkShape=256";
    for (int i = 1; i < 16; ++i) big += ",256";
    // 16 x 256 hidden + 1 output = 4097 neurons; 2^21 / 4097 = 511.875, so 511 is the largest
    // batch.
    CHECK(first(big + "&batchSize=511") == "");
    CHECK(contains(first(big + "&batchSize=512"), "batchSize <= 511 for this network"));
    CHECK(contains(first(big + "&batchSize=4096"), "4097 neurons"));
    // TF-sized networks take any batch: 8 x 8 + 1 = 65 neurons x 4096 < 2^21.
    CHECK(first("networkShape=8,8,8,8,8,8,8,8&batchSize=4096") == "");
    // Softmax outputs count: 16 x 256 + 5 = 4101 neurons; 2^21 / 4101 = 511.38.
    CHECK(contains(first(big + "&dataset=blobs5&batchSize=512"), "4101 neurons"));
}

TEST_CASE("lesson and step keys: a lesson link parses, round-trips, and is bounded") {
    ParseResult r = parse_hash("lesson=chain-rule&step=3&seed=1");
    CHECK(r.errors.empty());
    CHECK(r.config.lesson == "chain-rule");
    CHECK(r.config.lesson_step == 3);
    CHECK(contains(to_hash(r.config), "&lesson=chain-rule&step=3"));
    // absent: no lesson, step 1, and neither is written
    CHECK(Config{}.lesson.empty());
    CHECK(Config{}.lesson_step == 1);
    CHECK(!contains(to_hash(Config{}), "lesson="));
    CHECK(!contains(to_hash(Config{}), "step="));
    CHECK(!contains(to_hash(parse_hash("lesson=x&step=1").config), "step="));
    // the page owns the lesson ids: any short text is kept, encoded where it must be
    CHECK(parse_hash("lesson=no-such-lesson").config.lesson == "no-such-lesson");
    CHECK(contains(to_hash(parse_hash("lesson=a%26b").config), "lesson=a%26b"));
    // bounds: a lesson id of 41 bytes, steps 0 and 17 are refused by name
    ParseResult bad = parse_hash("lesson=" + std::string(41, 'l') + "&step=0");
    REQUIRE(bad.errors.size() == 2);
    CHECK(bad.config.lesson.empty());
    CHECK(bad.config.lesson_step == 1);
    CHECK(contains(bad.errors[0].message, "lesson: '"));
    CHECK(contains(bad.errors[1].message, "step: '0'"));
    CHECK(parse_hash("step=17").errors.size() == 1);
    CHECK(parse_hash("lesson=" + std::string(40, 'l') + "&step=16").errors.empty());
}
