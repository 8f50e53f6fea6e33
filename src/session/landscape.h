// landscape.h: the loss landscape's geometry (issue 18, after Li et al. 2018, "Visualizing the
// Loss Landscape of Neural Nets"): two directions through weight space, the coordinates of the
// n x n plane they span, and where a trajectory of weights lies on it. Pure functions over
// buffers in the params layout (network.h); the Session evaluates losses on them
// (session_landscape.cpp). Everything is computed in double and stored in float, with our own RNG
// and no elementary functions but sqrt, so the CLI and the browser get the same bits.
#pragma once
#include "../engine/network.h"
#include <cstddef>
#include <string>
#include <vector>

namespace bp {

class Rng;

enum class PlaneDirections { Random, Pca };

constexpr int kMaxLandscapeSide = 257; // n of an n x n plane, or points of a line
// weights kept per run (thinned when full); principal directions cost ~snapshots^2 x params
constexpr int kMaxTrajectorySnapshots = 128;
constexpr std::size_t kMaxTrajectoryFloats = 1u << 22; // 16 MiB: fewer snapshots on big nets

struct LandscapePlane {
    PlaneDirections dirs = PlaneDirections::Random;
    int n = 0;                         // 0: no plane yet
    double span = 0;                   // alpha and beta run over [-span, span]
    std::vector<float> centre, d1, d2; // params layout: the plane is centre + alpha d1 + beta d2
    std::vector<float> path; // the recorded trajectory on the plane, [snapshots][2] (alpha, beta),
                             // oldest first; least-squares coordinates when it leaves the plane
};

// Coordinate i of n over [-span, span], exactly 0 at the middle of an odd n. Plane images are
// row-major from the top-left: column c has alpha = plane_coord(c), row r has beta =
// plane_beta(r) (beta grows upwards, as the input plane's x2 does).
inline double plane_coord(int i, int n, double span) {
    return span * (double)(2 * i - (n - 1)) / (double)(n - 1);
}
inline double plane_beta(int r, int n, double span) {
    return plane_coord(n - 1 - r, n, span); // not -plane_coord: no -0 at the centre
}

// A random direction normalized per neuron ("filter normalization"): standard normals from rng
// for every parameter, then each neuron's incoming weights scaled so that their norm equals the
// norm of that neuron's weights in params. Biases and batch-norm gamma/beta get 0 (Li et al.'s
// "ignore biasbn" choice): a plane then moves only weights. A neuron whose weights are all 0
// gets 0. d: params layout.
void filter_normalized_direction(const Network<float>& net, const float* params, Rng& rng,
                                 std::vector<float>& d);

// The two principal directions (unit length, orthogonal) of `count` snapshots of P parameters
// (row-major in snaps) around their mean: sklearn's PCA of the trajectory, as Li et al. take it.
// Signs: the first snapshot has coordinates <= 0 on both. "" or why not (fewer than 3
// snapshots, or a trajectory that does not span two directions).
std::string pca_directions(const std::vector<float>& snaps, std::size_t count, std::size_t P,
                           std::vector<float>& d1, std::vector<float>& d2);

// Least-squares (alpha, beta) of p - centre on span{d1, d2}; (0, 0) when d1, d2 are degenerate.
void plane_project(const float* p, const std::vector<float>& centre, const std::vector<float>& d1,
                   const std::vector<float>& d2, double& alpha, double& beta);

// A network's parameter layout in words ("2 inputs, hidden 4,2, 1 output, batch norm"): networks
// with equal layouts keep each weight at the same offset of their parameters (network.h), so the
// weights of one (a race variant) can be projected on a plane made for the other. Activations,
// optimizers and the like do not change it.
std::string param_layout(const NetSpec& spec);

// centre + alpha d1 + beta d2, each entry summed in double and rounded once.
void plane_point(const LandscapePlane& pl, double alpha, double beta, float* out);

} // namespace bp
