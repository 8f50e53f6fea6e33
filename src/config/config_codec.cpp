// config_codec.cpp: parse_hash (contract in config_codec.h; to_hash is in config_to_hash.cpp).
// Rules decided here, beyond TensorFlow Playground's own:
// - A repeated key counts once, at its first position, with its last value (TF reads the hash
//   into a map); earlier values are not checked.
// - A key whose escape is malformed is dropped with an error; a value whose escape is malformed
//   keeps the key's default with an error.
// - Bounds (config_keys.h) keep every kept config serialisable below the 64 KiB input limit, so
//   parse_hash(to_hash(c)).config == c for every c that parse_hash returns.
// Total on any byte string: no exceptions besides std::bad_alloc, no UB (fuzzed with ASan/UBSan).
#include "config_codec.h"
#include "config_keys.h"
#include "config_schema.h"
#include "hash_text.h"
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace bp {
using namespace config_keys;
namespace ht = hash_text;

namespace {

struct Entry {
    std::string key, value; // decoded
    std::string raw_value;  // as in the hash, for the message when decoding failed
    bool value_escape_ok = true;
};

Message number_problem(ht::NumberStatus s) {
    switch (s) {
    case ht::NumberStatus::Empty:
        return {Msg::Empty};
    case ht::NumberStatus::NotFinite:
        return {Msg::NotFinite};
    default:
        return {Msg::NotDecimal};
    }
}

// Parses an integer in [lo, hi]; on failure sets `problem` and leaves `out` alone.
bool parse_int(std::string_view s, int lo, int hi, int& out, Message& problem) {
    double v = 0;
    ht::NumberStatus st = ht::parse_decimal(s, v);
    if (st != ht::NumberStatus::Ok) {
        problem = number_problem(st);
        return false;
    }
    if (std::isfinite(v) && v != std::floor(v)) {
        problem = {Msg::NotInteger};
        return false;
    }
    if (!(v >= lo && v <= hi)) { // checked before the cast: a cast of an out-of-range double is UB
        problem = {Msg::OutOfRange};
        return false;
    }
    out = (int)v;
    return true;
}

// Counted before splitting, so that a value of 60k commas is refused without building a list.
size_t count_elements(std::string_view s) {
    size_t n = 1;
    for (char c : s) n += (c == ',');
    return n;
}

// The next comma-separated element of rest (spaces trimmed); rest moves past it.
std::string_view next_element(std::string_view& rest) {
    size_t comma = rest.find(',');
    std::string_view item = ht::trim_spaces(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    return item;
}

class Parser {
  public:
    ParseResult result;

    void error(std::string_view key, std::string_view value, const Message& problem,
               const Message& allowed) {
        if (errors_capped_) return;
        if (result.errors.size() == kMaxErrors) {
            errors_capped_ = true;
            Message m(Msg::HashMoreErrors, {{"max", kMaxErrors}});
            result.errors.push_back({"", "", m.text(), m});
            return;
        }
        result.errors.push_back(make_issue(key, value, problem, allowed));
    }

    void apply(const Entry& e) {
        const std::string& k = e.key;
        const std::string& v = e.value;
        if (!e.value_escape_ok) {
            error(k, e.raw_value, {Msg::MalformedEscape}, {Msg::AllowedEscape});
            return;
        }
        if (const schema::Key* key = schema::find(k)) return read(*key, e);
        constexpr std::string_view kHide = "_hide";
        if (k.size() >= kHide.size() &&
            std::string_view(k).substr(k.size() - kHide.size()) == kHide)
            return hide(e, std::string_view(k).substr(0, k.size() - kHide.size()));
        if (k.empty()) return error(k, v, {Msg::NoKey}, {Msg::AllowedKeyValue});
        unknown(e);
    }

  private:
    bool errors_capped_ = false, unknown_capped_ = false;
    size_t unknown_bytes_ = 0;

    // One key of the table, by its kind.
    void read(const schema::Key& key, const Entry& e) {
        using schema::Kind;
        Config& c = result.config;
        const std::string& v = e.value;
        switch (key.kind) {
        case Kind::Bool:
            if (key.origin != schema::Origin::Ours) {
                if (!v.empty()) c.*key.flag = (v != "false"); // TF: empty keeps the default
                return;
            }
            // Ours: only "true" and "false", so a typo such as batchNorm=flase is reported
            // instead of meaning true.
            if (v == "true" || v == "false") return void(c.*key.flag = v == "true");
            return error(e.key, v, {Msg::NotBoolean}, {Msg::AllowedBoolean});
        case Kind::Number:
            return number(e, key);
        case Kind::Integer:
            return integer(e, key);
        case Kind::Enum:
            if (!key.enumeration->set(c, v))
                error(e.key, v, {Msg::NotKnown}, allowed_names(key.enumeration->names()));
            return;
        case Kind::Text:
            return text(e, key.max_bytes, c.*key.text);
        case Kind::Shape:
            return network_shape(e);
        case Kind::Activations:
            return layer_activations(e);
        case Kind::OptionalActivation:
            return output_activation(e);
        case Kind::Points:
            return points(e);
        case Kind::Names:
            return names(e);
        case Kind::Variants: {
            Message problem;
            int max_runs = (int)key.range.hi;
            if (!parse_variants(v, max_runs, c.*key.variants, problem))
                error(e.key, v, problem, variants_allowed(max_runs));
            return;
        }
        case Kind::Hidden:
            return; // never found by name: "<name>_hide" keys are read by hide()
        }
    }

    void number(const Entry& e, const schema::Key& key) {
        double v = 0;
        ht::NumberStatus st = ht::parse_decimal(e.value, v);
        if (st != ht::NumberStatus::Ok)
            return error(e.key, e.value, number_problem(st), range_text(key.range));
        if (!in_range(key.range, v))
            return error(e.key, e.value, {Msg::OutOfRange}, range_text(key.range));
        result.config.*key.number = v;
    }

    // An integer key; its note follows the allowed range in the message.
    void integer(const Entry& e, const schema::Key& key) {
        Message problem;
        int v = 0;
        if (parse_int(e.value, (int)key.range.lo, (int)key.range.hi, v, problem))
            result.config.*key.integer = v;
        else
            error(e.key, e.value, problem,
                  integer_range_text(key.range, key.has_note ? Message(key.note) : Message()));
    }

    void network_shape(const Entry& e) {
        const Message allowed(Msg::AllowedShape,
                              {{"layers", kMaxHiddenLayers}, {"neurons", kMaxNeurons}});
        std::vector<int> shape;
        std::string_view rest = e.value;
        if (rest.empty()) { // TF: an empty value means no hidden layer
            result.config.network_shape = shape;
            return;
        }
        size_t n = count_elements(rest);
        if (n > (size_t)kMaxHiddenLayers)
            return error(e.key, e.value, {Msg::HasLayers, {{"n", n}}}, allowed);
        for (size_t i = 1; i <= n; ++i) {
            std::string_view item = next_element(rest);
            Message problem;
            int size = 0;
            if (!parse_int(item, 1, kMaxNeurons, size, problem)) {
                return error(e.key, e.value,
                             {Msg::LayerThat,
                              {{"index", i},
                               {"item", ht::display(item, kShownValueBytes)},
                               {"problem", problem}}},
                             allowed);
            }
            shape.push_back(size);
        }
        result.config.network_shape = shape;
    }

    void points(const Entry& e) {
        const Message allowed(Msg::AllowedPoints, {{"bytes", kMaxPointsBytes}});
        if (e.value.size() > kMaxPointsBytes)
            return error(e.key, e.value, {Msg::BytesLong, {{"n", e.value.size()}}}, allowed);
        std::vector<CustomPoint> list;
        std::string_view rest = e.value;
        size_t n = rest.empty() ? 0 : count_elements(rest);
        if (n % 3 != 0) return error(e.key, e.value, {Msg::NotTriples, {{"n", n}}}, allowed);
        float v[3];
        for (size_t i = 0; i < n; ++i) {
            std::string_view item = next_element(rest);
            double d = 0;
            ht::NumberStatus st = ht::parse_decimal(item, d);
            if (st != ht::NumberStatus::Ok || !(std::fabs(d) <= kMaxPointCoord)) {
                return error(
                    e.key, e.value,
                    {Msg::PointNumber,
                     {{"index", i + 1},
                      {"item", ht::display(item, kShownValueBytes)},
                      {"point", i / 3 + 1},
                      {"problem", st != ht::NumberStatus::Ok ? number_problem(st)
                                                             : Message(Msg::OutOfRangeBare)}}},
                    allowed);
            }
            v[i % 3] = (float)d;
            if (i % 3 == 2) list.push_back({v[0], v[1], v[2]});
        }
        result.config.points = std::move(list);
    }

    void layer_activations(const Entry& e) {
        const Message allowed(Msg::AllowedActivations, {{"layers", kMaxHiddenLayers},
                                                        {"names", names_text(kHiddenActivations)}});
        std::vector<Activation> list;
        std::string_view rest = e.value;
        size_t n = rest.empty() ? 0 : count_elements(rest);
        if (n > (size_t)kMaxHiddenLayers)
            return error(e.key, e.value, {Msg::HasEntries, {{"n", n}}}, allowed);
        for (size_t i = 1; i <= n; ++i) {
            std::string_view item = next_element(rest);
            const Activation* found = find_name(kHiddenActivations, item);
            if (!found) {
                const Msg why = item == name_of(Activation::Softmax) ? Msg::EntryOutputOnly
                                                                     : Msg::EntryNotKnown;
                return error(e.key, e.value,
                             {why, {{"index", i}, {"item", ht::display(item, kShownValueBytes)}}},
                             allowed);
            }
            list.push_back(*found);
        }
        result.config.layer_activations = list;
    }

    void output_activation(const Entry& e) {
        if (e.value.empty()) { // like layerActivations: empty means "not set"
            result.config.output_activation.reset();
        } else if (const Activation* found = find_name(kOutputActivations, e.value)) {
            result.config.output_activation = *found;
        } else {
            error(e.key, e.value, {Msg::NotKnown},
                  {Msg::AllowedOutput, {{"names", names_text(kOutputActivations)}}});
        }
    }

    // classNames: split on the raw value's commas (a ',' inside a name is escaped as %2C), each
    // name decoded; 2..kMaxClasses distinct names of 1..kMaxClassNameBytes bytes of UTF-8
    // without control characters. Empty: no names.
    void names(const Entry& e) {
        const Message allowed(Msg::AllowedClassNames,
                              {{"max", kMaxClasses}, {"bytes", kMaxClassNameBytes}});
        std::vector<std::string> list;
        std::string_view rest = e.raw_value;
        const size_t n = rest.empty() ? 0 : count_elements(rest);
        if (n == 1 || n > (size_t)kMaxClasses)
            return error(e.key, e.value, {Msg::HasNames, {{"n", n}}}, allowed);
        for (size_t i = 1; i <= n; ++i) {
            std::string name;
            std::string_view raw = next_element(rest);
            const bool decoded = ht::percent_decode(raw, name);
            Message problem;
            if (!decoded || name.empty() || name.size() > (size_t)kMaxClassNameBytes ||
                !ht::plain_utf8(name))
                problem = {Msg::NameNotPlain};
            for (const std::string& seen : list)
                if (seen == name) problem = {Msg::NameRepeats};
            if (!problem.empty())
                return error(e.key, e.value,
                             {Msg::NameThat,
                              {{"index", i},
                               {"item", ht::display(raw, kShownValueBytes)},
                               {"problem", problem}}},
                             allowed);
            list.push_back(std::move(name));
        }
        result.config.class_names = std::move(list);
    }

    void text(const Entry& e, size_t max_bytes, std::string& field) {
        if (e.value.size() > max_bytes) {
            return error(e.key, e.value, {Msg::TooLong},
                         {Msg::AllowedText, {{"bytes", max_bytes}}});
        }
        field = e.value;
    }

    // TF hides on "true" only; we refuse other text instead of ignoring it, as for our booleans
    // (an empty value, which TF reads as not hidden, is accepted as such).
    void hide(const Entry& e, std::string_view name) {
        if (!is_hidable(name))
            return error(e.key, e.value, {Msg::NotHidable},
                         {Msg::AllowedHidable, {{"names", hidable_names()}}});
        if (e.value != "true" && e.value != "false" && !e.value.empty())
            return error(e.key, e.value, {Msg::NotBoolean}, {Msg::AllowedBoolean});
        if (e.value != "true") return;
        std::vector<std::string>& hidden = result.config.hidden;
        for (const std::string& h : hidden)
            if (h == name) return;
        hidden.emplace_back(name); // at most kMaxHidden: each hidable name once
    }

    void unknown(const Entry& e) {
        if (unknown_capped_) return;
        if (e.key.size() > kMaxUnknownBytes || e.value.size() > kMaxUnknownBytes) {
            return error(e.key, e.value, {Msg::UnknownTooLong},
                         {Msg::AllowedUnknownLong, {{"bytes", kMaxUnknownBytes}}});
        }
        size_t bytes = ht::percent_encoded_size(e.key) + ht::percent_encoded_size(e.value) + 2;
        if (result.config.unknown.size() >= kMaxUnknownKeys ||
            unknown_bytes_ + bytes > kMaxUnknownTotalBytes) {
            unknown_capped_ = true;
            return error(e.key, e.value, {Msg::UnknownDropped},
                         {Msg::AllowedUnknownMany,
                          {{"keys", kMaxUnknownKeys}, {"bytes", kMaxUnknownTotalBytes}}});
        }
        unknown_bytes_ += bytes;
        result.config.unknown.emplace_back(e.key, e.value);
        result.unknown_keys.push_back(e.key);
    }
};

} // namespace

ParseResult parse_hash(const std::string& hash) {
    Parser parser;
    std::string_view h = hash;
    if (!h.empty() && h.front() == '#') h.remove_prefix(1);
    if (h.size() > kMaxHashBytes) {
        Message m(Msg::HashTooLong, {{"bytes", h.size()}, {"max", kMaxHashBytes}});
        parser.result.errors.push_back({"", "", m.text(), m});
        h = h.substr(0, kMaxHashBytes);
    }

    // Pass 1: decode and merge repeated keys (first position, last value).
    std::vector<Entry> entries;
    std::unordered_map<std::string, size_t> index;
    while (!h.empty()) {
        size_t amp = h.find('&');
        std::string_view part = h.substr(0, amp);
        h = amp == std::string_view::npos ? std::string_view() : h.substr(amp + 1);
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string_view raw_key = part.substr(0, eq);
        std::string_view raw_value = eq == std::string_view::npos ? "" : part.substr(eq + 1);
        Entry e;
        if (!ht::percent_decode(raw_key, e.key)) {
            parser.error(raw_key, raw_value, {Msg::KeyMalformedEscape}, {Msg::AllowedEscapeKey});
            continue;
        }
        e.value_escape_ok = ht::percent_decode(raw_value, e.value);
        e.raw_value = raw_value;
        auto [it, inserted] = index.emplace(e.key, entries.size());
        if (inserted) {
            entries.push_back(std::move(e));
        } else {
            entries[it->second] = std::move(e);
        }
    }
    // Pass 2: apply in order of first appearance.
    for (const Entry& e : entries) parser.apply(e);
    return std::move(parser.result);
}

} // namespace bp
