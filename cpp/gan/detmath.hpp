// detmath: exp, log, log1p, tanh, sin and cos written out in plain IEEE
// arithmetic, so that the engine computes bit-identical numbers natively
// (glibc's libm) and in WebAssembly (Emscripten's musl libm), whose
// transcendental functions may differ in the last bit.
//
//   double y = gan::det::exp(x);   // |relative error| < 2e-16 over the double range
//
// Accuracy is close to libm's; speed is not the point: the hot loops use
// these only once per sample (losses, Box-Muller), never per weight.
#pragma once

namespace gan::det {

double exp(double x);
double log(double x);      // x > 0; log(0) = -inf; log(x < 0) = NaN
double log1p(double x);    // accurate for small x
double tanh(double x);
double sin(double x);
double cos(double x);
double sqrt(double x);     // IEEE sqrt is correctly rounded everywhere

inline constexpr double kPi = 3.14159265358979323846;

}  // namespace gan::det
