// config_to_hash.cpp: to_hash and without_key (contracts in config_codec.h). to_hash writes in
// the key table's order (config_schema.h): every TF key, in TF's order, so the link also opens in
// TensorFlow Playground; our keys (and TF's that TF leaves out at their default) only when they
// differ from the defaults, so a plain TF setup gives a TF-clean link. Free text (seed, tutorial,
// unknown keys, hidden names) is percent-encoded: '&', '=', '#' and '%' inside it survive
// parse_hash.
#include "config_codec.h"
#include "config_schema.h"
#include "hash_text.h"
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace bp {
namespace ht = hash_text;

static void append_float(std::string& out, float v) {
    if (v == 0) return void(out += '0'); // -0 too: it reads back as 0 and means the same
    char buf[32];
    for (int p = 1; p <= 9; ++p) { // %.9g always reads back as the same float
        std::snprintf(buf, sizeof buf, "%.*g", p, (double)v);
        if (ht::reads_back_as(buf, v)) break;
    }
    out += buf;
}

std::string points_to_text(const std::vector<CustomPoint>& points) {
    std::string s;
    for (const CustomPoint& p : points) {
        if (!s.empty()) s += ',';
        append_float(s, p.x1);
        s += ',';
        append_float(s, p.x2);
        s += ',';
        append_float(s, p.label);
    }
    return s;
}

// The key's value as the hash writes it (encoded where it is free text).
static std::string value_text(const schema::Key& k, const Config& c) {
    using schema::Kind;
    switch (k.kind) {
    case Kind::Bool:
        return c.*k.flag ? "true" : "false";
    case Kind::Number:
        return ht::format_number(c.*k.number);
    case Kind::Integer:
        return std::to_string(c.*k.integer);
    case Kind::Enum:
        return k.enumeration->name(c);
    case Kind::Text:
        return ht::percent_encode(c.*k.text);
    case Kind::Shape: {
        std::string s;
        for (int n : c.network_shape) s += (s.empty() ? "" : ",") + std::to_string(n);
        return s;
    }
    case Kind::Activations: {
        std::string s;
        for (Activation a : c.layer_activations)
            s += (s.empty() ? "" : ",") + std::string(name_of(a));
        return s;
    }
    case Kind::OptionalActivation:
        return c.output_activation ? name_of(*c.output_activation) : "";
    case Kind::Points:
        return points_to_text(c.points);
    case Kind::Names: {
        std::string s;
        for (const std::string& n : c.class_names) {
            if (!s.empty()) s += ',';
            for (char ch : ht::percent_encode(n))
                s += ch == ',' ? std::string("%2C") : std::string(1, ch);
        }
        return s;
    }
    case Kind::Variants:
        return variants_to_text(c.*k.variants); // written plain: parse_variants allows no escapes
    case Kind::Hidden:
        return "true"; // one "<name>_hide=true" per name
    }
    return "";
}

std::string to_hash(const Config& c) {
    std::string out;
    auto put = [&out](std::string_view encoded_key, std::string_view encoded_value) {
        if (!out.empty()) out += '&';
        out.append(encoded_key).append("=").append(encoded_value);
    };
    for (const schema::Key& k : schema::keys()) {
        if (k.origin != schema::Origin::Tf && schema::is_default(k, c)) continue;
        if (k.kind == schema::Kind::Hidden) {
            for (const std::string& name : c.hidden)
                put(ht::percent_encode(name) + "_hide", "true");
        } else {
            put(k.name, value_text(k, c));
        }
    }
    for (const auto& [key, value] : c.unknown)
        put(ht::percent_encode(key), ht::percent_encode(value));
    return out;
}

std::string without_key(const std::string& hash, const std::string& key) {
    std::string_view h = hash;
    if (!h.empty() && h.front() == '#') h.remove_prefix(1);
    std::string out, decoded;
    while (!h.empty()) {
        size_t amp = h.find('&');
        std::string_view part = h.substr(0, amp);
        h = amp == std::string_view::npos ? std::string_view() : h.substr(amp + 1);
        if (part.empty()) continue;
        if (ht::percent_decode(part.substr(0, part.find('=')), decoded) && decoded == key) continue;
        if (!out.empty()) out += '&';
        out.append(part);
    }
    return out;
}

} // namespace bp
