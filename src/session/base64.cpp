// base64.cpp: see base64.h.
#include "base64.h"

namespace bp {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

} // namespace

std::string base64_encode(const uint8_t* b, std::size_t n) {
    std::string o;
    o.reserve(base64_size(n));
    std::size_t k = 0;
    for (; k + 3 <= n; k += 3) {
        const uint32_t v = (uint32_t)b[k] << 16 | (uint32_t)b[k + 1] << 8 | b[k + 2];
        o += kAlphabet[v >> 18];
        o += kAlphabet[(v >> 12) & 63];
        o += kAlphabet[(v >> 6) & 63];
        o += kAlphabet[v & 63];
    }
    if (n - k == 1) {
        const uint32_t v = (uint32_t)b[k] << 16;
        o += kAlphabet[v >> 18];
        o += kAlphabet[(v >> 12) & 63];
        o += "==";
    } else if (n - k == 2) {
        const uint32_t v = (uint32_t)b[k] << 16 | (uint32_t)b[k + 1] << 8;
        o += kAlphabet[v >> 18];
        o += kAlphabet[(v >> 12) & 63];
        o += kAlphabet[(v >> 6) & 63];
        o += '=';
    }
    return o;
}

bool base64_decode(std::string_view t, std::vector<uint8_t>& out) {
    out.clear();
    if (t.size() % 4 != 0) return false;
    out.reserve(t.size() / 4 * 3);
    for (std::size_t k = 0; k < t.size(); k += 4) {
        const bool last = k + 4 == t.size();
        // "xx==" or "xxx=" only in the last quad
        const int pad = last ? (t[k + 3] == '=') + (t[k + 3] == '=' && t[k + 2] == '=') : 0;
        uint32_t v = 0;
        for (int j = 0; j < 4; ++j) {
            const int s = j >= 4 - pad ? 0 : sextet(t[k + j]);
            if (s < 0) return false;
            v = v << 6 | (uint32_t)s;
        }
        out.push_back((uint8_t)(v >> 16));
        if (pad == 2) return (v & 0xFFFF) == 0; // unused bits zero: canonical
        out.push_back((uint8_t)(v >> 8));
        if (pad == 1) return (v & 0xFF) == 0;
        out.push_back((uint8_t)v);
    }
    return true;
}

} // namespace bp
