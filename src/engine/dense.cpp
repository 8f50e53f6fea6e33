// dense.cpp: SIMD kernels for dense layers (float), register-tiled; same summation orders as the
// naive twins in dense.h, so results are bit-identical to them (tests check this at sizes 1..17).
// Tiles are templates over fixed sizes so the accumulators live in registers; remainders use
// smaller instantiations of the same templates.
#include "dense.h"
#include "simd.h"

namespace bp {
namespace {

// z[j+r][s + 4v ...] for r < R, v < V.
template <int R, int V>
inline void fwd_tile(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                     std::size_t ld_z, int n_in, int j, int s) {
    f32x4 acc[R][V];
    const float* wr[R];
    for (int r = 0; r < R; ++r) {
        wr[r] = W + (std::size_t)(j + r) * n_in;
        for (int v = 0; v < V; ++v) acc[r][v] = splat4(b[j + r]);
    }
    const float* xp = x + s;
    for (int i = 0; i < n_in; ++i, xp += ld_x) {
        f32x4 xv[V];
        for (int v = 0; v < V; ++v) xv[v] = load4(xp + 4 * v);
        for (int r = 0; r < R; ++r) {
            f32x4 c = splat4(wr[r][i]);
            for (int v = 0; v < V; ++v) acc[r][v] = acc[r][v] + c * xv[v];
        }
    }
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) store4(z + (j + r) * ld_z + s + 4 * v, acc[r][v]);
}

template <int R>
inline void fwd_rows(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                     std::size_t ld_z, int n_in, int j, int B) {
    int s = 0;
    for (; s + 8 <= B; s += 8) fwd_tile<R, 2>(W, b, x, ld_x, z, ld_z, n_in, j, s);
    for (; s + 4 <= B; s += 4) fwd_tile<R, 1>(W, b, x, ld_x, z, ld_z, n_in, j, s);
    for (; s < B; ++s)
        for (int r = 0; r < R; ++r) {
            const float* w = W + (std::size_t)(j + r) * n_in;
            float acc = b[j + r];
            for (int i = 0; i < n_in; ++i) acc = acc + w[i] * x[i * ld_x + s];
            z[(j + r) * ld_z + s] = acc;
        }
}

// dx[i+r][s + 4v ...] = sum_j W[j][i+r] dz[j][...], j ascending from 0.
template <int R, int V>
inline void bwd_dx_tile(const float* W, const float* dz, std::size_t ld_dz, float* dx,
                        std::size_t ld_dx, int n_in, int n_out, int i, int s) {
    f32x4 acc[R][V];
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) acc[r][v] = splat4(0.0f);
    for (int j = 0; j < n_out; ++j) {
        const float* dzp = dz + j * ld_dz + s;
        const float* w = W + (std::size_t)j * n_in + i;
        f32x4 dv[V];
        for (int v = 0; v < V; ++v) dv[v] = load4(dzp + 4 * v);
        for (int r = 0; r < R; ++r) {
            f32x4 c = splat4(w[r]);
            for (int v = 0; v < V; ++v) acc[r][v] = acc[r][v] + c * dv[v];
        }
    }
    for (int r = 0; r < R; ++r)
        for (int v = 0; v < V; ++v) store4(dx + (i + r) * ld_dx + s + 4 * v, acc[r][v]);
}

template <int R>
inline void bwd_dx_rows(const float* W, const float* dz, std::size_t ld_dz, float* dx,
                        std::size_t ld_dx, int n_in, int n_out, int i, int B) {
    int s = 0;
    for (; s + 8 <= B; s += 8) bwd_dx_tile<R, 2>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, s);
    for (; s + 4 <= B; s += 4) bwd_dx_tile<R, 1>(W, dz, ld_dz, dx, ld_dx, n_in, n_out, i, s);
}

// dW[j+r][i+c] += hsum over s of dz[j+r][s] x[i+c][s] (lane k holds s = k mod 4).
template <int R, int C>
inline void bwd_dw_tile(const float* x, std::size_t ld_x, const float* dz, std::size_t ld_dz,
                        float* dW, int n_in, int j, int i, int B) {
    f32x4 acc[R][C];
    for (int r = 0; r < R; ++r)
        for (int c = 0; c < C; ++c) acc[r][c] = splat4(0.0f);
    for (int s = 0; s < B; s += 4) {
        f32x4 dv[R], xv[C];
        for (int r = 0; r < R; ++r) dv[r] = load4(dz + (j + r) * ld_dz + s);
        for (int c = 0; c < C; ++c) xv[c] = load4(x + (i + c) * ld_x + s);
        for (int r = 0; r < R; ++r)
            for (int c = 0; c < C; ++c) acc[r][c] = acc[r][c] + dv[r] * xv[c];
    }
    for (int r = 0; r < R; ++r) {
        float* w = dW + (std::size_t)(j + r) * n_in + i;
        if constexpr (C == 4) {
            store4(w, load4(w) + hsum4x4(acc[r][0], acc[r][1], acc[r][2], acc[r][3]));
        } else {
            for (int c = 0; c < C; ++c) w[c] = w[c] + hsum4(acc[r][c]);
        }
    }
}

template <int R>
inline void bwd_dw_rows(const float* x, std::size_t ld_x, const float* dz, std::size_t ld_dz,
                        float* dW, int n_in, int j, int B) {
    int i = 0;
    for (; i + 4 <= n_in; i += 4) bwd_dw_tile<R, 4>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B);
    switch (n_in - i) {
    case 3:
        bwd_dw_tile<R, 3>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B);
        break;
    case 2:
        bwd_dw_tile<R, 2>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B);
        break;
    case 1:
        bwd_dw_tile<R, 1>(x, ld_x, dz, ld_dz, dW, n_in, j, i, B);
        break;
    default:
        break;
    }
}

} // namespace

void dense_forward(const float* W, const float* b, const float* x, std::size_t ld_x, float* z,
                   std::size_t ld_z, int n_in, int n_out, int B) {
    int j = 0;
    for (; j + 4 <= n_out; j += 4) fwd_rows<4>(W, b, x, ld_x, z, ld_z, n_in, j, B);
    switch (n_out - j) {
    case 3:
        fwd_rows<3>(W, b, x, ld_x, z, ld_z, n_in, j, B);
        break;
    case 2:
        fwd_rows<2>(W, b, x, ld_x, z, ld_z, n_in, j, B);
        break;
    case 1:
        fwd_rows<1>(W, b, x, ld_x, z, ld_z, n_in, j, B);
        break;
    default:
        break;
    }
}

void dense_backward(const float* W, const float* x, std::size_t ld_x, const float* dz,
                    std::size_t ld_dz, float* dx, std::size_t ld_dx, float* dW, float* db, int n_in,
                    int n_out, int B) {
    if (dx) {
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
    int j = 0;
    for (; j + 2 <= n_out; j += 2) bwd_dw_rows<2>(x, ld_x, dz, ld_dz, dW, n_in, j, B);
    if (j < n_out) bwd_dw_rows<1>(x, ld_x, dz, ld_dz, dW, n_in, j, B);
}

} // namespace bp
