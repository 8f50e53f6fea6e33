// hash_text.cpp: see hash_text.h. Everything indexes bytes as unsigned char so that bytes >= 0x80
// never become negative indices or sign-extended values.
#include "hash_text.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace bp::hash_text {

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' ||
           c == '_' || c == '.' || c == '~' || c == ',';
}

bool percent_decode(std::string_view in, std::string& out) {
    out.clear();
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        unsigned char c = (unsigned char)in[i];
        if (c != '%') {
            out.push_back((char)c);
            continue;
        }
        if (in.size() - i < 3) return false; // '%' needs two more bytes
        int hi = hex_value((unsigned char)in[i + 1]), lo = hex_value((unsigned char)in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out.push_back((char)(unsigned char)(hi * 16 + lo));
        i += 2;
    }
    return true;
}

size_t percent_encoded_size(std::string_view in) {
    size_t n = 0;
    for (char ch : in) n += is_unreserved((unsigned char)ch) ? 1 : 3;
    return n;
}

std::string percent_encode(std::string_view in) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(percent_encoded_size(in));
    for (char ch : in) {
        unsigned char c = (unsigned char)ch;
        if (is_unreserved(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

// Clinger's fast path: the decimal [+-]? d* [. d*] ([eE] [+-]? d+)? as the double nearest to it,
// when that is one IEEE operation on exact operands (at most 19 significant digits whose integer
// is at most 2^53, times or divided by 10^k with k <= 22, both exact doubles), so correctly
// rounded: the same bits as strtod. False otherwise (more digits, large exponents, other text).
bool exact_decimal(std::string_view s, double& out) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    size_t i = 0, n = s.size();
    const bool neg = n > 0 && s[0] == '-';
    if (n > 0 && (s[0] == '+' || s[0] == '-')) ++i;
    unsigned long long m = 0;
    int digits = 0, exp10 = 0, seen = 0;
    const auto digit = [&](unsigned char c) {
        ++seen;
        if (m == 0 && c == '0') return true; // a leading zero is not significant
        if (++digits > 19) return false;
        m = m * 10 + (unsigned)(c - '0');
        return true;
    };
    for (; i < n && is_digit((unsigned char)s[i]); ++i)
        if (!digit((unsigned char)s[i])) return false;
    if (i < n && s[i] == '.')
        for (++i; i < n && is_digit((unsigned char)s[i]); ++i, --exp10)
            if (!digit((unsigned char)s[i])) return false;
    if (seen == 0) return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        const bool eneg = i < n && s[i] == '-';
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        int e = 0, edigits = 0;
        for (; i < n && is_digit((unsigned char)s[i]); ++i, ++edigits)
            if ((e = e * 10 + (s[i] - '0')) > 1000) return false;
        if (edigits == 0) return false;
        exp10 += eneg ? -e : e;
    }
    if (i != n) return false;
    double v = 0.0;
    if (m != 0) {
        if (m > (1ull << 53) || exp10 < -22 || exp10 > 22) return false;
        v = exp10 < 0 ? (double)m / kPow10[-exp10] : (double)m * kPow10[exp10];
    }
    out = neg ? -v : v;
    return true;
}

// strtod, for what the fast path above does not take; apart, so that the page's engine can leave
// strtod's long-double code (~5 KB) in the part it loads later (scripts/split-engine.mjs): links
// and numbers people write take the fast path.
[[gnu::noinline]] static bool strtod_whole(const std::string& text, double& out) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size(); // false: a non-C locale
}

bool reads_back_as(const char* text, float v) {
    double d;
    if (exact_decimal(text, d)) {
        // d rounds to the float that the decimal does (strtof) unless d is a midpoint between two
        // floats, where rounding twice may differ: every midpoint is a double and rounding is
        // monotonic, so the decimal and d lie on the same side of every other midpoint
        const float a = (float)d;
        if ((double)a == d) return a == v;
        const float b = std::nextafter(a, d > (double)a ? HUGE_VALF : -HUGE_VALF);
        if (((double)a + (double)b) * 0.5 != d) return a == v;
    }
    return std::strtof(text, nullptr) == v;
}

static bool starts_with_word_ci(std::string_view s, const char* word) {
    size_t i = 0;
    for (; word[i] != '\0'; ++i) {
        if (i >= s.size()) return false;
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)word[i]) return false;
    }
    return true;
}

NumberStatus parse_decimal(std::string_view s, double& out) {
    if (s.empty()) return NumberStatus::Empty;
    size_t i = 0, n = s.size();
    if (s[i] == '+' || s[i] == '-') ++i;
    if (starts_with_word_ci(s.substr(i), "inf") || starts_with_word_ci(s.substr(i), "nan"))
        return NumberStatus::NotFinite;
    // Validate the grammar ourselves: strtod alone would also take hex floats, "inf", "nan(...)"
    // and leading whitespace.
    size_t mantissa_digits = 0;
    while (i < n && is_digit((unsigned char)s[i])) ++i, ++mantissa_digits;
    if (i < n && s[i] == '.') {
        ++i;
        while (i < n && is_digit((unsigned char)s[i])) ++i, ++mantissa_digits;
    }
    if (mantissa_digits == 0) return NumberStatus::NotANumber;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exp_digits = 0;
        while (i < n && is_digit((unsigned char)s[i])) ++i, ++exp_digits;
        if (exp_digits == 0) return NumberStatus::NotANumber;
    }
    if (i != n) return NumberStatus::NotANumber;
    double v;
    // strtod needs a terminator; the grammar above excludes any '\0'
    if (!exact_decimal(s, v) && !strtod_whole(std::string(s), v)) return NumberStatus::NotANumber;
    out = (v == 0.0) ? 0.0 : v;
    return NumberStatus::Ok;
}

std::string format_number(double v) {
    char buf[64];
    if (v == 0.0) return "0";
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    for (int p = 1; p <= 17; ++p) {
        std::snprintf(buf, sizeof buf, "%.*g", p, v);
        double back;
        if (!exact_decimal(buf, back)) strtod_whole(buf, back);
        if (back == v) break; // %.17g always round-trips, so the loop ends here
    }
    return buf;
}

std::string display(std::string_view s, size_t max_bytes) {
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    size_t n = s.size() < max_bytes ? s.size() : max_bytes;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out.push_back((char)c);
        } else {
            out += "\\x";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    if (n < s.size()) out += "...";
    return out;
}

bool plain_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f) return false;
        if (c < 0x80) {
            ++i;
            continue;
        }
        // lead byte: the sequence's length and the smallest code point it may encode
        size_t len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
        if (c >= 0xf5 || len == 0 || i + len > s.size()) return false;
        unsigned cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
        for (size_t k = 1; k < len; ++k) {
            const unsigned char b = (unsigned char)s[i + k];
            if ((b & 0xc0) != 0x80) return false;
            cp = cp << 6 | (b & 0x3f);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0x80 && cp < 0xa0))
            return false; // overlong, out of range, a surrogate, or a C1 control
        i += len;
    }
    return true;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

} // namespace bp::hash_text
