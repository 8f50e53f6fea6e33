// test_kernels_wide.cpp: the dense kernels' blocked paths (column blocks, packed panels, the fused
// small-batch backward of dense_backward.cpp) against their naive twins bit for bit at the tile
// edges of wide layers: widths 1..257 in and out, odd batch sizes, both caller strides the engine
// uses. Then against float64 sums (the math, independent of the order) and the documented order's
// one visible corner (a dW lane of -0 products stays -0).
#include "engine/dense.h"
#include "engine/network.h"
#include "engine/rng.h"
#include "kernel_inputs.h"
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <vector>

using namespace bp;

namespace {
const int kWidths[] = {1, 3, 4, 5, 8, 9, 17, 255, 256, 257};
const int kBatches[] = {1, 3, 5, 9, 10, 12, 16, 17, 20, 33};

using bp_test::random_vec;
using bp_test::same_bits;
// The engine's activations use a stride of 256 (the network's capacity); the other stride is
// just past the batch. Both go through the kernels' packing.
std::size_t stride_for(int n_in, int n_out, int B) {
    return (n_in + n_out + B) % 2 ? (std::size_t)B + 3 : 256;
}
} // namespace

TEST_CASE("dense_forward equals its naive twin at wide tile edges") {
    Rng r(101);
    for (int n_in : kWidths)
        for (int n_out : kWidths)
            for (int B : kBatches) {
                const std::size_t ld_x = stride_for(n_in, n_out, B), ld_z = ld_x + 1;
                auto W = random_vec((std::size_t)n_in * n_out, r), b = random_vec(n_out, r);
                auto x = random_vec(n_in * ld_x, r, 3.0f);
                std::vector<float> z1(n_out * ld_z, 7.0f), z2 = z1;
                dense_forward(W.data(), b.data(), x.data(), ld_x, z1.data(), ld_z, n_in, n_out, B);
                dense_forward_naive(W.data(), b.data(), x.data(), ld_x, z2.data(), ld_z, n_in,
                                    n_out, B);
                CAPTURE(n_in);
                CAPTURE(n_out);
                CAPTURE(B);
                REQUIRE(same_bits(z1, z2)); // also: columns past B untouched (7.0f in both)
            }
}

TEST_CASE("dense_backward equals its naive twin at wide tile edges, with and without dx") {
    Rng r(202);
    for (int n_in : kWidths)
        for (int n_out : kWidths)
            for (int B0 : kBatches) {
                const int B = round4(B0); // backward works on zero-padded batches
                const std::size_t ld = stride_for(n_in, n_out, B);
                auto W = random_vec((std::size_t)n_in * n_out, r), x = random_vec(n_in * ld, r);
                auto dz = random_vec(n_out * ld, r);
                for (int j = 0; j < n_out; ++j)
                    for (int s = B0; s < (int)ld; ++s) dz[j * ld + s] = 0; // padding
                auto dW1 = random_vec((std::size_t)n_in * n_out, r), db1 = random_vec(n_out, r);
                auto dW2 = dW1, db2 = db1, dW3 = dW1, db3 = db1;
                std::vector<float> dx1(n_in * ld, 5.0f), dx2 = dx1;
                dense_backward(W.data(), x.data(), ld, dz.data(), ld, dx1.data(), ld, dW1.data(),
                               db1.data(), n_in, n_out, B);
                dense_backward_naive(W.data(), x.data(), ld, dz.data(), ld, dx2.data(), ld,
                                     dW2.data(), db2.data(), n_in, n_out, B);
                dense_backward(W.data(), x.data(), ld, dz.data(), ld, (float*)nullptr, ld,
                               dW3.data(), db3.data(), n_in, n_out, B); // the first layer's call
                CAPTURE(n_in);
                CAPTURE(n_out);
                CAPTURE(B0);
                REQUIRE(same_bits(dx1, dx2));
                REQUIRE(same_bits(dW1, dW2));
                REQUIRE(same_bits(db1, db2));
                REQUIRE(same_bits(dW3, dW2));
                REQUIRE(same_bits(db3, db2));
            }
}

TEST_CASE("dense kernels on wide layers match float64 sums") {
    // The math, not the order: every result within the float32 bound n * 2^-23 * sum |terms|.
    struct Shape {
        int n_in, n_out, B0;
    };
    const Shape shapes[] = {{256, 256, 10}, {257, 255, 17}, {255, 257, 3}, {256, 9, 33}};
    Rng r(303);
    for (const Shape& sh : shapes) {
        const int n_in = sh.n_in, n_out = sh.n_out, B0 = sh.B0, B = round4(B0);
        const std::size_t ld = 256 + 4;
        auto W = random_vec((std::size_t)n_in * n_out, r), b = random_vec(n_out, r);
        auto x = random_vec(n_in * ld, r, 2.0f), dz = random_vec(n_out * ld, r);
        for (int j = 0; j < n_out; ++j)
            for (int s = B0; s < (int)ld; ++s) dz[j * ld + s] = 0;
        auto dW = random_vec((std::size_t)n_in * n_out, r), db = random_vec(n_out, r);
        const auto dW0 = dW, db0 = db;
        std::vector<float> z(n_out * ld, 0.0f), dx(n_in * ld, 0.0f);
        dense_forward(W.data(), b.data(), x.data(), ld, z.data(), ld, n_in, n_out, B0);
        dense_backward(W.data(), x.data(), ld, dz.data(), ld, dx.data(), ld, dW.data(), db.data(),
                       n_in, n_out, B);
        const double u = std::ldexp(1.0, -23);
        CAPTURE(n_in);
        CAPTURE(n_out);
        CAPTURE(B0);
        for (int j = 0; j < n_out; ++j)
            for (int s = 0; s < B0; ++s) {
                double ref = b[j], mag = std::fabs(b[j]);
                for (int i = 0; i < n_in; ++i) {
                    const double t = (double)W[(std::size_t)j * n_in + i] * x[i * ld + s];
                    ref += t;
                    mag += std::fabs(t);
                }
                REQUIRE(std::fabs(z[j * ld + s] - ref) <= (n_in + 1) * u * mag);
            }
        for (int i = 0; i < n_in; ++i)
            for (int s = 0; s < B; ++s) {
                double ref = 0, mag = 0;
                for (int j = 0; j < n_out; ++j) {
                    const double t = (double)W[(std::size_t)j * n_in + i] * dz[j * ld + s];
                    ref += t;
                    mag += std::fabs(t);
                }
                REQUIRE(std::fabs(dx[i * ld + s] - ref) <= (n_out + 1) * u * mag);
            }
        for (int j = 0; j < n_out; ++j) {
            double rb = db0[j], mb = std::fabs(db0[j]);
            for (int s = 0; s < B0; ++s) {
                rb += dz[j * ld + s];
                mb += std::fabs(dz[j * ld + s]);
            }
            REQUIRE(std::fabs(db[j] - rb) <= (B + 1) * u * mb);
            for (int i = 0; i < n_in; ++i) {
                const std::size_t k = (std::size_t)j * n_in + i;
                double ref = dW0[k], mag = std::fabs(dW0[k]);
                for (int s = 0; s < B0; ++s) {
                    const double t = (double)dz[j * ld + s] * x[i * ld + s];
                    ref += t;
                    mag += std::fabs(t);
                }
                REQUIRE(std::fabs(dW[k] - ref) <= (B + 1) * u * mag);
            }
        }
    }
}

TEST_CASE("dW lanes start from their first product: -0 products on a -0 gradient stay -0") {
    // The one place the documented order is visible in the bits: with 0 + t the lanes would be
    // +0 and -0 + (+0) = +0. Checked for the general path (narrow) and the fused one (wide).
    for (int n : {3, 256}) {
        const int B = 12;
        const std::size_t ld = B;
        std::vector<float> W((std::size_t)n * n, 0.5f), x(n * ld, 0.0f), dz(n * ld, -1.0f);
        std::vector<float> dW1((std::size_t)n * n, -0.0f), dW2 = dW1, db1(n, 0.0f), db2 = db1;
        std::vector<float> dx1(n * ld, 0.0f), dx2 = dx1;
        dense_backward(W.data(), x.data(), ld, dz.data(), ld, dx1.data(), ld, dW1.data(),
                       db1.data(), n, n, B);
        dense_backward_naive(W.data(), x.data(), ld, dz.data(), ld, dx2.data(), ld, dW2.data(),
                             db2.data(), n, n, B);
        CAPTURE(n);
        for (std::size_t k = 0; k < dW1.size(); ++k) {
            REQUIRE(dW1[k] == 0.0f);
            REQUIRE(std::signbit(dW1[k]));
            REQUIRE(std::signbit(dW2[k]));
        }
        REQUIRE(same_bits(dx1, dx2));
        REQUIRE(dx1[0] == -0.5f * n);
        REQUIRE(db1[0] == -12.0f);
    }
}
