// detmath: the engine's own exp/log/log1p/tanh/sin/cos against the C library
// over wide ranges (relative error bounds) and at special values.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

#include "gan/detmath.hpp"
#include "gan/rng.hpp"
#include "test_helpers.hpp"

namespace {

using gan::test::rel_err;
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Worst {
    double err = 0, at = 0;
};

// Largest relative error of f against g over n points drawn uniformly in [lo, hi]
// (or log-uniformly in magnitude, both signs, when log_scale).
Worst scan(const std::function<double(double)>& f, const std::function<double(double)>& g, double lo, double hi,
           bool log_scale = false, int n = 200000) {
    gan::Rng rng(12345);
    Worst w;
    for (int i = 0; i < n; ++i) {
        double x;
        if (log_scale) {
            x = std::exp(std::log(lo) + rng.uniform() * (std::log(hi) - std::log(lo)));
            if (i % 2) x = -x;
        } else {
            x = lo + rng.uniform() * (hi - lo);
        }
        const double e = rel_err(f(x), g(x));
        if (!(e <= w.err)) w = {e, x};
    }
    return w;
}

double std_exp(double x) { return std::exp(x); }
double std_log(double x) { return std::log(x); }
double std_log1p(double x) { return std::log1p(x); }
double std_tanh(double x) { return std::tanh(x); }
double std_sin(double x) { return std::sin(x); }
double std_cos(double x) { return std::cos(x); }

// Bounds: a few units in the last place (2^-52 = 2.2e-16) or better; a dropped series term or a
// wrong range-reduction constant gives errors of 1e-12 or worse.
TEST(DetMath, ExpMatchesLibmOverTheWholeRange) {
    const Worst w = scan(gan::det::exp, std_exp, -708.0, 709.0);
    EXPECT_LT(w.err, 3.5e-16) << "at x = " << w.at;  // documented: < 2e-16 (about one ulp)
    const Worst s = scan(gan::det::exp, std_exp, -1.0, 1.0);
    EXPECT_LT(s.err, 3.5e-16) << "at x = " << s.at;
    const Worst tiny = scan(gan::det::exp, std_exp, 1e-300, 1e-3, true);
    EXPECT_LT(tiny.err, 3.5e-16) << "at x = " << tiny.at;
}

TEST(DetMath, ExpSpecialValues) {
    EXPECT_EQ(gan::det::exp(0.0), 1.0);
    EXPECT_EQ(gan::det::exp(-0.0), 1.0);
    EXPECT_EQ(gan::det::exp(kInf), kInf);
    EXPECT_EQ(gan::det::exp(-kInf), 0.0);
    EXPECT_TRUE(std::isnan(gan::det::exp(kNaN)));
    EXPECT_EQ(gan::det::exp(710.0), kInf);   // overflow
    EXPECT_EQ(gan::det::exp(-750.0), 0.0);   // underflow
    EXPECT_LT(rel_err(gan::det::exp(709.78), std::exp(709.78)), 1e-15);  // just below DBL_MAX
    EXPECT_LT(rel_err(gan::det::exp(1.0), 2.718281828459045), 3e-16);
    // Subnormal results: the absolute error is within a couple of subnormal steps.
    for (double x : {-710.0, -720.0, -740.0, -745.0})
        EXPECT_NEAR(gan::det::exp(x), std::exp(x), 4 * std::numeric_limits<double>::denorm_min()) << x;
}

TEST(DetMath, LogMatchesLibm) {
    // scan draws both signs in log mode: feed |x|.
    const Worst pos = scan([](double x) { return gan::det::log(std::fabs(x)); },
                           [](double x) { return std::log(std::fabs(x)); }, 1e-300, 1e300, true);
    EXPECT_LT(pos.err, 6e-16) << "at x = " << pos.at;
    const Worst near1 = scan(gan::det::log, std_log, 0.5, 2.0);
    EXPECT_LT(near1.err, 6e-16) << "at x = " << near1.at;
    // Very close to 1, where log x is tiny: still relative accuracy.
    const Worst closer = scan([](double d) { return gan::det::log(1.0 + d); },
                              [](double d) { return std::log(1.0 + d); }, 1e-15, 1e-3, true);
    EXPECT_LT(closer.err, 6e-16) << "at 1 + " << closer.at;
}

TEST(DetMath, LogSpecialValues) {
    EXPECT_EQ(gan::det::log(1.0), 0.0);
    EXPECT_EQ(gan::det::log(0.0), -kInf);
    EXPECT_EQ(gan::det::log(-0.0), -kInf);
    EXPECT_TRUE(std::isnan(gan::det::log(-1.0)));
    EXPECT_TRUE(std::isnan(gan::det::log(-kInf)));
    EXPECT_TRUE(std::isnan(gan::det::log(kNaN)));
    EXPECT_EQ(gan::det::log(kInf), kInf);
    EXPECT_LT(rel_err(gan::det::log(2.0), 0.6931471805599453), 3e-16);
    const double dmin = std::numeric_limits<double>::denorm_min();
    EXPECT_LT(rel_err(gan::det::log(dmin), std::log(dmin)), 3e-16);
    const double big = std::numeric_limits<double>::max();
    EXPECT_LT(rel_err(gan::det::log(big), std::log(big)), 3e-16);
}

TEST(DetMath, Log1pMatchesLibm) {
    const Worst wide = scan(gan::det::log1p, std_log1p, -0.999999, 10.0);
    EXPECT_LT(wide.err, 7e-16) << "at x = " << wide.at;
    const Worst big = scan(gan::det::log1p, std_log1p, 10.0, 1e300);
    EXPECT_LT(big.err, 7e-16) << "at x = " << big.at;
    const Worst tiny = scan(gan::det::log1p, std_log1p, 1e-300, 0.1, true);  // both signs
    EXPECT_LT(tiny.err, 7e-16) << "at x = " << tiny.at;
}

TEST(DetMath, Log1pSpecialValues) {
    EXPECT_EQ(gan::det::log1p(0.0), 0.0);
    EXPECT_EQ(gan::det::log1p(-1.0), -kInf);
    EXPECT_TRUE(std::isnan(gan::det::log1p(-2.0)));
    EXPECT_EQ(gan::det::log1p(kInf), kInf);
    EXPECT_EQ(gan::det::log1p(1e-300), 1e-300);   // log1p x = x to double precision
    EXPECT_EQ(gan::det::log1p(1e-20), 1e-20);
    EXPECT_LT(rel_err(gan::det::log1p(1.0), 0.6931471805599453), 3e-16);
}

TEST(DetMath, TanhMatchesLibm) {
    const Worst w = scan(gan::det::tanh, std_tanh, -25.0, 25.0);
    EXPECT_LT(w.err, 2e-15) << "at x = " << w.at;
    const Worst tiny = scan(gan::det::tanh, std_tanh, 1e-300, 1.0, true);
    EXPECT_LT(tiny.err, 2e-15) << "at x = " << tiny.at;
}

TEST(DetMath, TanhSpecialValuesAndSymmetry) {
    EXPECT_EQ(gan::det::tanh(0.0), 0.0);
    EXPECT_EQ(gan::det::tanh(kInf), 1.0);
    EXPECT_EQ(gan::det::tanh(-kInf), -1.0);
    EXPECT_EQ(gan::det::tanh(1000.0), 1.0);
    EXPECT_TRUE(std::isnan(gan::det::tanh(kNaN)));
    EXPECT_EQ(gan::det::tanh(1e-300), 1e-300);
    gan::Rng rng(3);
    for (int i = 0; i < 1000; ++i) {
        const double x = 30.0 * (rng.uniform() - 0.5);
        EXPECT_EQ(gan::det::tanh(-x), -gan::det::tanh(x)) << x;  // exactly odd
        EXPECT_LE(std::fabs(gan::det::tanh(x)), 1.0);
    }
}

TEST(DetMath, SinCosMatchLibm) {
    // Relative error where the value is not tiny, absolute error everywhere.
    gan::Rng rng(99);
    double worst_rel = 0, worst_abs = 0, at = 0;
    for (int i = 0; i < 200000; ++i) {
        const double x = (i % 2 ? 1e4 : 100.0) * (2.0 * rng.uniform() - 1.0);
        for (int which = 0; which < 2; ++which) {
            const double a = which ? gan::det::cos(x) : gan::det::sin(x);
            const double b = which ? std::cos(x) : std::sin(x);
            worst_abs = std::fmax(worst_abs, std::fabs(a - b));
            if (std::fabs(b) > 0.1 && rel_err(a, b) > worst_rel) worst_rel = rel_err(a, b), at = x;
        }
    }
    EXPECT_LT(worst_rel, 1e-15) << "at x = " << at;
    EXPECT_LT(worst_abs, 1e-15);
    const Worst small = scan(gan::det::sin, std_sin, 1e-300, 0.78, true);
    EXPECT_LT(small.err, 1e-15) << "at x = " << small.at;
    const Worst csmall = scan(gan::det::cos, std_cos, -1.5, 1.5);
    EXPECT_LT(csmall.err, 1e-15) << "at x = " << csmall.at;
}

TEST(DetMath, SinCosSpecialValues) {
    using gan::det::kPi;
    EXPECT_EQ(gan::det::sin(0.0), 0.0);
    EXPECT_EQ(gan::det::cos(0.0), 1.0);
    EXPECT_TRUE(std::isnan(gan::det::sin(kInf)));
    EXPECT_TRUE(std::isnan(gan::det::cos(-kInf)));
    EXPECT_TRUE(std::isnan(gan::det::sin(kNaN)));
    EXPECT_EQ(gan::det::sin(1e-300), 1e-300);
    EXPECT_NEAR(gan::det::sin(kPi), 0.0, 4.5e-16);
    EXPECT_NEAR(gan::det::cos(kPi / 2), 0.0, 4.5e-16);  // within 2 ulp
    EXPECT_NEAR(gan::det::sin(kPi / 2), 1.0, 4.5e-16);  // within 2 ulp
    EXPECT_NEAR(gan::det::cos(kPi), -1.0, 4.5e-16);  // within 2 ulp
    EXPECT_NEAR(gan::det::sin(kPi / 6), 0.5, 4.5e-16);  // within 2 ulp
    EXPECT_NEAR(gan::det::cos(kPi / 3), 0.5, 4.5e-16);  // within 2 ulp
    // The 8 ring directions (what make_ring uses).
    for (int i = 0; i < 8; ++i) {
        const double a = 2.0 * kPi * i / 8;
        EXPECT_NEAR(gan::det::cos(a), std::cos(a), 2e-16) << i;
        EXPECT_NEAR(gan::det::sin(a), std::sin(a), 2e-16) << i;
        EXPECT_NEAR(gan::det::sin(a) * gan::det::sin(a) + gan::det::cos(a) * gan::det::cos(a), 1.0, 4e-16);
    }
}

TEST(DetMath, SqrtIsExact) {
    gan::Rng rng(5);
    for (int i = 0; i < 10000; ++i) {
        const double x = std::exp(1400.0 * (rng.uniform() - 0.5));
        EXPECT_EQ(gan::det::sqrt(x), std::sqrt(x));
    }
    EXPECT_EQ(gan::det::sqrt(4.0), 2.0);
    EXPECT_EQ(gan::det::sqrt(0.0), 0.0);
    EXPECT_TRUE(std::isnan(gan::det::sqrt(-1.0)));
}

}  // namespace
