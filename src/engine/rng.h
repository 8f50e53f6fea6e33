// rng.h: the project's own seeded random stream (xoshiro128** seeded through splitmix64) and its
// own uniform/normal conversions. Why: std:: distributions differ between libstdc++ and libc++, and
// a playground link must give the same data and weights in the browser and in the native CLI.
// Streams are named ("data", "init", ...) so regenerating data never shifts the initial weights.
#pragma once
#include <cstdint>
#include <string>

namespace bp {

class Rng {
  public:
    // Seeds from a seed string and a stream name (FNV-1a 64 of both, expanded by splitmix64).
    Rng(const std::string& seed, const char* stream);
    explicit Rng(uint64_t seed64);

    uint32_t next_u32();
    float uniform_f() { return (float)(next_u32() >> 8) * (1.0f / 16777216.0f); } // [0, 1)
    double uniform();                                                             // [0, 1), 53 bits
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }   // [lo, hi)
    double normal(); // standard normal, Marsaglia polar method with our own log
    uint32_t below(uint32_t n) { return (uint32_t)(((uint64_t)next_u32() * n) >> 32); } // [0, n)

    // The generator's whole position, so a saved run resumes its stream (the dropout masks); a
    // normal() spare is not part of it (call sites that save a stream never draw normals).
    struct State {
        uint32_t s[4];
    };
    State state() const { return State{{s_[0], s_[1], s_[2], s_[3]}}; }
    // False (and no change) for the all-zero state, xoshiro's fixed point.
    bool set_state(const State& st) {
        if ((st.s[0] | st.s[1] | st.s[2] | st.s[3]) == 0) return false;
        for (int k = 0; k < 4; ++k) s_[k] = st.s[k];
        has_spare_ = false;
        return true;
    }

  private:
    uint32_t s_[4];
    bool has_spare_ = false;
    double spare_ = 0.0;
};

uint64_t fnv1a64(const std::string& s, uint64_t h = 1469598103934665603ULL);

} // namespace bp
