// kernel_inputs.h: what the dense-kernel tests share: random inputs from the project's Rng and a
// bit-for-bit comparison of float buffers.
#pragma once
#include "engine/rng.h"
#include <cstring>
#include <vector>

namespace bp_test {

inline std::vector<float> random_vec(std::size_t n, bp::Rng& r, float scale = 1.0f) {
    std::vector<float> v(n);
    for (float& x : v) x = (float)((r.uniform() * 2 - 1) * scale);
    return v;
}
inline bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

} // namespace bp_test
