// float_text.cpp: append_float, the fast twin of float_text_reference (float_text.h).
// For digits d = 1..9 it rounds v exactly to d significant digits (v = m * 2^e is a ratio of
// integers; unsigned __int128 holds it for |v| roughly within 1e-13..1e13, where the decimal
// exponent k of the last digit is within [-22, 22]), ties to even as printf does. The reference's
// two read-backs are then one test: q * 10^k with q < 2^53 and |k| <= 22 is one exact double
// operation away from q and 10^|k|, so it is strtod's correctly rounded double (Clinger's fast
// path); rounding that double to float gives strtof's answer unless the double lands exactly on a
// midpoint between two floats (every float and midpoint is a double, and rounding is monotonic),
// and only the two midpoints beside v can change whether the answer is v: those go to the
// reference. So do zero, subnormals and values out of range. The text
// is then laid out as "%.{d}g" would. tests compare it with the reference bit for bit.
#include "float_text.h"
#include <cstdint>

namespace bp {
namespace {

using u128 = unsigned __int128;

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

constexpr std::uint64_t kPow10u[] = {1,      10,      100,      1000,      10000,
                                     100000, 1000000, 10000000, 100000000, 1000000000};

u128 pow10_u128(int n) {
    u128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

constexpr u128 kLimit = u128(1) << 124; // products stay below 2^128 with room for 2 * remainder

// floor(m * 2^e / 10^k) into q, and how the dropped fraction f compares with 1/2 (half: -1, 0,
// +1) and with 0 (sticky: f > 0); false when the operands do not fit.
bool scaled(std::uint32_t m, int e, int k, u128& q, int& half, bool& sticky) {
    if (k < -22 || k > 22 || e < -120 || e > 100) return false;
    u128 num = m, den = 1;
    if (e >= 0) {
        if (num >= (kLimit >> e)) return false;
        num <<= e;
    } else {
        den <<= -e;
    }
    const u128 p = pow10_u128(k < 0 ? -k : k);
    u128& grow = k < 0 ? num : den;
    if (grow >= kLimit / p) return false;
    grow *= p;
    q = num / den;
    const u128 r = num - q * den;
    half = 2 * r < den ? -1 : 2 * r > den ? 1 : 0;
    sticky = r != 0;
    return true;
}

// "%.{d}g" of the value q * 10^(x - d + 1), where q has exactly d digits and x is the exponent.
void layout(std::string& out, bool neg, std::uint64_t q, int d, int x) {
    char dig[24];
    for (int i = d - 1; i >= 0; --i, q /= 10) dig[i] = char('0' + q % 10);
    int n = d;
    if (neg) out += '-';
    if (x < -4 || x >= d) { // %e: one digit, '.', the rest without trailing zeros, e+XX
        while (n > 1 && dig[n - 1] == '0') --n;
        out += dig[0];
        if (n > 1) out += '.', out.append(dig + 1, dig + n);
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
        out += e;
        return;
    }
    const int int_digits = x >= 0 ? x + 1 : 0; // %f with d - 1 - x decimals
    while (n > int_digits && dig[n - 1] == '0') --n;
    if (x >= 0) {
        out.append(dig, dig + int_digits);
    } else {
        out += '0';
    }
    if (n > int_digits) {
        out += '.';
        if (x < 0) out.append((std::size_t)(-x - 1), '0');
        out.append(dig + int_digits, dig + n);
    }
}

bool fast(std::string& out, float v) {
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    const int be = int((bits >> 23) & 0xff);
    if (be == 0 || be == 0xff) return false; // zero, subnormal, inf, nan
    const std::uint32_t m = (bits & 0x7fffff) | 0x800000;
    const int e = be - 150; // |v| = m * 2^e
    const double a = std::fabs((double)v);
    int x = (int)std::floor(std::log10(a)); // exact decimal exponent: fixed below by 9-digit floors
    // t = floor(|v| / 10^(x - 8)): 9 digits once x is right, and every shorter rounding follows
    // from t and the fraction below it (one 128-bit division a number, not nine)
    u128 t = 0;
    int half = 0;
    bool sticky = false;
    for (int tries = 0;; ++tries) {
        if (tries == 3 || !scaled(m, e, x - 8, t, half, sticky)) return false;
        if (t >= 1000000000u) {
            ++x;
        } else if (t < 100000000u) {
            --x;
        } else {
            break;
        }
    }
    const std::uint64_t t9 = (std::uint64_t)t;
    // the doubles halfway to v's neighbours: the only places where rounding the decimal to double
    // and then to float can part from rounding it to float directly and still matter here
    const float av = std::fabs(v);
    const double mid_lo = ((double)av + (double)std::nextafter(av, 0.0f)) / 2,
                 mid_hi = ((double)av + (double)std::nextafter(av, HUGE_VALF)) / 2;
    std::uint64_t D = 100000000; // 10^(9 - d)
    for (int d = 1; d <= 9; ++d, D /= 10) {
        int k = x - d + 1, xd = x;
        std::uint64_t q = t9 / D;
        const std::uint64_t r = t9 % D;
        // round half to even on the exact value q + (r + f) / D, f the fraction below t
        const bool up = d == 9 ? (half > 0 || (half == 0 && (q & 1)))
                               : (r > D / 2 || (r == D / 2 && (sticky || (q & 1))));
        q += up;
        if (q == kPow10u[d]) q /= 10, ++k, ++xd; // 9.99 -> 10.0: one more integer digit
        if (k < -22 || k > 22) return false;
        const double back =
            k >= 0 ? (double)(std::uint64_t)q * kPow10[k] : (double)(std::uint64_t)q / kPow10[-k];
        if (back == mid_lo || back == mid_hi) return false; // double rounding could differ
        const float f = (float)back;
        if (f == av) return layout(out, v < 0, q, d, xd), true;
    }
    return false;
}

} // namespace

void append_float(std::string& out, float v) {
    if (v == 0) { // the reference's "%.1g" ("0", "-0"), without its strtof and strtod: weights and
                  // biases are often zero, and those calls would keep strtod's long-double code in
                  // the part of the page's engine that loads first (scripts/split-engine.mjs)
        out += std::signbit(v) ? "-0" : "0";
        return;
    }
    const std::size_t n = out.size();
    if (fast(out, v)) return;
    out.resize(n);
    out += float_text_reference(v);
}

} // namespace bp
