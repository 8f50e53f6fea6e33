// dense_panel.h: what dense.cpp (forward) and dense_backward.cpp share: the cache-blocking sizes
// and the packing of a block of columns of a strided operand into a contiguous stack panel (the
// blocking is described in dense.cpp). Internal to those two files.
#pragma once
#include "simd.h"
#include <algorithm>
#include <cstddef>

namespace bp {
namespace dense_detail {

constexpr int kBlockV = 4;       // column block: 4 vectors = 16 samples
constexpr int kPanelRows = 512;  // packed panel rows (32 KiB of stack); taller operands: in place
constexpr int kPackMinRows = 16; // pack (and fuse) only when this many rows reuse the panel

// Copies rows [0, n) x columns [s, s + 4V) of src (stride ld) into panel (stride 4V).
inline void pack_panel(const float* src, std::size_t ld, int n, int s, int V, float* panel) {
    for (int k = 0; k < n; ++k)
        for (int v = 0; v < V; ++v)
            store4(panel + k * 4 * V + 4 * v, load4(src + k * ld + s + 4 * v));
}

// Runs block(s, panel, 4V, 4V) over the column blocks [s, s + 4V) of [0, B4) (V <= 4) after
// packing that block of the n_rows x B4 operand src into a stack panel (wide layers only).
template <class F>
inline void over_packed_blocks(const float* src, std::size_t ld, int n_rows, int B4, F block) {
    alignas(16) float panel[kPanelRows * 4 * kBlockV];
    for (int s = 0; s < B4; s += 4 * kBlockV) {
        const int V = std::min(kBlockV, (B4 - s) / 4);
        pack_panel(src, ld, n_rows, s, V, panel);
        block(s, panel, (std::size_t)(4 * V), 4 * V);
    }
}

} // namespace dense_detail
} // namespace bp
