// config_fields.cpp: what config_schema.h does with every row: defaults, equality, the live copy,
// the live keys' names, and each value for the bindings.
#include "config_codec.h"
#include "config_schema.h"

namespace bp::schema {

bool is_default(const Key& k, const Config& c) {
    static const Config kDefaults;
    return k.same(c, kDefaults);
}

std::string first_difference(const Config& a, const Config& b) {
    for (const Key& k : keys())
        if (!k.same(a, b)) return k.name;
    if (a.unknown != b.unknown) return "unknown";
    return "";
}

void copy_live(const Config& from, Config& to) {
    for (const Key& k : keys())
        if (k.live != Live::Rebuild) k.copy(from, to);
}

std::string live_names() {
    std::vector<const char*> names;
    for (Live live : {Live::Training, Live::Display})
        for (const Key& k : keys())
            if (k.live == live) names.push_back(k.name);
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i)
        s += std::string(i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return s;
}

Value value_of(const Key& k, const Config& c) {
    Value v;
    using T = Value::Type;
    switch (k.kind) {
    case Kind::Bool:
        v.type = T::Bool;
        v.flag = c.*k.flag;
        break;
    case Kind::Number:
        v.type = T::Number;
        v.number = c.*k.number;
        break;
    case Kind::Integer:
        v.type = T::Number;
        v.number = c.*k.integer;
        break;
    case Kind::Enum:
        v.type = T::Text;
        v.text = k.enumeration->name(c);
        break;
    case Kind::Text:
        v.type = T::Text;
        v.text = c.*k.text;
        break;
    case Kind::Shape:
        v.type = T::Numbers;
        v.numbers.assign(c.network_shape.begin(), c.network_shape.end());
        break;
    case Kind::Activations:
        v.type = T::Texts;
        for (Activation a : c.layer_activations) v.texts.push_back(name_of(a));
        break;
    case Kind::OptionalActivation:
        v.type = c.output_activation ? T::Text : T::Null;
        if (c.output_activation) v.text = name_of(*c.output_activation);
        break;
    case Kind::Hidden:
        v.type = T::Texts;
        v.texts = c.hidden;
        break;
    case Kind::Variants:
        v.type = T::Text;
        v.text = variants_to_text(c.*k.variants);
        break;
    case Kind::Names:
        v.type = T::Texts;
        v.texts = c.class_names;
        break;
    case Kind::Points:
        break; // Absent
    }
    return v;
}

} // namespace bp::schema
