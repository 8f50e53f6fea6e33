// dense_backward.cpp: the SIMD backward of a dense layer (float), in dense.h's summation orders
// (the blocking rules are dense.cpp's). Small batches (B <= 16) on wide layers take a fused
// backward: W's rows are read once, in blocks of 4, adding each block's terms to dx partial sums
// kept in a stack panel (so each dx sum still runs j ascending from 0) and finishing those rows of
// dW against a packed x panel. At the page's batch sizes wide nets are bound by streaming W and dW
// through the caches; under plain SGD (dense_backward_sgd) the block's weights take their step
// right there, dW never written: a 16 x 256 batch of 10 in Node, 4.33 -> 3.72 ms (p25 of 60, side
// by side).
#include "dense.h"
#include "dense_panel.h"
#include "optimizer.h"
#include "simd.h"

namespace bp {
namespace {
using namespace dense_detail;

// dense_backward_sgd's step, carried to the dW tiles: W (writable) and dead aligned to it.
struct SgdTile {
    float* W;
    const uint8_t* dead;
    f32x4 sc,
        chk; // sc: sgd_scale; chk: the sum of w - w over the stepped weights (NaN once one is not)
};

// dx[i+r][4v ...] = sum_j W[j][i+r] dz[j][...], j ascending from 0, dz block at dp (stride ldp).
template <int R, int V>
inline void bwd_dx_tile(const float* W, const float* dp, std::size_t ldp, float* dx,
                        std::size_t ld_dx, int n_in, int n_out, int i) {
    f32x4 acc[R][V];
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) acc[r][v] = splat4(0.0f);
    const float* w = W + i;
    for (int j = 0; j < n_out; ++j, dp += ldp, w += n_in) {
        f32x4 dv[V];
        for (int v = 0; v < V; ++v) dv[v] = load4(dp + 4 * v);
        for (int r = 0; r < R; ++r) {
            f32x4 c = splat4(w[r]);
            for (int v = 0; v < V; ++v) acc[r][v] = acc[r][v] + c * dv[v];
        }
    }
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) store4(dx + (i + r) * ld_dx + 4 * v, acc[r][v]);
}

// Rows [i, i + R) of dx over columns [0, B) (B % 4 == 0).
template <int R>
inline void bwd_dx_rows(const float* W, const float* dz, std::size_t ld_dz, float* dx,
                        std::size_t ld_dx, int n_in, int n_out, int i, int B) {
    int s = 0;
    for (; s + 8 <= B; s += 8) bwd_dx_tile<R, 2>(W, dz + s, ld_dz, dx + s, ld_dx, n_in, n_out, i);
    for (; s + 4 <= B; s += 4) bwd_dx_tile<R, 1>(W, dz + s, ld_dz, dx + s, ld_dx, n_in, n_out, i);
}

__attribute__((always_inline)) inline void bwd_dx_all_rows(const float* W, const float* dz,
                                                           std::size_t ld_dz, float* dx,
                                                           std::size_t ld_dx, int n_in, int n_out,
                                                           int B) {
    int i = 0;
    for (; i + 4 <= n_in; i += 4) bwd_dx_rows<4>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, B);
    switch (n_in - i) {
    case 3:
        bwd_dx_rows<3>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, B);
        break;
    case 2:
        bwd_dx_rows<2>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, B);
        break;
    case 1:
        bwd_dx_rows<1>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, B);
        break;
    default:
        break;
    }
}

// dW[j+r][i+c] += hsum over s of dz[j+r][s] x[i+c][s] (lane k holds s = k mod 4; each lane
// starts from its first product, not from 0 + it). Needs B >= 4. NV > 0: B == 4 NV, known at
// compile time (the fused small-batch path), so the sample loop unrolls.
// st: the fused SGD step (dense_backward_sgd) instead of adding to dW, chk its check sum.
template <int R, int C, int NV = 0>
__attribute__((always_inline)) inline void
bwd_dw_tile(const float* x, std::size_t ld_x, const float* dz, std::size_t ld_dz, float* dW,
            int n_in, int j, int i, int B, const SgdTile* st, f32x4& chk) {
    if (NV > 0) B = 4 * NV;
    f32x4 acc[R][C];
    {
        f32x4 dv[R], xv[C];
        for (int r = 0; r < R; ++r) dv[r] = load4(dz + (j + r) * ld_dz);
        for (int c = 0; c < C; ++c) xv[c] = load4(x + (i + c) * ld_x);
        for (int r = 0; r < R; ++r)
            for (int c = 0; c < C; ++c) acc[r][c] = dv[r] * xv[c];
    }
    for (int s = 4; s < B; s += 4) {
        f32x4 dv[R], xv[C];
        for (int r = 0; r < R; ++r) dv[r] = load4(dz + (j + r) * ld_dz + s);
        for (int c = 0; c < C; ++c) xv[c] = load4(x + (i + c) * ld_x + s);
        for (int r = 0; r < R; ++r)
            for (int c = 0; c < C; ++c) acc[r][c] = acc[r][c] + dv[r] * xv[c];
    }
    for (int r = 0; r < R; ++r) {
        const std::size_t k = (std::size_t)(j + r) * n_in + i;
        if (st) { // dW is zero on entry: the gradient is 0 + the sum, then the step
            float* w = st->W + k;
            const uint8_t* dead = st->dead + k;
            if constexpr (C == 4) {
                const f32x4 g = splat4(0.0f) + hsum4x4(acc[r][0], acc[r][1], acc[r][2], acc[r][3]);
                const f32x4 w0 = load4(w);
                uint32_t d;
                std::memcpy(&d, dead, 4);
                const f32x4 w1 = d == 0 ? sgd_weight(w0, g, st->sc)
                                        : select4(i32x4{dead[0], dead[1], dead[2], dead[3]} != 0,
                                                  w0, sgd_weight(w0, g, st->sc));
                store4(w, w1);
                chk = chk + (w1 - w1);
            } else {
                for (int c = 0; c < C; ++c) {
                    const float g = 0.0f + hsum4(acc[r][c]), w0 = w[c];
                    if (!dead[c]) w[c] = sgd_weight(w0, g, st->sc[0]);
                    chk[0] = chk[0] + (w[c] - w[c]);
                }
            }
            continue;
        }
        float* w = dW + k;
        if constexpr (C == 4) {
            store4(w, load4(w) + hsum4x4(acc[r][0], acc[r][1], acc[r][2], acc[r][3]));
        } else {
            for (int c = 0; c < C; ++c) w[c] = w[c] + hsum4(acc[r][c]);
        }
    }
}

template <int R, int NV = 0>
inline void bwd_dw_rows(const float* x, std::size_t ld_x, const float* dz, std::size_t ld_dz,
                        float* dW, int n_in, int j, int B, SgdTile* step = nullptr) {
    // the check sum in a local, so that it stays in a register across the (inlined) tiles: in
    // the struct it was a store-to-load chain, one per tile row (perf: the hottest instruction)
    f32x4 chk = step ? step->chk : splat4(0.0f);
    const SgdTile* st = step;
    int i = 0;
    for (; i + 4 <= n_in; i += 4)
        bwd_dw_tile<R, 4, NV>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B, st, chk);
    switch (n_in - i) {
    case 3:
        bwd_dw_tile<R, 3, NV>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B, st, chk);
        break;
    case 2:
        bwd_dw_tile<R, 2, NV>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B, st, chk);
        break;
    case 1:
        bwd_dw_tile<R, 1, NV>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B, st, chk);
        break;
    default:
        break;
    }
    if (step) step->chk = chk;
}

// The fused small-batch backward (B = 4V <= 16), rows [j, j + RJ) of W: dxp [n_in][4V] holds dx's
// partial sums over rows < j; dxp == nullptr skips dx. xp [n_in][4V] is the packed x.
template <int RJ, int V>
inline void bwd_small_block(const float* W, const float* xp, const float* dz, std::size_t ld_dz,
                            float* dxp, float* dW, int n_in, int j, SgdTile* st) {
    constexpr int L = 4 * V;
    if (dxp) {
        f32x4 dv[RJ][V];
        const float* wr[RJ];
        for (int r = 0; r < RJ; ++r) {
            wr[r] = W + (std::size_t)(j + r) * n_in;
            for (int v = 0; v < V; ++v) dv[r][v] = load4(dz + (j + r) * ld_dz + 4 * v);
        }
        for (int i = 0; i < n_in; ++i) {
            f32x4 acc[V];
            for (int v = 0; v < V; ++v) acc[v] = load4(dxp + i * L + 4 * v);
            for (int r = 0; r < RJ; ++r) {
                f32x4 c = splat4(wr[r][i]);
                for (int v = 0; v < V; ++v) acc[v] = acc[v] + c * dv[r][v];
            }
            for (int v = 0; v < V; ++v) store4(dxp + i * L + 4 * v, acc[v]);
        }
    }
    // with st, these rows of W step only now, after their last use in dx above
    int r = 0;
    for (; r + 2 <= RJ; r += 2) bwd_dw_rows<2, V>(xp, L, dz, ld_dz, dW, n_in, j + r, L, st);
    if (r < RJ) bwd_dw_rows<1, V>(xp, L, dz, ld_dz, dW, n_in, j + r, L, st);
}

template <int V>
inline void bwd_small(const float* W, const float* x, std::size_t ld_x, const float* dz,
                      std::size_t ld_dz, float* dx, std::size_t ld_dx, float* dW, int n_in,
                      int n_out, SgdTile* st) {
    constexpr int L = 4 * V;
    alignas(16) float xp[kPanelRows * L], dxp[kPanelRows * L];
    pack_panel(x, ld_x, n_in, 0, V, xp);
    float* d = dx ? dxp : nullptr;
    if (d)
        for (int k = 0; k < n_in * L; k += 4) store4(dxp + k, splat4(0.0f));
    int j = 0;
    for (; j + 4 <= n_out; j += 4) bwd_small_block<4, V>(W, xp, dz, ld_dz, d, dW, n_in, j, st);
    switch (n_out - j) {
    case 3:
        bwd_small_block<3, V>(W, xp, dz, ld_dz, d, dW, n_in, j, st);
        break;
    case 2:
        bwd_small_block<2, V>(W, xp, dz, ld_dz, d, dW, n_in, j, st);
        break;
    case 1:
        bwd_small_block<1, V>(W, xp, dz, ld_dz, d, dW, n_in, j, st);
        break;
    default:
        break;
    }
    if (dx)
        for (int i = 0; i < n_in; ++i)
            for (int v = 0; v < V; ++v) store4(dx + i * ld_dx + 4 * v, load4(dxp + i * L + 4 * v));
}

// The fused small-batch backward takes wide layers (>= 16 outputs) at 4 <= B <= 16.
inline bool takes_small(int n_in, int n_out, int B) {
    return B >= 4 && B <= 4 * kBlockV && n_in <= kPanelRows && n_out >= kPackMinRows;
}

// db[j] += the sum over s of dz[j][s] (dense.h's order).
inline void bias_grads(const float* dz, std::size_t ld_dz, float* db, int n_out, int B) {
    int jb = 0;
    for (; jb + 4 <= n_out; jb += 4) {
        f32x4 acc[4];
        for (int r = 0; r < 4; ++r) {
            acc[r] = splat4(0.0f);
            for (int s = 0; s < B; s += 4) acc[r] = acc[r] + load4(dz + (jb + r) * ld_dz + s);
        }
        store4(db + jb, load4(db + jb) + hsum4x4(acc[0], acc[1], acc[2], acc[3]));
    }
    for (int j = jb; j < n_out; ++j) {
        f32x4 acc = splat4(0.0f);
        for (int s = 0; s < B; s += 4) acc = acc + load4(dz + j * ld_dz + s);
        db[j] = db[j] + hsum4(acc);
    }
}

// The small-batch backward (takes_small): dW added to or, with st, the SGD step taken instead.
inline void backward_small(const float* W, const float* x, std::size_t ld_x, const float* dz,
                           std::size_t ld_dz, float* dx, std::size_t ld_dx, float* dW, float* db,
                           int n_in, int n_out, int B, SgdTile* st) {
    bias_grads(dz, ld_dz, db, n_out, B);
    switch (B / 4) {
    case 4:
        bwd_small<4>(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, n_in, n_out, st);
        break;
    case 3:
        bwd_small<3>(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, n_in, n_out, st);
        break;
    case 2:
        bwd_small<2>(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, n_in, n_out, st);
        break;
    default:
        bwd_small<1>(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, n_in, n_out, st);
        break;
    }
}

} // namespace

bool dense_backward_sgd(float* W, const float* x, std::size_t ld_x, const float* dz,
                        std::size_t ld_dz, float* dx, std::size_t ld_dx, float* db, int n_in,
                        int n_out, int B, const DenseSgd& sgd, bool& finite) {
    if (!takes_small(n_in, n_out, B)) return false;
    SgdTile st{W, sgd.dead, splat4(sgd.scale), splat4(0.0f)};
    backward_small(W, x, ld_x, dz, ld_dz, dx, ld_dx, nullptr, db, n_in, n_out, B, &st);
    finite = finite && hsum4(st.chk) == 0.0f;
    return true;
}

void dense_backward(const float* W, const float* x, std::size_t ld_x, const float* dz,
                    std::size_t ld_dz, float* dx, std::size_t ld_dx, float* dW, float* db, int n_in,
                    int n_out, int B) {
    if (B < 4) { // B == 0: nothing to sum; the twin gives dx = 0 and adds +0
        dense_backward_naive(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, db, n_in, n_out, B);
        return;
    }
    if (takes_small(n_in, n_out, B)) {
        backward_small(W, x, ld_x, dz, ld_dz, dx, ld_dx, dW, db, n_in, n_out, B, nullptr);
        return;
    }
    if (dx && n_out <= kPanelRows && n_out >= kPackMinRows && n_in >= kPackMinRows)
        over_packed_blocks(dz, ld_dz, n_out, B,
                           [&](int s, const float* dp, std::size_t ldp, int w) {
                               bwd_dx_all_rows(W, dp, ldp, dx + s, ld_dx, n_in, n_out, w);
                           });
    else if (dx)
        bwd_dx_all_rows(W, dz, ld_dz, dx, ld_dx, n_in, n_out, B);
    bias_grads(dz, ld_dz, db, n_out, B);
    int j = 0;
    for (; j + 2 <= n_out; j += 2) bwd_dw_rows<2>(x, ld_x, dz, ld_dz, dW, n_in, j, B);
    if (j < n_out) bwd_dw_rows<1>(x, ld_x, dz, ld_dz, dW, n_in, j, B);
}

} // namespace bp
