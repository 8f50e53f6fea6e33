// model_fields.h: the checks every member of a model JSON goes through (model_io.cpp for the
// layers, model_state.cpp for the training state), each error a coded message (model.*) naming
// the member at fault as the file does.
#pragma once
#include "json_reader.h"
#include <cstddef>
#include <string>

namespace bp {

// A number in a message: std::to_string would write 1e39 as 40 digits and 1e-50 as 0.000000.
std::string short_number(double v);
// Reads `n` float32 numbers of an array into out; no message or an error naming `what`.
Message read_floats(const JsonValue* v, std::size_t n, const std::string& what, float* out);
// obj[key] as an integer of magnitude at most 1e9; no message or an error naming "key" (quoted).
Message read_int(const JsonValue& obj, const char* key, long& out);

} // namespace bp
