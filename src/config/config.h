// config.h: the one typed description of a playground (what the URL hash carries).
// Keys follow TensorFlow Playground where the meaning is the same; the rest are ours. Defaults
// here are the defaults of a hash with no keys. Each member's key, range and liveness are its row
// in the key table (config_schema.h); the codec (config_codec.h) converts to and from the hash
// string and validates; nothing else parses hashes. The engine's kinds (activation, loss,
// optimizer, regularization, init) come from engine/kinds.h.
#pragma once
#include "../engine/kinds.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bp {

enum class Problem { Classification, Regression };
enum class DatasetKind {
    Circle,
    Xor,
    Gauss,
    Spiral, // binary classification, labels -1/+1
    RegPlane,
    RegGauss, // regression
    Blobs3,
    Blobs4,
    Blobs5,
    Spiral3, // multi-class, labels 0..K-1
    Moons,
    Sine,
    Cubic,
    Vee,   // binary, ours (dataset_table.h)
    Iris,  // 3 classes, 4 input columns (data/iris.h)
    Custom // points supplied by the user (CSV / clicks)
};
// Each kind's key, label, problem, classes, point count and columns: dataset_table.h.
// A preset replaces the network, data and weights with a fixed teaching example.
enum class Preset { None, WorkedExample };
// How much the page trains per drawn frame: 1, 10 or 100 epochs, as many epochs as the frame's
// time allows (Max), or one batch (Batch).
enum class Speed { Epochs1, Epochs10, Epochs100, Max, Batch };
// The page's language ("lang"): Auto (absent from a link) follows the browser's language.
enum class Lang { Auto, En, Zh };

// Engine limits (resource bounds): a config beyond them is refused with a message.
constexpr int kMaxHiddenLayers = 16;
constexpr int kMaxNeurons = 256;
constexpr int kMaxBatchSize = 4096;
constexpr int kMaxClasses = 8;  // the user's own points: 2..8 classes (the class palette's size)
constexpr int kMaxColumns = 64; // the user's column data: up to 64 input columns
constexpr int kMaxClassNameBytes = 40; // one class name (a CSV's text label), UTF-8
// Neurons x batch size: each per-layer buffer (z, a, delta, masks) holds this many floats, so it
// bounds training memory (~8 buffers x 8 MiB) and the work of one step; 4096 neurons take
// batches up to 512, TF-sized networks any batch.
constexpr long long kMaxBatchActivations = 1LL << 21;

// A user's data point as the hash carries it ("points"): label -1/+1 (0 reads as -1) for
// two classes, the class index 0..K-1 for K >= 3 ("classes"; -1 reads as class 0, so a binary
// set keeps its points when it gets more classes), a real value for regression.
struct CustomPoint {
    float x1, x2, label;
    bool operator==(const CustomPoint& o) const {
        return x1 == o.x1 && x2 == o.x2 && label == o.label;
    }
};

// One setting a compare or a sweep varies: a key of kComparableKeys (config_keys.h) and its values,
// each as the hash writes it for that key ("sgd", "0.1", "4,4").
struct VariantAxis {
    std::string key;
    std::vector<std::string> values;
    bool operator==(const VariantAxis& o) const { return key == o.key && values == o.values; }
};
// At most this many variants in a compare (the page draws each as a small multiple) and runs in a
// sweep (an 8 x 8 grid).
constexpr int kMaxCompareVariants = 8;
constexpr int kMaxSweepRuns = 64;

struct Config {
    // --- TensorFlow Playground keys (same names, same meanings) ---
    Activation activation = Activation::Tanh; // "activation": all hidden layers
    Regularization regularization = Regularization::None;
    int batch_size = 10;                             // "batchSize"
    DatasetKind dataset = DatasetKind::Circle;       // "dataset" (classification sets)
    DatasetKind reg_dataset = DatasetKind::RegPlane; // "regDataset"
    double learning_rate = 0.03;                     // "learningRate"
    double regularization_rate = 0.0;                // "regularizationRate"
    double noise = 0.0;                              // "noise", percent 0..50
    std::vector<int> network_shape{4, 2};            // "networkShape"
    std::string seed;                                // "seed"; empty: the page picks one
    bool show_test_data = false, discretize = false; // display only
    double perc_train_data = 50.0;                   // "percTrainData"
    bool x = true, y = true, x_squared = false, y_squared = false, x_times_y = false;
    bool sin_x = false, sin_y = false;
    bool cos_x = false, cos_y = false,
         collect_stats = false; // kept for round trip; no effect (as there)
    Problem problem = Problem::Classification;
    bool init_zero = false; // "initZero": all weights and biases 0
    bool hide_text = false;
    std::string tutorial;            // empty: absent
    std::vector<std::string> hidden; // names X of "X_hide=true", in hash order

    // --- our keys ---
    bool embed = false;     // "embed": the page shows the plot and its controls only (an iframe)
    Lang lang = Lang::Auto; // "lang": the page's language (display only; web/i18n.js)
    // "lesson" and "step": the lesson the page opens and its step (1-based). The lessons are the
    // page's (web/lessons/lesson-table.js); the engine only bounds the text, so a link naming a
    // lesson this build does not have still opens and the page says so.
    std::string lesson; // empty: no lesson
    int lesson_step = 1;
    std::vector<Activation>
        layer_activations; // "layerActivations": per hidden layer; empty = all `activation`
    std::optional<Activation>
        output_activation;                // "outputActivation"; absent = chosen by problem/loss
    Loss loss = Loss::Auto;               // "loss"
    Optimizer optimizer = Optimizer::SGD; // "optimizer"
    double momentum = 0.9;                // "momentum" (Momentum, Nesterov)
    double beta1 = 0.9, beta2 = 0.999;    // "beta1", "beta2" (Adam)
    double rho = 0.9;                     // "rho" (RMSProp decay)
    double epsilon = 1e-8;                // "epsilon" (RMSProp, Adam)
    Init init = Init::Playground;         // "init"
    double leaky_alpha = 0.01;            // "leakyAlpha"
    Preset preset = Preset::None;         // "preset" (worked-example)
    double dropout = 0;                   // "dropout": rate on hidden layers, training only
    bool batch_norm = false;              // "batchNorm": on hidden layers (z -> BN -> f)
    bool residual = false;                // "residual": a_l += a_{l-1}, equal-width hidden layers
    std::vector<CustomPoint> points;      // "points": with dataset=custom; empty = none in the hash
    int classes = 2; // "classes": classes of the user's points (dataset=custom), 2..kMaxClasses
    // "classNames": the user's class names (a CSV's text labels), one per class; empty = unnamed
    std::vector<std::string> class_names;
    // "columns": the input columns of the user's column data (dataset=custom, a CSV of 3 or more
    // feature columns; the data itself stays in the page); 0 = points of the plane
    int columns = 0;
    bool standardize = true;      // "standardize": the user's columns to mean 0, variance 1
    int stop_epoch = 0;           // "stopEpoch": the page pauses there; 0 = never
    double stop_test_loss = 0;    // "stopTestLoss": pause once test loss < it; 0 = never
    Speed speed = Speed::Epochs1; // "speed": training per frame; 1 epoch is TF's pace
    // "compare": variants raced beside this network, "optimizer:sgd,adam" or two settings
    // "learningRate:0.01,0.1;activation:tanh,relu" (every combination); empty = no race.
    std::vector<VariantAxis> compare;
    // "sweep": a grid of runs over one or two settings, as compare writes them; empty = none.
    std::vector<VariantAxis> sweep;
    int sweep_epochs = 300;    // "sweepEpochs": each sweep run trains this many epochs
    double sweep_target = 0.1; // "sweepTarget": the sweep reports the first epoch below it

    // Keys we do not know, kept in order so a hash round-trips without losing them.
    std::vector<std::pair<std::string, std::string>> unknown;
};

// The enum <-> name tables the codec uses; also used by the CLI and bindings for messages.
const char* name_of(Activation a);
const char* name_of(DatasetKind d);
const char* name_of(Regularization r);
const char* name_of(Loss l);
const char* name_of(Optimizer o);
const char* name_of(Init i);
const char* name_of(Problem p);
const char* name_of(Preset p);
const char* name_of(Speed s);
const char* name_of(Lang l);

} // namespace bp
