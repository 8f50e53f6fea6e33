// elementary.cpp: deterministic double sin, cos, log, exp (see elementary.h for why).
#include "elementary.h"
#include <cstring>
#include <limits>

namespace bp {
namespace elem {
namespace {
const double sincof[] = {1.58962301576546568060E-10, -2.50507477628578072866E-8,
                         2.75573136213857245213E-6,  -1.98412698295895385996E-4,
                         8.33333333332211858878E-3,  -1.66666666666666307295E-1};
const double coscof[] = {-1.13585365213876817300E-11, 2.08757008419747316778E-9,
                         -2.75573141792967388112E-7,  2.48015872888517045348E-5,
                         -1.38888888888730564116E-3,  4.16666666666665929218E-2};
const double DP1 = 7.85398125648498535156E-1, DP2 = 3.77489470793079817668E-8,
             DP3 = 2.69515142907905952645E-15, FOPI = 1.27323954473516268615; // 4/pi

double poly_sin(double z, double zz) {
    double p = sincof[0];
    for (int i = 1; i < 6; ++i) p = p * zz + sincof[i];
    return z + z * (zz * p);
}
double poly_cos(double zz) {
    double p = coscof[0];
    for (int i = 1; i < 6; ++i) p = p * zz + coscof[i];
    return (1.0 - 0.5 * zz) + zz * zz * p;
}
// Reduces |x| to the octant j (0..7) and the remainder z in [-pi/4, pi/4]. Valid for |x| < 1e9,
// far beyond any value the playground feeds in; larger arguments return NaN.
bool reduce(double ax, int& j, double& z) {
    if (!(ax < 1e9)) return false;
    double y = (double)(int64_t)(ax * FOPI);
    int64_t k = (int64_t)y;
    if (k & 1) {
        k += 1;
        y += 1.0;
    }
    j = (int)(k & 7);
    z = ((ax - y * DP1) - y * DP2) - y * DP3;
    return true;
}
} // namespace

double sin(double x) {
    double sign = 1.0;
    if (x < 0) {
        x = -x;
        sign = -1.0;
    }
    int j;
    double z;
    if (!reduce(x, j, z)) return std::numeric_limits<double>::quiet_NaN();
    if (j > 3) {
        sign = -sign;
        j -= 4;
    }
    double zz = z * z;
    double r = (j == 1 || j == 2) ? poly_cos(zz) : poly_sin(z, zz);
    return sign * r;
}

double cos(double x) {
    if (x < 0) x = -x;
    int j;
    double z;
    if (!reduce(x, j, z)) return std::numeric_limits<double>::quiet_NaN();
    double sign = 1.0;
    if (j > 3) {
        j -= 4;
        sign = -sign;
    }
    if (j > 1) sign = -sign;
    double zz = z * z;
    double r = (j == 1 || j == 2) ? poly_sin(z, zz) : poly_cos(zz);
    return sign * r;
}

// log: x = m 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172;
// the odd series to s^27 is below 1e-17 relative.
double log(double x) {
    if (x != x || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (x == std::numeric_limits<double>::infinity()) return x;
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    int e = (int)((bits >> 52) & 0x7ff);
    if (e == 0) { // subnormal: scale up by 2^64 exactly
        return log(x * 18446744073709551616.0) - 44.361419555836499802702855; // 64 ln 2
    }
    e -= 1023;
    bits = (bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL;
    double m;
    std::memcpy(&m, &bits, 8);
    if (m > 1.41421356237309504880) {
        m *= 0.5;
        e += 1;
    }
    double s = (m - 1.0) / (m + 1.0), s2 = s * s, term = s, sum = 0.0;
    for (int k = 1; k <= 27; k += 2) {
        sum += term / k;
        term *= s2;
    }
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    return (e * ln2_hi + (2.0 * sum + e * ln2_lo));
}

// exp (Cephes exp.c): x = n ln 2 + r, |r| <= ln 2 / 2, with ln 2 split in two so that n C1 is
// exact; e^r = 1 + 2 r P(r^2) / (Q(r^2) - r P(r^2)), about 1 ulp, then scaled by 2^n.
double exp(double x) {
    if (x != x) return x;
    if (x > 709.782712893383996843) return std::numeric_limits<double>::infinity(); // ln DBL_MAX
    if (x < -745.13321910194110842) return 0.0; // below half the least subnormal
    const double n = std::floor(1.4426950408889634073599 * x + 0.5);
    double r = x - n * 6.93145751953125e-1;
    r = r - n * 1.42860682030941723212e-6;
    const double rr = r * r;
    const double p = r * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr +
                          9.99999999999999999910e-1);
    const double q = ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr +
                      2.27265548208155028766e-1) *
                         rr +
                     2.00000000000000000009e0;
    return std::ldexp(1.0 + 2.0 * (p / (q - p)), (int)n);
}

} // namespace elem
} // namespace bp
