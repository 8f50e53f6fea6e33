// rng.cpp: xoshiro128** with splitmix64 seeding; see rng.h.
#include "rng.h"
#include "elementary.h"
#include <cmath>

namespace bp {

uint64_t fnv1a64(const std::string& s, uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed64) {
    uint64_t x = seed64;
    uint64_t a = splitmix64(x), b = splitmix64(x);
    s_[0] = (uint32_t)a;
    s_[1] = (uint32_t)(a >> 32);
    s_[2] = (uint32_t)b;
    s_[3] = (uint32_t)(b >> 32);
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1; // the all-zero state is a fixed point
}

Rng::Rng(const std::string& seed, const char* stream)
    : Rng(fnv1a64(std::string(stream), fnv1a64(seed) ^ 0x5bd1e995ULL)) {}

static inline uint32_t rotl(uint32_t x, int k) {
    return (x << k) | (x >> (32 - k));
}

uint32_t Rng::next_u32() {
    uint32_t result = rotl(s_[1] * 5, 7) * 9;
    uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 11);
    return result;
}

double Rng::uniform() {
    uint64_t hi = next_u32() >> 5, lo = next_u32() >> 6; // 27 + 26 = 53 bits
    return (double)((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

double Rng::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    double m = std::sqrt(-2.0 * elem::log(s) / s); // sqrt is correctly rounded everywhere
    spare_ = v * m;
    has_spare_ = true;
    return u * m;
}

} // namespace bp
