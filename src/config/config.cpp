// config.cpp: the enum -> name tables of config.h. These strings are the exact spellings of the URL
// hash (TensorFlow Playground's where it has the value), so changing one breaks shared links.
// Every enumerator has a name; an out-of-range enum value (only possible through a cast) gives "?".
#include "config.h"
#include "dataset_table.h"

namespace bp {

const char* name_of(Activation a) {
    switch (a) {
    case Activation::ReLU:
        return "relu";
    case Activation::Tanh:
        return "tanh";
    case Activation::Sigmoid:
        return "sigmoid";
    case Activation::Linear:
        return "linear";
    case Activation::LeakyReLU:
        return "leakyrelu";
    case Activation::Softmax:
        return "softmax";
    }
    return "?";
}

const char* name_of(DatasetKind d) {
    for (const DatasetInfo& row : kDatasets) // dataset_table.h
        if (row.kind == d) return row.key;
    return "?";
}

const char* name_of(Regularization r) {
    switch (r) {
    case Regularization::None:
        return "none";
    case Regularization::L1:
        return "L1";
    case Regularization::L2:
        return "L2";
    }
    return "?";
}

const char* name_of(Loss l) {
    switch (l) {
    case Loss::Auto:
        return "auto";
    case Loss::Square:
        return "square";
    case Loss::BCE:
        return "bce";
    case Loss::SoftmaxCE:
        return "softmax";
    case Loss::Abs:
        return "abs";
    }
    return "?";
}

const char* name_of(Optimizer o) {
    switch (o) {
    case Optimizer::SGD:
        return "sgd";
    case Optimizer::Momentum:
        return "momentum";
    case Optimizer::Nesterov:
        return "nesterov";
    case Optimizer::RMSProp:
        return "rmsprop";
    case Optimizer::Adam:
        return "adam";
    }
    return "?";
}

const char* name_of(Init i) {
    switch (i) {
    case Init::Playground:
        return "playground";
    case Init::Xavier:
        return "xavier";
    case Init::He:
        return "he";
    }
    return "?";
}

const char* name_of(Preset p) {
    switch (p) {
    case Preset::None:
        return "none";
    case Preset::WorkedExample:
        return "worked-example";
    }
    return "?";
}

const char* name_of(Speed s) {
    switch (s) {
    case Speed::Epochs1:
        return "1";
    case Speed::Epochs10:
        return "10";
    case Speed::Epochs100:
        return "100";
    case Speed::Max:
        return "max";
    case Speed::Batch:
        return "batch";
    }
    return "?";
}

const char* name_of(Lang l) {
    switch (l) {
    case Lang::Auto:
        return "auto";
    case Lang::En:
        return "en";
    case Lang::Zh:
        return "zh";
    }
    return "?";
}

const char* name_of(Problem p) {
    switch (p) {
    case Problem::Classification:
        return "classification";
    case Problem::Regression:
        return "regression";
    }
    return "?";
}

} // namespace bp
