// test_kernels.cpp: SIMD kernels against their naive twins at the SIMD edges (sizes 1, 3, 4, 5, 8,
// 9, 17): the contract is bit-identity (same summation order), so equality is exact. Also our
// elementary functions against the C library in double.
#include "engine/activation.h"
#include "engine/dense.h"
#include "engine/elementary.h"
#include "engine/network.h"
#include "engine/rng.h"
#include "kernel_inputs.h"
#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <limits>
#include <vector>

using namespace bp;

namespace {
const int kSizes[] = {1, 3, 4, 5, 8, 9, 17};

using bp_test::random_vec;
using bp_test::same_bits;
} // namespace

TEST_CASE("dense_forward SIMD equals its naive twin bit for bit") {
    Rng r(42);
    for (int n_in : kSizes)
        for (int n_out : kSizes)
            for (int B : kSizes) {
                const std::size_t ld_x = B + 3, ld_z = B + 5; // strides other than B
                auto W = random_vec((std::size_t)n_in * n_out, r), b = random_vec(n_out, r);
                auto x = random_vec(n_in * ld_x, r, 3.0f);
                std::vector<float> z1(n_out * ld_z, 7.0f), z2 = z1;
                dense_forward(W.data(), b.data(), x.data(), ld_x, z1.data(), ld_z, n_in, n_out, B);
                dense_forward_naive(W.data(), b.data(), x.data(), ld_x, z2.data(), ld_z, n_in,
                                    n_out, B);
                CAPTURE(n_in);
                CAPTURE(n_out);
                CAPTURE(B);
                REQUIRE(same_bits(z1, z2));
            }
}

TEST_CASE("dense_backward SIMD equals its naive twin bit for bit") {
    Rng r(7);
    for (int n_in : kSizes)
        for (int n_out : kSizes)
            for (int B0 : kSizes) {
                const int B = round4(B0); // backward works on zero-padded batches
                const std::size_t ld = B + 4;
                auto W = random_vec((std::size_t)n_in * n_out, r), x = random_vec(n_in * ld, r);
                auto dz = random_vec(n_out * ld, r);
                for (int j = 0; j < n_out; ++j)
                    for (int s = B0; s < (int)ld; ++s) dz[j * ld + s] = 0; // padding
                auto dW1 = random_vec((std::size_t)n_in * n_out, r), db1 = random_vec(n_out, r);
                auto dW2 = dW1, db2 = db1;
                std::vector<float> dx1(n_in * ld, 0.0f), dx2 = dx1;
                dense_backward(W.data(), x.data(), ld, dz.data(), ld, dx1.data(), ld, dW1.data(),
                               db1.data(), n_in, n_out, B);
                dense_backward_naive(W.data(), x.data(), ld, dz.data(), ld, dx2.data(), ld,
                                     dW2.data(), db2.data(), n_in, n_out, B);
                CAPTURE(n_in);
                CAPTURE(n_out);
                CAPTURE(B);
                REQUIRE(same_bits(dx1, dx2));
                REQUIRE(same_bits(dW1, dW2));
                REQUIRE(same_bits(db1, db2));
            }
}

TEST_CASE("dense_forward matches a float64 dot product") {
    // Independent check of the math (not of the order): 3 inputs, 2 outputs, hand-picked values.
    const float W[] = {1, 2, 3, -1, 0.5f, 0.25f}, b[] = {0.5f, -1}, x[] = {1, 2, 3, 4, 5, 6};
    float z[4];
    dense_forward(W, b, x, 2, z, 2, 3, 2, 2);
    CHECK(z[0] == 0.5f + 1 * 1 + 2 * 3 + 3 * 5); // sample 0 = (1, 3, 5)
    CHECK(z[1] == 0.5f + 1 * 2 + 2 * 4 + 3 * 6); // sample 1 = (2, 4, 6)
    CHECK(z[2] == -1 - 1 + 0.5f * 3 + 0.25f * 5);
    CHECK(z[3] == -1 - 2 + 0.5f * 4 + 0.25f * 6);
}

TEST_CASE("activations: SIMD equals scalar twin for every activation and size") {
    Rng r(3);
    const Activation acts[] = {Activation::ReLU, Activation::Tanh, Activation::Sigmoid,
                               Activation::Linear, Activation::LeakyReLU};
    for (Activation f : acts)
        for (int n : kSizes) {
            auto z = random_vec(n, r, 6.0f), da = random_vec(n, r);
            std::vector<float> a1(n), a2(n), d1(n), d2(n);
            activation_forward(f, z.data(), a1.data(), n, 0.01f);
            activation_forward_naive(f, z.data(), a2.data(), (std::size_t)n, 0.01f);
            REQUIRE(same_bits(a1, a2));
            activation_backward(f, a1.data(), da.data(), d1.data(), n, 0.01f);
            activation_backward_naive(f, a1.data(), da.data(), d2.data(), (std::size_t)n, 0.01f);
            REQUIRE(same_bits(d1, d2));
        }
}

TEST_CASE("activations over strided rows (one call per layer) equal the scalar twin per row") {
    Rng r(4);
    const Activation acts[] = {Activation::ReLU, Activation::Tanh, Activation::Sigmoid,
                               Activation::Linear, Activation::LeakyReLU};
    for (Activation f : acts)
        for (int n : kSizes) {
            const int rows = 3;
            const std::size_t ld = n + 6; // the columns past n must stay untouched
            auto z = random_vec(rows * ld, r, 6.0f), da = random_vec(rows * ld, r);
            std::vector<float> a1(rows * ld, 5.0f), a2 = a1, d1 = a1, d2 = a1;
            activation_forward_rows(f, z.data(), ld, a1.data(), ld, rows, n, 0.01f);
            for (int j = 0; j < rows; ++j)
                activation_forward_naive(f, z.data() + j * ld, a2.data() + j * ld, n, 0.01f);
            REQUIRE(same_bits(a1, a2));
            activation_backward_rows(f, a1.data(), da.data(), d1.data(), ld, rows, n, 0.01f);
            for (int j = 0; j < rows; ++j)
                activation_backward_naive(f, a1.data() + j * ld, da.data() + j * ld,
                                          d2.data() + j * ld, n, 0.01f);
            REQUIRE(same_bits(d1, d2));
        }
}

TEST_CASE("softmax: SIMD equals scalar twin; columns sum to 1") {
    Rng r(5);
    for (int rows : {1, 3, 4, 5})
        for (int B : kSizes) {
            const std::size_t ld = B + 2;
            auto z = random_vec(rows * ld, r, 10.0f);
            std::vector<float> a1(rows * ld, 0.0f), a2 = a1;
            softmax_forward(z.data(), a1.data(), ld, rows, B);
            softmax_forward_naive(z.data(), a2.data(), ld, rows, B);
            REQUIRE(same_bits(a1, a2));
            for (int s = 0; s < B; ++s) {
                double sum = 0;
                for (int j = 0; j < rows; ++j) sum += a1[j * ld + s];
                CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
            }
        }
}

TEST_CASE("elementary float functions are accurate and lanes equal scalars") {
    double worst_exp = 0, worst_tanh = 0, worst_sig = 0;
    for (int k = -200000; k <= 200000; ++k) {
        const float x = (float)(k * 4.4e-4); // [-88, 88]
        const double e = std::exp((double)x);
        if (e > 1e-37 && e < 1e38) worst_exp = std::max(worst_exp, std::fabs(elem::exp(x) - e) / e);
        const float t = x / 8.0f; // tanh and sigmoid over [-11, 11]
        const double th = std::tanh((double)t);
        worst_tanh =
            std::max(worst_tanh, std::fabs(elem::tanh(t) - th) / std::max(std::fabs(th), 1e-30));
        const double sg = 1.0 / (1.0 + std::exp(-(double)t));
        worst_sig = std::max(worst_sig, std::fabs(elem::sigmoid(t) - sg) / sg);
        f32x4 v = splat4(x);
        REQUIRE(elem::exp_t(v)[2] == elem::exp(x));
        REQUIRE(elem::tanh_t(splat4(t))[1] == elem::tanh(t));
    }
    // float epsilon is 1.19e-7; a few ulp is the budget for our polynomial schemes.
    CHECK(worst_exp < 4e-7);
    CHECK(worst_tanh < 4e-7); // the rational tanh's worst, 3.95e-7 near |x| = 5.8, is on this grid
    CHECK(worst_sig < 6e-7);
    CHECK(std::isnan(elem::tanh(NAN)));
    CHECK(std::isnan(elem::exp(NAN)));
    CHECK(elem::tanh(INFINITY) == 1.0f);
    CHECK(elem::tanh(-INFINITY) == -1.0f);
    for (float t = 8.0f; t < 10.0f; t = std::nextafter(t, 11.0f)) // never past 1 (1 - a^2 >= 0)
        REQUIRE(elem::tanh(t) <= 1.0f);
    CHECK(elem::exp(-INFINITY) >= 0.0f);
    CHECK(elem::exp(-INFINITY) < 1e-37f);
    CHECK(elem::sigmoid(-1000.0f) >= 0.0f);
}

TEST_CASE("elementary double sin, cos, log agree with the C library") {
    double ws = 0, wl = 0;
    for (int k = -20000; k <= 20000; ++k) {
        const double x = k * 1e-3;
        ws = std::max(ws, std::fabs(elem::sin(x) - std::sin(x)));
        ws = std::max(ws, std::fabs(elem::cos(x) - std::cos(x)));
    }
    for (double x = 1e-300; x < 1e300; x *= 1.37)
        wl = std::max(wl, std::fabs(elem::log(x) - std::log(x)) /
                              std::max(1.0, std::fabs(std::log(x))));
    CHECK(ws < 1e-15);
    CHECK(wl < 1e-15);
    CHECK(elem::log(1.0) == 0.0);
}

TEST_CASE("elementary double exp agrees with the C library over its whole range") {
    // relative error against glibc's exp (an independent implementation, below 1 ulp): ours is
    // Cephes' scheme, within ~2 ulp (2^-52 = 2.2e-16) wherever the result is a normal double
    const double kInf = std::numeric_limits<double>::infinity();
    double worst = 0;
    for (double x = -708; x <= 709.7; x += 0.0137) {
        const double e = std::exp(x);
        worst = std::max(worst, std::fabs(elem::exp(x) - e) / e);
    }
    for (int k = -2000; k <= 2000; ++k) { // densely near 0, where r is x itself
        const double x = k * 1e-6, e = std::exp(x);
        worst = std::max(worst, std::fabs(elem::exp(x) - e) / e);
    }
    CHECK(worst < 5e-16);
    CHECK(elem::exp(0.0) == 1.0);
    CHECK(std::fabs(elem::exp(1.0) - 2.718281828459045235) <= 4.5e-16); // e, within an ulp
    CHECK(std::isnan(elem::exp(std::nan(""))));
    CHECK(elem::exp(kInf) == kInf);
    CHECK(elem::exp(710.0) == kInf);         // e^710 > DBL_MAX = e^709.78...
    CHECK(std::isfinite(elem::exp(709.78))); // e^709.78 = 1.7928e308 < DBL_MAX
    CHECK(elem::exp(-kInf) == 0.0);
    CHECK(elem::exp(-746.0) == 0.0); // below half the least subnormal, 2^-1075
    CHECK(elem::exp(-740.0) > 0.0);  // e^-740 = 4.2e-322, a subnormal
    CHECK(elem::exp(-740.0) == doctest::Approx(std::exp(-740.0)).epsilon(3e-2)); // its ulp: 1.2 %
    CHECK(elem::sigmoid(0.0) == 0.5);
}
