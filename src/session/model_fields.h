// model_fields.h: the checks every member of a model JSON goes through (model_io.cpp for the
// layers, model_state.cpp for the training state), each error naming the member at fault.
#pragma once
#include "json_reader.h"
#include <cstddef>
#include <string>

namespace bp {

// A number in a message: std::to_string would write 1e39 as 40 digits and 1e-50 as 0.000000.
std::string short_number(double v);
// Reads `n` float32 numbers of an array into out; "" or an error naming `what`.
std::string read_floats(const JsonValue* v, std::size_t n, const std::string& what, float* out);
// obj[key] as an integer of magnitude at most 1e9; "" or an error "<where>"key" ...".
std::string read_int(const JsonValue& obj, const char* key, const std::string& where, long& out);

} // namespace bp
