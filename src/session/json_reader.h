// json_reader.h: a small strict JSON reader (RFC 8259) for model files, total on any byte string:
// no exceptions (the wasm build has exception catching off, where a throw aborts), no recursion
// deeper than kMaxJsonDepth, text up to kMaxJsonBytes. Hand-written rather than Debian's
// nlohmann-json3-dev because that library reports errors by throwing and would need exceptions
// switched on in the wasm build, and because a model file needs only this much.
// Numbers keep their double value (strtod in the C locale, which the engine never changes);
// NaN/Infinity are not JSON and are refused, as are numbers beyond double range. Duplicate object
// keys: the first one counts (get() finds it). Errors are coded messages (message_table.h json.*):
// "<what> at line L, column C", so a page can say them in its language.
#pragma once
#include "../config/message.h"
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bp {

constexpr int kMaxJsonDepth = 64;
constexpr std::size_t kMaxJsonBytes = std::size_t(64) << 20;

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string text;                                       // String
    std::vector<JsonValue> items;                           // Array
    std::vector<std::pair<std::string, JsonValue>> members; // Object, in file order

    const JsonValue* get(std::string_view key) const; // nullptr when absent or not an object
    bool is(Kind k) const { return kind == k; }
};

// What a reader keeps: members whose key is not in `keys` (when given) are checked as JSON and
// dropped without being built, so padding costs no memory; at most max_values values are built
// (a hostile file of "0,0,..." would otherwise take ~60 bytes of tree per 2 bytes of text).
struct JsonKeep {
    const std::string_view* keys = nullptr; // nullptr: keep every member
    std::size_t num_keys = 0;
    std::size_t max_values = std::size_t(-1);
};

// No message on success, else the error (out is then unspecified).
Message json_read(std::string_view text, JsonValue& out, const JsonKeep& keep = {});
// The same as its English text: "" on success.
std::string json_parse(std::string_view text, JsonValue& out, const JsonKeep& keep = {});

Message json_kind(JsonValue::Kind k); // "null", "a boolean", "a number", ... (kind.*)

} // namespace bp
