// dense.cpp: SIMD kernels for dense layers (float), the forward pass here and the backward in
// dense_backward.cpp; the summation orders of the naive twins in dense.h, so results are
// bit-identical to them (tests/native/test_kernels*.cpp check tile edges, sizes 1..257). Cache
// blocking is over outputs and samples only, never splitting a sum's order:
//   - forward and dx: register tiles of R rows x 8 or 4 samples (4x2: 8 accumulators + 2
//     operands + 1 splat, under the 15 SIMD registers V8 leaves free; 4x3 and 3x4 tiles spilled
//     there and ran at ~60%) walk the whole reduction; rows are outer, so each group's rows of W
//     stay in L1 while all the samples are done and W streams once per 16-sample block;
//   - on wide layers (>= 16 rows both ways) each 16-sample block of the streamed operand (x, dz)
//     is first packed into a contiguous stack panel (dense_panel.h), so it stays in L1 whatever
//     the caller's stride (a stride of 256 floats, the network's capacity, maps every row to the
//     same few L1 sets); narrow layers (the playground's usual 2-8) read in place;
//   - small batches on wide layers: the forward in one pass over W (fwd_small3 below), the
//     backward fused (dense_backward.cpp).
// Tiles are templates over fixed sizes; remainders use smaller instantiations of the same code.
#include "dense.h"
#include "dense_panel.h"
#include "simd.h"

namespace bp {
namespace {
using namespace dense_detail;

// z[j+r][4v ...] for r < R, v < V over the column block at xp (stride ldp): b[j] then i ascending.
template <int R, int V>
inline void fwd_tile(const float* W, const float* b, const float* xp, std::size_t ldp, float* z,
                     std::size_t ld_z, int n_in, int j) {
    f32x4 acc[R][V];
    const float* wr[R];
    for (int r = 0; r < R; ++r) {
        wr[r] = W + (std::size_t)(j + r) * n_in;
        for (int v = 0; v < V; ++v) acc[r][v] = splat4(b[j + r]);
    }
    for (int i = 0; i < n_in; ++i, xp += ldp) {
        f32x4 xv[V];
        for (int v = 0; v < V; ++v) xv[v] = load4(xp + 4 * v);
        for (int r = 0; r < R; ++r) {
            f32x4 c = splat4(wr[r][i]);
            for (int v = 0; v < V; ++v) acc[r][v] = acc[r][v] + c * xv[v];
        }
    }
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) store4(z + (j + r) * ld_z + 4 * v, acc[r][v]);
}

// Rows [j, j + R) of z over columns [0, B4) (B4 % 4 == 0), 8 then 4 samples at a time: the R
// rows of W stay in L1 while the columns are done, so W streams once from the outer caches.
template <int R>
inline void fwd_rows(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                     std::size_t ld_z, int n_in, int j, int B4) {
    int s = 0;
    for (; s + 8 <= B4; s += 8) fwd_tile<R, 2>(W, b, x + s, ld_x, z + s, ld_z, n_in, j);
    for (; s + 4 <= B4; s += 4) fwd_tile<R, 1>(W, b, x + s, ld_x, z + s, ld_z, n_in, j);
}

// Always inlined: both callers in dense_forward keep the SIMD code inside it (tests/wasm/simd).
__attribute__((always_inline)) inline void fwd_all_rows(const float* W, const float* b,
                                                        const float* x, std::size_t ld_x, float* z,
                                                        std::size_t ld_z, int n_in, int n_out,
                                                        int B4) {
    int j = 0;
    for (; j + 4 <= n_out; j += 4) fwd_rows<4>(W, b, x, ld_x, z, ld_z, n_in, j, B4);
    switch (n_out - j) {
    case 3:
        fwd_rows<3>(W, b, x, ld_x, z, ld_z, n_in, j, B4);
        break;
    case 2:
        fwd_rows<2>(W, b, x, ld_x, z, ld_z, n_in, j, B4);
        break;
    case 1:
        fwd_rows<1>(W, b, x, ld_x, z, ld_z, n_in, j, B4);
        break;
    default:
        break;
    }
}

// Wide layers at 8 < B < 12 (the page's batch of 10): every column in one pass of 3-row tiles
// over a zero-padded 12-column panel (9 accumulators, 3 operands and a splat: no spill), where
// 8 columns and then the padded last 4 streamed W twice. The same operations per lane.
inline void fwd_small3(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                       std::size_t ld_z, int n_in, int n_out, int B) {
    alignas(16) float xt[kPanelRows * 12], zt[kPanelRows * 12];
    for (int i = 0; i < n_in; ++i)
        for (int c = 0; c < 12; ++c) xt[i * 12 + c] = c < B ? x[i * ld_x + c] : 0.0f;
    int j = 0;
    for (; j + 3 <= n_out; j += 3) fwd_tile<3, 3>(W, b, xt, 12, zt, 12, n_in, j);
    for (; j < n_out; ++j) fwd_tile<1, 3>(W, b, xt, 12, zt, 12, n_in, j);
    for (int r = 0; r < n_out; ++r)
        for (int s = 0; s < B; ++s) z[r * ld_z + s] = zt[r * 12 + s];
}

} // namespace

void dense_forward(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                   std::size_t ld_z, int n_in, int n_out, int B) {
    const int B4 = B & ~3;
    if (B > 8 && B < 12 && n_in <= kPanelRows && n_out <= kPanelRows && n_in >= kPackMinRows &&
        n_out >= kPackMinRows) {
        fwd_small3(W, b, x, ld_x, z, ld_z, n_in, n_out, B);
        return;
    }
    if (n_in <= kPanelRows && n_in >= kPackMinRows && n_out >= kPackMinRows)
        over_packed_blocks(x, ld_x, n_in, B4, [&](int s, const float* xp, std::size_t ldp, int w) {
            fwd_all_rows(W, b, xp, ldp, z + s, ld_z, n_in, n_out, w);
        });
    else
        fwd_all_rows(W, b, x, ld_x, z, ld_z, n_in, n_out, B4);
    if (B4 == B) return;
    if (n_in <= kPanelRows && n_out <= kPanelRows && n_in >= kPackMinRows &&
        n_out >= kPackMinRows) {
        // Wide layers: the last B % 4 columns as one f32x4 column, zero-padded in a panel (the
        // same operations per lane, so the same bits): one pass of W instead of one per column,
        // at a quarter of the instructions (the page's batch of 10 is 8 + 2; a grid row of 50,
        // 48 + 2). The result goes through a panel too: columns past B stay untouched.
        alignas(16) float xt[kPanelRows * 4], zt[kPanelRows * 4];
        for (int i = 0; i < n_in; ++i)
            for (int c = 0; c < 4; ++c) xt[i * 4 + c] = B4 + c < B ? x[i * ld_x + B4 + c] : 0.0f;
        fwd_all_rows(W, b, xt, 4, zt, 4, n_in, n_out, 4);
        for (int j = 0; j < n_out; ++j)
            for (int s = B4; s < B; ++s) z[j * ld_z + s] = zt[j * 4 + s - B4];
        return;
    }
    for (int s = B4; s < B; ++s) // narrow layers: the last B % 4 columns, one at a time
        for (int j = 0; j < n_out; ++j) {
            const float* w = W + (std::size_t)j * n_in;
            float acc = b[j];
            for (int i = 0; i < n_in; ++i) acc = acc + w[i] * x[i * ld_x + s];
            z[j * ld_z + s] = acc;
        }
}

} // namespace bp
