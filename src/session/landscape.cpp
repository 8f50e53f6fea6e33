// landscape.cpp: the loss landscape's geometry (see landscape.h): filter-normalized random
// directions, the trajectory's principal directions, projections onto a plane.
#include "landscape.h"
#include "../engine/rng.h"
#include <algorithm>
#include <cmath>

namespace bp {

void filter_normalized_direction(const Network<float>& net, const float* params, Rng& rng,
                                 std::vector<float>& d) {
    const std::size_t P = net.params.size();
    std::vector<double> raw(P);
    for (std::size_t k = 0; k < P; ++k)
        raw[k] = rng.normal(); // every entry, so the draw order
                               // does not depend on the layout
    d.assign(P, 0.0f);
    for (const LayerInfo& L : net.layers())
        for (int j = 0; j < L.n_out; ++j) {
            const std::size_t row = L.w_off + (std::size_t)j * L.n_in;
            double wn = 0, dn = 0;
            for (int i = 0; i < L.n_in; ++i) {
                wn += (double)params[row + i] * params[row + i];
                dn += raw[row + i] * raw[row + i];
            }
            if (wn == 0 || dn == 0) continue;
            const double scale = std::sqrt(wn) / std::sqrt(dn);
            for (int i = 0; i < L.n_in; ++i) d[row + i] = (float)(raw[row + i] * scale);
        }
}

namespace {

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    double s = 0;
    for (std::size_t k = 0; k < a.size(); ++k) s += a[k] * b[k];
    return s;
}

// Gram-Schmidt of u, v (v made orthogonal to u, both unit); false when either vanishes.
bool orthonormalize(std::vector<double>& u, std::vector<double>& v) {
    double nu = std::sqrt(dot(u, u));
    if (!(nu > 0)) return false;
    for (double& x : u) x /= nu;
    const double p = dot(u, v);
    for (std::size_t k = 0; k < v.size(); ++k) v[k] -= p * u[k];
    double nv = std::sqrt(dot(v, v));
    if (!(nv > 0)) return false;
    for (double& x : v) x /= nv;
    return true;
}

} // namespace

std::string pca_directions(const std::vector<float>& snaps, std::size_t m, std::size_t P,
                           std::vector<float>& d1, std::vector<float>& d2) {
    if (m < 3)
        return "principal directions need a trajectory of at least 3 recorded weights (epoch 0 "
               "and 2 more); this run has " +
               std::to_string(m) + ": train longer or use random directions";
    // A = snapshots minus their mean, [m][P] in double; G = A A^T, m x m (m <= 129, P may be 1 M).
    std::vector<double> mean(P, 0.0), A(m * P);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < P; ++k) mean[k] += snaps[i * P + k];
    for (double& x : mean) x /= (double)m;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < P; ++k) A[i * P + k] = snaps[i * P + k] - mean[k];
    std::vector<double> G(m * m);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = i; j < m; ++j) {
            double s = 0;
            for (std::size_t k = 0; k < P; ++k) s += A[i * P + k] * A[j * P + k];
            G[i * m + j] = G[j * m + i] = s;
        }
    // The top two eigenvectors of G by subspace iteration from fixed vectors (no randomness, so
    // every build gives the same bits); 100 rounds settle any gap the pictures can show.
    std::vector<double> u(m), v(m), gu(m), gv(m);
    for (std::size_t i = 0; i < m; ++i) {
        u[i] = (double)i;
        v[i] = (double)((i * 7919) % 13) - 6.0;
    }
    if (!orthonormalize(u, v)) return "the trajectory does not span two directions";
    for (int it = 0; it < 100; ++it) {
        for (std::size_t i = 0; i < m; ++i) {
            double a = 0, b = 0;
            for (std::size_t j = 0; j < m; ++j) {
                a += G[i * m + j] * u[j];
                b += G[i * m + j] * v[j];
            }
            gu[i] = a;
            gv[i] = b;
        }
        // Keep the larger Rayleigh quotient first, so u converges to the top eigenvector.
        if (dot(gv, gv) > dot(gu, gu)) std::swap(gu, gv);
        u = gu;
        v = gv;
        if (!orthonormalize(u, v))
            return "the trajectory does not span two directions (the weights moved along a line)";
    }
    // Directions in weight space: A^T u / |A^T u|, signed so the first snapshot lies at <= 0.
    auto direction = [&](const std::vector<double>& w, std::vector<float>& d) {
        std::vector<double> x(P, 0.0);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t k = 0; k < P; ++k) x[k] += A[i * P + k] * w[i];
        const double n = std::sqrt(dot(x, x));
        double first = 0;
        for (std::size_t k = 0; k < P; ++k) first += A[k] * x[k];
        const double s = (first > 0 ? -1.0 : 1.0) / n;
        d.resize(P);
        for (std::size_t k = 0; k < P; ++k) d[k] = (float)(x[k] * s);
        return n > 0;
    };
    if (!direction(u, d1) || !direction(v, d2))
        return "the trajectory does not span two directions";
    return "";
}

void plane_project(const float* p, const std::vector<float>& centre, const std::vector<float>& d1,
                   const std::vector<float>& d2, double& alpha, double& beta) {
    double g11 = 0, g12 = 0, g22 = 0, r1 = 0, r2 = 0;
    for (std::size_t k = 0; k < centre.size(); ++k) {
        const double x = (double)p[k] - centre[k], a = d1[k], b = d2[k];
        g11 += a * a;
        g12 += a * b;
        g22 += b * b;
        r1 += a * x;
        r2 += b * x;
    }
    const double det = g11 * g22 - g12 * g12;
    if (!(det > 1e-30 * g11 * g22) || !(g11 > 0)) {
        alpha = beta = 0;
        return;
    }
    alpha = (r1 * g22 - r2 * g12) / det;
    beta = (r2 * g11 - r1 * g12) / det;
}

std::string param_layout(const NetSpec& spec) {
    std::string s = std::to_string(spec.n_inputs) + (spec.n_inputs == 1 ? " input" : " inputs");
    s += ", hidden ";
    if (spec.sizes.size() <= 1) s += "none";
    for (std::size_t i = 0; i + 1 < spec.sizes.size(); ++i)
        s += (i ? "," : "") + std::to_string(spec.sizes[i]);
    const int out = spec.sizes.empty() ? 0 : spec.sizes.back();
    s += ", " + std::to_string(out) + (out == 1 ? " output" : " outputs");
    if (spec.batch_norm && spec.sizes.size() > 1) s += ", batch norm";
    return s;
}

void plane_point(const LandscapePlane& pl, double alpha, double beta, float* out) {
    for (std::size_t k = 0; k < pl.centre.size(); ++k)
        out[k] = (float)((double)pl.centre[k] + alpha * (double)pl.d1[k] + beta * (double)pl.d2[k]);
}

} // namespace bp
