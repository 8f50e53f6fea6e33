// base64.h: RFC 4648 base64 (the standard alphabet, '=' padding) for the model file's training
// state: float32 buffers as their little-endian bytes, 5.3 characters a number where decimal text
// takes ~12, and exact by construction. Decoding is strict: no whitespace, padding required,
// unused low bits zero, so a decoded string encodes back to itself.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

std::string base64_encode(const uint8_t* bytes, std::size_t n);
// False (out unspecified) when text is not canonical base64.
bool base64_decode(std::string_view text, std::vector<uint8_t>& out);
// Characters base64_encode writes for n bytes.
constexpr std::size_t base64_size(std::size_t n) {
    return (n + 2) / 3 * 4;
}

} // namespace bp
