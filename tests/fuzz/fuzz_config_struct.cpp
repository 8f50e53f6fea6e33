// fuzz_config_struct.cpp: libFuzzer target for the codec's other entry points on a Config built
// field by field from the input bytes (as the CLI or a binding could build one by hand): any
// double (NaN, +-Infinity, subnormals, 1e308), any int for batchSize and layer sizes (up to 40
// layers), any enum value (also outside the named ones), any text.
// Contract checked: check_consistency, num_classes, active_dataset, name_of and to_hash never
// crash or hit UB; check_consistency's messages are printable ASCII; a config that
// check_consistency accepts has every number key in range, batch size and shape within the
// engine limits; parse_hash of its to_hash never crashes.
// Build and run: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "config/config.h"
#include "config/config_codec.h"
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <string>

using namespace bp;

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_config_struct: %s\n%s\n", what, detail.c_str());
    std::abort();
}

double any_double(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange(0, 7)) {
    case 0:
        return std::nan("");
    case 1:
        return INFINITY;
    case 2:
        return -INFINITY;
    case 3:
        return 1e308;
    case 4:
        return -0.0;
    case 5:
        return in.ConsumeFloatingPointInRange(-2.0, 2.0);
    default: {
        uint64_t bits = in.ConsumeIntegral<uint64_t>();
        double d;
        static_assert(sizeof d == sizeof bits);
        __builtin_memcpy(&d, &bits, sizeof d);
        return d;
    }
    }
}

template <class E> E any_enum(FuzzedDataProvider& in) {
    return (E)in.ConsumeIntegralInRange(-1, 12);
}

bool printable(const std::string& s) {
    for (char ch : s)
        if ((unsigned char)ch < 0x20 || (unsigned char)ch > 0x7E) return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    Config c;
    c.activation = any_enum<Activation>(in);
    c.regularization = any_enum<Regularization>(in);
    c.batch_size =
        in.ConsumeBool() ? in.ConsumeIntegral<int>() : in.ConsumeIntegralInRange(0, 5000);
    c.dataset = any_enum<DatasetKind>(in);
    c.reg_dataset = any_enum<DatasetKind>(in);
    c.problem = any_enum<Problem>(in);
    c.loss = any_enum<Loss>(in);
    c.optimizer = any_enum<Optimizer>(in);
    c.init = any_enum<Init>(in);
    c.preset = any_enum<Preset>(in);
    double* numbers[] = {&c.learning_rate, &c.regularization_rate,
                         &c.noise,         &c.perc_train_data,
                         &c.momentum,      &c.beta1,
                         &c.beta2,         &c.rho,
                         &c.epsilon,       &c.leaky_alpha,
                         &c.dropout};
    for (double* d : numbers)
        if (in.ConsumeBool()) *d = any_double(in);
    c.network_shape.resize(in.ConsumeIntegralInRange(0, 40));
    for (int& n : c.network_shape)
        n = in.ConsumeBool() ? in.ConsumeIntegral<int>() : in.ConsumeIntegralInRange(-1, 300);
    c.layer_activations.resize(in.ConsumeIntegralInRange(0, 20));
    for (Activation& a : c.layer_activations) a = any_enum<Activation>(in);
    if (in.ConsumeBool()) c.output_activation = any_enum<Activation>(in);
    c.seed = in.ConsumeRandomLengthString(200);
    c.tutorial = in.ConsumeRandomLengthString(300);
    for (int i = 0, n = in.ConsumeIntegralInRange(0, 4); i < n; ++i)
        c.hidden.push_back(in.ConsumeRandomLengthString(80));
    for (int i = 0, n = in.ConsumeIntegralInRange(0, 4); i < n; ++i)
        c.unknown.emplace_back(in.ConsumeRandomLengthString(40), in.ConsumeRandomLengthString(40));
    bool* flags[] = {&c.x,          &c.y,         &c.x_squared,  &c.y_squared,
                     &c.x_times_y,  &c.sin_x,     &c.sin_y,      &c.show_test_data,
                     &c.discretize, &c.init_zero, &c.batch_norm, &c.residual};
    for (bool* b : flags) *b = in.ConsumeBool();
    c.stop_epoch = in.ConsumeIntegral<int>();
    if (in.ConsumeBool()) c.stop_test_loss = any_double(in);
    c.points.resize(in.ConsumeIntegralInRange(0, 50));
    for (CustomPoint& p : c.points)
        p = {(float)any_double(in), (float)any_double(in), (float)any_double(in)};

    std::vector<ConfigIssue> issues = check_consistency(c);
    for (const ConfigIssue& i : issues)
        if (!printable(i.message)) fail("message not printable ASCII", i.message);
    (void)num_classes(c);
    (void)name_of(active_dataset(c));
    std::string h = to_hash(c);
    ParseResult back = parse_hash(h);
    (void)check_consistency(back.config);

    if (issues.empty()) {
        for (double* d : numbers)
            if (!std::isfinite(*d)) fail("a non-finite number passed check_consistency", h);
        if (c.batch_size < 1 || c.batch_size > kMaxBatchSize) fail("batch size passed", h);
        long long neurons = 5; // at least the output layer (K <= 5)
        for (int n : c.network_shape) neurons += n;
        if ((neurons - 5 + 1) * c.batch_size > kMaxBatchActivations)
            fail("neurons x batch size passed", h);
        if (c.stop_epoch < 0 || !std::isfinite(c.stop_test_loss)) fail("a stop key passed", h);
        for (const CustomPoint& p : c.points)
            if (!(std::fabs(p.x1) <= 1e6 && std::fabs(p.x2) <= 1e6 && std::fabs(p.label) <= 1e6))
                fail("a non-finite or huge point passed", h);
        if (c.network_shape.size() > (size_t)kMaxHiddenLayers) fail("layer count passed", h);
        for (int n : c.network_shape)
            if (n < 1 || n > kMaxNeurons) fail("a layer size passed", h);
        if (name_of(c.activation)[0] == '?' || name_of(active_dataset(c))[0] == '?' ||
            name_of(c.loss)[0] == '?' || name_of(c.optimizer)[0] == '?' ||
            name_of(c.init)[0] == '?' || name_of(c.problem)[0] == '?' ||
            name_of(c.regularization)[0] == '?' || name_of(c.preset)[0] == '?')
            fail("an unnamed enum value passed check_consistency", h);
        for (Activation a : c.layer_activations)
            if (name_of(a)[0] == '?') fail("an unnamed layer activation passed", h);
        if (c.output_activation && name_of(*c.output_activation)[0] == '?')
            fail("an unnamed output activation passed", h);
    }
    return 0;
}
