#include "gan/detmath.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace gan::det {
namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, split so n*kLn2Hi is exact
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;

// 1 / k for the series below, folded by the compiler (correctly rounded on every target).
template <int N, int Step, int First>
struct Reciprocals {
    double v[N];
    constexpr Reciprocals() : v() {
        for (int i = 0; i < N; ++i) v[i] = 1.0 / (First + Step * i);
    }
};

// 1/k! for k = 0..13: exp's Taylor coefficients.
struct InverseFactorials {
    double v[14];
    constexpr InverseFactorials() : v() {
        double f = 1.0;
        for (int k = 0; k < 14; ++k) {
            v[k] = 1.0 / f;
            f *= k + 1;
        }
    }
};

// log(1 + f) for f in [sqrt(1/2) - 1, sqrt(2) - 1] via 2 atanh(s), s = f / (2 + f):
// atanh s = s + s^3/3 + s^5/5 + ...; |s| < 0.1716, so terms to s^23 reach 1e-17 (Horner in s^2).
double log1p_reduced(double f) {
    static constexpr Reciprocals<11, 2, 3> inv;  // 1/3, 1/5, ..., 1/23
    const double s = f / (2.0 + f);
    const double s2 = s * s;
    double p = inv.v[10];
    for (int k = 9; k >= 0; --k) p = p * s2 + inv.v[k];
    return 2.0 * (s + s * s2 * p);
}

// Taylor series on |x| <= pi/4.
double sin_reduced(double x) {
    const double x2 = x * x;
    double term = x, sum = x;
    for (int k = 1; k <= 10; ++k) {
        term *= -x2 / ((2 * k) * (2 * k + 1));
        sum += term;
    }
    return sum;
}

double cos_reduced(double x) {
    const double x2 = x * x;
    double term = 1.0, sum = 1.0;
    for (int k = 1; k <= 10; ++k) {
        term *= -x2 / ((2 * k - 1) * (2 * k));
        sum += term;
    }
    return sum;
}

// Reduces x to r in [-pi/4, pi/4] with x = r + q * pi/2; returns q mod 4.
int reduce_quadrant(double x, double& r) {
    constexpr double kPiOver2Hi = 1.57079632673412561417e+00;  // pi/2 in two parts (Cody-Waite)
    constexpr double kPiOver2Lo = 6.07710050650619224932e-11;
    const double q = std::nearbyint(x / (kPi / 2));
    r = (x - q * kPiOver2Hi) - q * kPiOver2Lo;
    long long qi = static_cast<long long>(q) % 4;
    return static_cast<int>(qi < 0 ? qi + 4 : qi);
}

}  // namespace

double sqrt(double x) { return std::sqrt(x); }

double exp(double x) {
    if (std::isnan(x)) return x;
    if (x > 709.78) return std::numeric_limits<double>::infinity();
    if (x < -745.2) return 0.0;
    // x = n ln2 + r, |r| <= ln2 / 2; exp(x) = 2^n exp(r).
    const double n = std::nearbyint(x * kInvLn2);
    const double r = (x - n * kLn2Hi) - n * kLn2Lo;
    static constexpr InverseFactorials inv;
    double sum = inv.v[13];  // Taylor to r^13: r^14/14! < 1e-17 for |r| <= 0.35 (Horner)
    for (int k = 12; k >= 0; --k) sum = sum * r + inv.v[k];
    const int e = static_cast<int>(n);
    if (e < -1021 || e > 1023) return std::ldexp(sum, e);  // subnormal or near overflow: exact either way
    const std::uint64_t bits = static_cast<std::uint64_t>(e + 1023) << 52;  // 2^e, built directly
    double scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return sum * scale;
}

double log(double x) {
    if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    int e = 0;
    double m = std::frexp(x, &e);  // x = m 2^e, m in [0.5, 1)
    if (m < kSqrtHalf) {
        m *= 2.0;
        e -= 1;
    }
    return e * kLn2Hi + (log1p_reduced(m - 1.0) + e * kLn2Lo);
}

double log1p(double x) {
    if (x > -1.0 + kSqrtHalf && x < kSqrtHalf * 2 - 1.0) return log1p_reduced(x);
    return log(1.0 + x);
}

double tanh(double x) {
    if (std::isnan(x)) return x;
    const double a = std::fabs(x);
    if (a > 20.0) return x > 0 ? 1.0 : -1.0;
    // tanh a = (1 - e^{-2a}) / (1 + e^{-2a}); for small a use expm1 form to keep precision.
    double t;
    if (a < 0.55) {
        // tanh a = -m / (2 + m) with m = expm1(-2a), summed directly to avoid cancellation.
        const double y = -2.0 * a;
        double term = y, m = y;
        for (int k = 2; k <= 22; ++k) {  // |y| < 1.1: y^22/22! < 1e-20
            term *= y / k;
            m += term;
        }
        t = -m / (2.0 + m);
    } else {
        const double e = exp(-2.0 * a);
        t = (1.0 - e) / (1.0 + e);
    }
    return x < 0 ? -t : t;
}

double sin(double x) {
    if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    double r;
    switch (reduce_quadrant(x, r)) {
        case 0: return sin_reduced(r);
        case 1: return cos_reduced(r);
        case 2: return -sin_reduced(r);
        default: return -cos_reduced(r);
    }
}

double cos(double x) {
    if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    double r;
    switch (reduce_quadrant(x, r)) {
        case 0: return cos_reduced(r);
        case 1: return -sin_reduced(r);
        case 2: return -cos_reduced(r);
        default: return sin_reduced(r);
    }
}

}  // namespace gan::det
