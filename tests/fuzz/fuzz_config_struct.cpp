// fuzz_config_struct.cpp: libFuzzer target for the codec's other entry points on a Config built
// key by key from the input bytes, walking the key table (config_schema.h), as the CLI or a
// binding could build one by hand: any double (NaN, +-Infinity, subnormals, 1e308), any int for
// integer keys and layer sizes (up to 40 layers), any enum value (also outside the named ones),
// any text.
// Contract checked: check_consistency, num_classes, active_dataset, name_of and to_hash never
// crash or hit UB; check_consistency's messages are printable ASCII; a config that
// check_consistency accepts has every number and integer key in range, only named enum values,
// and shape within the engine limits; parse_hash of its to_hash never crashes.
// Build and run: scripts/fuzz.sh (clang++ -fsanitize=fuzzer,address,undefined).
#include "config/config.h"
#include "config/config_codec.h"
#include "config/config_schema.h"
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
    // Every key of the table by its kind, then the list keys by hand.
    for (const schema::Key& k : schema::keys()) {
        switch (k.kind) {
        case schema::Kind::Bool:
            c.*k.flag = in.ConsumeBool();
            break;
        case schema::Kind::Number:
            if (in.ConsumeBool()) c.*k.number = any_double(in);
            break;
        case schema::Kind::Integer:
            c.*k.integer =
                in.ConsumeBool() ? in.ConsumeIntegral<int>() : in.ConsumeIntegralInRange(-1, 5000);
            break;
        case schema::Kind::Enum:
            k.enumeration->set_raw(c, in.ConsumeIntegralInRange(-1, 12));
            break;
        case schema::Kind::Text:
            c.*k.text = in.ConsumeRandomLengthString(k.max_bytes * 3);
            break;
        default:
            break;
        }
    }
    c.network_shape.resize(in.ConsumeIntegralInRange(0, 40));
    for (int& n : c.network_shape)
        n = in.ConsumeBool() ? in.ConsumeIntegral<int>() : in.ConsumeIntegralInRange(-1, 300);
    c.layer_activations.resize(in.ConsumeIntegralInRange(0, 20));
    for (Activation& a : c.layer_activations) a = any_enum<Activation>(in);
    if (in.ConsumeBool()) c.output_activation = any_enum<Activation>(in);
    for (int i = 0, n = in.ConsumeIntegralInRange(0, 4); i < n; ++i)
        c.hidden.push_back(in.ConsumeRandomLengthString(80));
    for (int i = 0, n = in.ConsumeIntegralInRange(0, 4); i < n; ++i)
        c.unknown.emplace_back(in.ConsumeRandomLengthString(40), in.ConsumeRandomLengthString(40));
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
        for (const schema::Key& k : schema::keys()) {
            bool ok = true;
            const schema::Interval& in = k.range;
            if (k.kind == schema::Kind::Number) {
                const double v = c.*k.number;
                ok = (in.lo_open ? v > in.lo : v >= in.lo) && (in.hi_open ? v < in.hi : v <= in.hi);
            }
            if (k.kind == schema::Kind::Integer)
                ok = c.*k.integer >= in.lo && c.*k.integer <= in.hi;
            if (k.kind == schema::Kind::Enum) ok = k.enumeration->name(c)[0] != '?';
            if (!ok) fail("a value out of its range passed check_consistency", k.name + ("\n" + h));
        }
        long long neurons = 5; // at least the output layer (K <= 5)
        for (int n : c.network_shape) neurons += n;
        if ((neurons - 5 + 1) * c.batch_size > kMaxBatchActivations)
            fail("neurons x batch size passed", h);
        for (const CustomPoint& p : c.points)
            if (!(std::fabs(p.x1) <= 1e6 && std::fabs(p.x2) <= 1e6 && std::fabs(p.label) <= 1e6))
                fail("a non-finite or huge point passed", h);
        if (c.network_shape.size() > (size_t)kMaxHiddenLayers) fail("layer count passed", h);
        for (int n : c.network_shape)
            if (n < 1 || n > kMaxNeurons) fail("a layer size passed", h);
        if (name_of(active_dataset(c))[0] == '?') fail("an unnamed dataset passed", h);
        for (Activation a : c.layer_activations)
            if (name_of(a)[0] == '?') fail("an unnamed layer activation passed", h);
        if (c.output_activation && name_of(*c.output_activation)[0] == '?')
            fail("an unnamed output activation passed", h);
    }
    return 0;
}
