// config_schema.h: the config's keys as one table (config_schema.cpp). A row gives the key's name
// (in the hash and in the page's config object), its Config member, its kind (how its value is
// read and written), its range or allowed names, whether it is TensorFlow Playground's key or
// ours, and whether a running session takes it live or must be rebuilt.
// Everything that lists keys walks this table instead: parse_hash, to_hash, check_consistency,
// equality, Session::set_training's live copy, the bindings' config object, the tests and the
// fuzzers. How to add a key: CONTRIBUTING.md.
#pragma once
#include "config.h"
#include "message.h"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bp::schema {

enum class Kind {
    Bool,    // true/false
    Number,  // a double in `range`
    Integer, // an int in `range`
    Enum,    // one of `enumeration`'s names
    Text,    // free text of at most `max_bytes`, percent-encoded in the hash
    // One key each, read and written by their own code in the codec:
    Shape,              // networkShape: comma-separated hidden layer sizes
    Activations,        // layerActivations: comma-separated names, one per hidden layer
    OptionalActivation, // outputActivation: a name or nothing
    Points,             // points: x1,x2,label triples
    Names,              // classNames: comma-separated names, each percent-encoded (',' too)
    Variants,           // compare, sweep: "key:v1,v2;key2:v1|v2" (config_variants.cpp)
    Hidden,             // "<name>_hide=true" keys; the row's name ("hidden") is not a hash key
};

enum class Origin {
    Tf,        // TensorFlow Playground's key: always written, so the link opens there too
    TfOmitted, // TF's key that TF itself leaves out at its default (regularization, tutorial,
               // _hide)
    Ours,      // ours: written only when not default, so a TF setup gives a TF-clean link;
               // a bool of ours takes only "true"/"false" (TF's take any non-empty value)
};

enum class Live {
    Rebuild,  // a change needs a new session (Session::create)
    Training, // how training runs (the next update, where it stops): Session::set_training
              // takes it and the weights stay
    Display,  // the page's drawing only: set_training takes it too
};

// An interval; an open end excludes the bound. Integer keys use closed ends.
struct Interval {
    double lo = 0, hi = 0;
    bool lo_open = false, hi_open = false;
};

// An enum-valued member, type-erased so that rows of different enum types share one table.
struct EnumAccess {
    const char* (*name)(const Config&);          // the value's hash name ("?" if unnamed)
    bool (*set)(Config&, std::string_view name); // false: not an allowed name; field kept
    bool (*allowed)(const Config&);              // the value is one of the allowed ones
    std::string (*names)();                      // the allowed names, for messages
    std::size_t count;                           // number of allowed values
    void (*set_option)(Config&, std::size_t i);  // the i-th allowed value (tests)
    void (*set_raw)(Config&, int v);             // any value, also unnamed ones (fuzzer)
};

struct Key {
    const char* name;
    Kind kind;
    Origin origin;
    Live live;
    bool (*same)(const Config&, const Config&);   // the member is equal (doubles by ==)
    void (*copy)(const Config& from, Config& to); // copies the member
    // The member and its limits, by kind (the others stay empty):
    bool Config::*flag = nullptr;                         // Bool
    double Config::*number = nullptr;                     // Number
    int Config::*integer = nullptr;                       // Integer
    std::string Config::*text = nullptr;                  // Text
    std::vector<VariantAxis> Config::*variants = nullptr; // Variants
    const EnumAccess* enumeration = nullptr;              // Enum
    Interval range{};          // Number, Integer; Variants: hi = most runs
    std::size_t max_bytes = 0; // Text
    // Integer: follows the range in parse messages (when has_note)
    bool has_note = false;
    Msg note = Msg::NoteStopEpoch;
    Msg refused = Msg::NotKnown; // Enum: check_consistency's problem
};

struct KeyList {
    const Key* first;
    const Key* last;
    const Key* begin() const { return first; }
    const Key* end() const { return last; }
};

// Every row, in to_hash's order: TF keys in TF's order, then ours.
KeyList keys();
// The row of a hash key; nullptr for unknown keys and for "<name>_hide" keys.
const Key* find(std::string_view name);

bool is_default(const Key& k, const Config& c);
// The name of the first key where a and b differ ("unknown" for the unknown keys), or "" when
// they are equal.
std::string first_difference(const Config& a, const Config& b);
// Copies every key that is not Live::Rebuild.
void copy_live(const Config& from, Config& to);
// The live keys for a message: "learningRate, ..., stopTestLoss, showTestData and discretize"
// (Training keys first, then Display keys, each in table order).
std::string live_names();

// A key's value for a dynamically typed reader (the bindings' config object).
struct Value {
    enum class Type { Bool, Number, Text, Null, Numbers, Texts, Absent } type = Type::Absent;
    bool flag = false;
    double number = 0;
    std::string text;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};
// Enums give their names, outputActivation null when unset; points are Absent (a list of up to
// 28 KiB of numbers: the bindings give its count instead).
Value value_of(const Key& k, const Config& c);

} // namespace bp::schema
