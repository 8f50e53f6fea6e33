// hash_text.h: byte-level helpers of the URL-hash codec: percent coding, strict decimal numbers,
// shortest round-trip number text, and display-safe quoting for error messages.
// Contract: total on every byte string (the codec is fuzzed), no <cctype> (UB on negative chars and
// locale-dependent). Numbers go through strtod (where exact_decimal cannot) and snprintf, so they
// assume the C locale's '.' decimal point; the engine never calls setlocale, and a different locale
// makes numbers fail to parse rather than parse wrongly. Internal to src/config.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace bp::hash_text {

// Decodes %XX escapes; '+' stays '+' (a hash is not a form body). False when a '%' is not followed
// by two hex digits; `out` is then unspecified.
bool percent_decode(std::string_view in, std::string& out);
// Escapes every byte outside [A-Za-z0-9-_.~,] as %XX, so '&', '=', '#', '%' and '+' survive a trip.
std::string percent_encode(std::string_view in);
size_t percent_encoded_size(std::string_view in);

enum class NumberStatus { Ok, Empty, NotANumber, NotFinite };
// Strict decimal: [+-]? (d+ [. d*] | . d+) ([eE] [+-]? d+)? and nothing else: no spaces, hex
// floats, "inf", "nan" (NotFinite for those two, with a sign or any case). A value beyond double
// range is Ok with +-inf (callers report it as out of range); -0 becomes +0 so it prints as "0".
NumberStatus parse_decimal(std::string_view s, double& out);
// Shortest text that strtod maps back to exactly `v` (finite). Integral values below 1e15 get no
// exponent ("50", not "5e+01"): TF Playground reads our links and would not decode the "%2B".
std::string format_number(double v);
// The double nearest to a decimal text when a single exact operation gives it (Clinger's fast
// path: the same bits as strtod); false, out untouched, for any other text. Takes what
// parse_decimal takes and snprintf's "%g" forms ("1e-05").
bool exact_decimal(std::string_view s, double& out);
// strtof(text) == v, without strtod's slow path when exact_decimal can decide.
bool reads_back_as(const char* text, float v);

// `s` for a message shown to people: the first `max_bytes` bytes, printable ASCII kept, every other
// byte (and '\') as \xNN, "..." appended when cut.
std::string display(std::string_view s, size_t max_bytes);
// True when s is valid UTF-8 (no overlong forms or surrogates) without ASCII control characters.
bool plain_utf8(std::string_view s);
// Strips ASCII spaces and tabs at both ends (list elements are read leniently).
std::string_view trim_spaces(std::string_view s);

} // namespace bp::hash_text
